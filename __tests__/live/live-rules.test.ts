/**
 * Live rule checks against a real Prometheus: series-missing, metric-type and scrape-interval.
 * The history (8 days, sampled every 30 s) is backfilled; the server also scrapes the fixture's
 * exporter once a second so that /api/v1/metadata knows each metric's declared type (backfilled
 * blocks carry no metadata). Queries run at the fixture's `now`, before any scraped sample.
 *
 *   api_requests_total{job="api",code="200"|"500"}  counter, every 30 s
 *   batch_jobs_total{job="batch"}                    counter, every 2 m
 *   legacy_requests_total{job="legacy"}              counter that stopped 2 h ago
 *   queue_depth{job="api"}                           gauge
 *   sessions_total{job="api"}                        gauge named like a counter
 *   api_latency_seconds{job="api"}                   classic histogram
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSettings } from '../../src/live/run-live.js';
import type { Finding } from '../../src/model/findings.js';
import { runCheck } from '../../src/run.js';
import { workspace } from '../helpers/workspace.js';
import { DAY, HOUR, ensurePrometheus, skipNoticeIfUnavailable, startPrometheus, type RunningPrometheus } from '../support/prometheus.js';

const env = await ensurePrometheus();
skipNoticeIfUnavailable(env);

const RULES = `groups:
  - name: api
    rules:
      - alert: ApiErrors
        expr: sum(rate(api_requests_total{job="api",code="500"}[5m])) / sum(rate(api_requests_total{job="api"}[5m])) > 0.01
      - alert: ApiRenamed
        expr: sum(rate(api_request_total{job="api"}[5m])) > 1
      - alert: ApiWrongJob
        expr: sum(rate(api_requests_total{job="checkout",code="200"}[5m])) > 1
      - alert: ApiWrongLabel
        expr: sum(rate(api_requests_total{jb="api"}[5m])) > 1
      - alert: LegacyDown
        expr: sum(rate(legacy_requests_total{job="legacy"}[5m])) > 1
      - alert: ApiNo503Yet
        expr: sum(rate(api_requests_total{job="api",code="503"}[5m])) / sum(rate(api_requests_total{job="api"}[5m])) > 0.01
      - alert: NotThere
        expr: absent(api_request_total{job="api"})
  - name: types
    rules:
      - alert: QueueGrowing
        expr: rate(queue_depth{job="api"}[10m]) > 1
      - alert: RawErrors
        expr: api_requests_total{job="api",code="500"} > 100
      - alert: ManySessions
        expr: sessions_total{job="api"} > 100
      - alert: SlowApi
        expr: histogram_quantile(0.99, sum by (le) (rate(api_latency_seconds_bucket{job="api"}[10m]))) > 0.5
      - alert: QuantileOfGauge
        expr: histogram_quantile(0.99, queue_depth{job="api"}) > 0.5
  - name: intervals
    rules:
      - alert: ApiRate2m
        expr: rate(api_requests_total{job="api",code="200"}[2m]) > 100
      - alert: BatchRate5m
        expr: rate(batch_jobs_total{job="batch"}[5m]) > 1
        for: 1m
`;

/** line:column of the n-th occurrence of `needle` (1-based), computed from the file text. */
function at(text: string, needle: string, nth = 1): string {
  let index = -1;
  for (let k = 0; k < nth; k++) index = text.indexOf(needle, index + 1);
  expect(index, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

type Fault = 'none' | 'no-metadata' | '503' | 'hang';

/** Forwards to `target`, or injects the fault: metadata answered 404 (Thanos, some Mimir), every request 503, every request hangs. */
async function startProxy(target: string) {
  const state = { fault: 'none' as Fault };
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    if (state.fault === 'hang') return void hanging.add(res);
    if (state.fault === '503') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('injected');
    if (state.fault === 'no-metadata' && req.url?.startsWith('/api/v1/metadata')) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': String(req.headers['content-type'] ?? '') }, ...(req.method === 'GET' ? {} : { body: Buffer.concat(chunks) }) });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.skipIf(!env.available)('live rule checks against a real Prometheus', () => {
  let prom: RunningPrometheus;
  let live: LiveSettings;
  let findings: Finding[];
  let requests = 0;
  const logged: string[] = [];
  const show = (check: string) => findings.filter((f) => f.check === check).map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`);

  beforeAll(async () => {
    const job = (name: string) => ({ job: name });
    prom = await startPrometheus({
      stepSeconds: 30,
      historySeconds: 8 * DAY,
      live: { scrapeIntervalSeconds: 1 },
      series: [
        { type: 'counter', name: 'api_requests_total', labels: { ...job('api'), code: '200' }, rate: 50 },
        { type: 'counter', name: 'api_requests_total', labels: { ...job('api'), code: '500' }, rate: 0.1 },
        { type: 'counter', name: 'batch_jobs_total', labels: job('batch'), rate: 2, everySeconds: 120 },
        { type: 'counter', name: 'legacy_requests_total', labels: job('legacy'), rate: 5, until: -2 * HOUR },
        { type: 'gauge', name: 'queue_depth', labels: job('api'), value: (t) => 10 + Math.sin(t / 600) * 5 },
        { type: 'gauge', name: 'sessions_total', labels: job('api'), value: 42 },
        { type: 'histogram', name: 'api_latency_seconds', labels: job('api'), rate: 20, buckets: [0.1, 0.5, 1], cumulative: [0.7, 0.99, 1] },
      ],
    });
    // The exporter's first scrape fills the metadata the type checks read.
    for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((r) => setTimeout(r, 200))) {
      const body = (await (await fetch(`${prom.url}/api/v1/metadata?metric=queue_depth`)).json()) as { data: Record<string, unknown> };
      if (body.data.queue_depth) break;
    }
    live = { url: prom.url, headers: { Authorization: 'Bearer s3cr3t' }, timeoutSeconds: 10, budgetSeconds: 60, failOn: 'exhausted', time: prom.now, log: (line) => void logged.push(line) };
    const dir = await workspace({ 'rules/api.yml': RULES });
    const run = await runCheck({ root: dir, failOn: 'error', live });
    findings = run.report.findings;
    requests = run.live!.summary.requests;
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    await prom?.stop();
  });
  let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
  const noticesOf = (all: Finding[]) => all.filter((f) => f.check.startsWith('live/') && f.file === '').map((f) => `${f.severity} ${f.check}: ${f.message}`);

  it('a backend without /api/v1/metadata: one notice, promql/counter keeps its name-based findings, the rest is measured', async () => {
    proxy ??= await startProxy(prom.url);
    proxy.state.fault = 'no-metadata';
    const dir = await workspace({ 'rules/api.yml': RULES });
    const { report } = await runCheck({ root: dir, failOn: 'error', live: { ...live, url: proxy.url, log: undefined } });
    expect(noticesOf(report.findings)).toEqual([
      "notice live/metric-type: Metric types not checked against the backend's metadata: /api/v1/metadata is not available on this backend (HTTP 404); promql/counter keeps its name-based findings.",
    ]);
    expect(report.findings.filter((f) => f.check === 'live/metric-type' && f.file !== '')).toEqual([]);
    expect(report.findings.filter((f) => f.check === 'promql/counter').map((f) => f.subject)).toEqual(['types/RawErrors/api_requests_total', 'types/ManySessions/sessions_total']);
    expect(report.findings.filter((f) => f.check === 'live/series-missing')).toHaveLength(5);
    expect(report.findings.filter((f) => f.check === 'live/scrape-interval')).toHaveLength(2);
  });

  for (const [fault, cause] of [
    ['503', 'HTTP 503 Service Unavailable'],
    ['hang', 'no answer within 1s (prometheus-timeout)'],
  ] as const) {
    it(`every request ${fault === 'hang' ? 'hangs' : 'answers 503'}: one notice per capability, the static report intact`, async () => {
      proxy ??= await startProxy(prom.url);
      proxy.state.fault = fault;
      const dir = await workspace({ 'rules/api.yml': RULES });
      const { report } = await runCheck({ root: dir, failOn: 'error', live: { ...live, url: proxy.url, timeoutSeconds: 1, retries: 1, backoffMs: 10, log: undefined } });
      const notices = noticesOf(report.findings).filter((n) => !n.startsWith('error live/unreachable'));
      expect(notices.map((n) => n.split(':')[0])).toEqual(['notice live/metric-type', 'notice live/scrape-interval', 'notice live/series-missing']);
      for (const notice of notices) expect(notice).toContain(cause);
      expect(report.findings.filter((f) => f.check.startsWith('live/') && f.file !== '')).toEqual([]);
      // the static checks ran as without live mode: the name-based counter findings and the 60 s rate-range one
      expect(report.findings.filter((f) => f.check === 'promql/counter')).toHaveLength(2);
      expect(report.findings.filter((f) => f.check === 'promql/rate-range').map((f) => f.subject)).toEqual(['intervals/ApiRate2m/api_requests_total']);
    });
  }

  it('series-missing: a renamed metric, a wrong label value, a wrong label name and a stale series, each at its selector with the matcher that drops it', () => {
    expect(show('live/series-missing')).toEqual([
      `${at(RULES, 'api_request_total{job="api"}')} warning alert "ApiRenamed": api_request_total{job="api"} selects nothing: the metric api_request_total has no series on the backend (none in the last 7d); a renamed metric or a typo, and the rule never sees data`,
      `${at(RULES, 'api_requests_total{job="checkout"')} warning alert "ApiWrongJob": api_requests_total{job="checkout", code="200"} selects none of the 2 series of api_requests_total: job="checkout" drops them all (job values it has include "api")`,
      `${at(RULES, 'api_requests_total{jb="api"}')} warning alert "ApiWrongLabel": api_requests_total{jb="api"} selects none of the 2 series of api_requests_total: jb="api" drops them all: no series of api_requests_total has a "jb" label`,
      `${at(RULES, 'legacy_requests_total{job="legacy"}')} warning alert "LegacyDown": legacy_requests_total{job="legacy"} stopped reporting: no sample in the last 1h, though it had series in the last 7d`,
      `${at(RULES, 'api_requests_total{job="api",code="503"}')} notice alert "ApiNo503Yet": api_requests_total{job="api", code="503"} selects none of the 2 series of api_requests_total: code="503" drops them all (code values it has include "200", "500") — it counts a part of a total that has series, so it may only mean none of these events happened yet`,
    ]);
  });

  it('metric-type: a gauge under rate, a counter compared raw, histogram_quantile over a gauge — and no name-based promql/counter duplicate', () => {
    expect(show('live/metric-type')).toEqual([
      `${at(RULES, 'queue_depth{job="api"}[10m]')} warning alert "QueueGrowing": rate() over queue_depth, which the backend declares a gauge: a gauge goes down as well as up and rate() reads every drop as a counter reset; use deriv() or delta() for its change`,
      `${at(RULES, 'api_requests_total{job="api",code="500"} > 100')} warning alert "RawErrors": api_requests_total is compared raw, and the backend declares api_requests a counter: its value only grows and resets on restart, so it says nothing about now; use rate() or increase()`,
      `${at(RULES, 'queue_depth{job="api"}) > 0.5')} warning alert "QuantileOfGauge": histogram_quantile() over queue_depth, but the backend declares it a gauge: there are no cumulative buckets to interpolate, so the result means nothing`,
    ]);
    // sessions_total looks like a counter by name; the backend says gauge, so nothing is reported about it
    expect(findings.filter((f) => f.check === 'promql/counter')).toEqual([]);
    expect(findings.some((f) => f.message.includes('sessions_total'))).toBe(false);
    expect(findings.filter((f) => f.check.startsWith('live/') && f.subject?.startsWith('types/SlowApi'))).toEqual([]);
  });

  it('logs every request at debug level, without header values', () => {
    expect(logged).toHaveLength(requests);
    expect(logged.every((line) => /^prometheus \/api\/v1\/(query|metadata|targets) /.test(line))).toBe(true);
    expect(logged.join('\n')).not.toContain('s3cr3t');
    expect(logged.some((line) => line.includes('metadata') && line.includes('queue_depth'))).toBe(true);
  });

  it('scrape-interval: 30 s sample spacing clears rate(x[2m]), 2 m spacing flags rate(x[5m]) and for: 1m', () => {
    expect(show('live/scrape-interval')).toEqual([
      `${at(RULES, 'batch_jobs_total{job="batch"}')} warning alert "BatchRate5m": rate(batch_jobs_total{job="batch"}[5m]) spans fewer than 4 samples at its 2m scrape interval (sample spacing on the backend); use at least [8m]`,
      `${at(RULES, '1m', 1)} warning alert "BatchRate5m": for: 1m is shorter than the 2m scrape interval (sample spacing on the backend) of batch_jobs_total{job="batch"}: one sample decides, so the alert fires on a single bad scrape; use at least 4m`,
    ]);
    // the configured 60 s default would flag rate(x[2m]); at the measured 30 s it is fine, so the static finding is gone
    expect(findings.filter((f) => f.check === 'promql/rate-range')).toEqual([]);
  });
});
