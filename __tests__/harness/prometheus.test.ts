/**
 * Proves the real-Prometheus harness: synthetic 31-day history backfilled with
 * promtool, served by a real `prometheus` on 127.0.0.1, queried over HTTP.
 *
 * Tolerance: all scenario change points sit on the 60 s sampling grid and the
 * queries are evaluated at `prom.now` (the last sample), so `increase()` does
 * not extrapolate and the answers are exact up to float64 rounding of the
 * summed counters. We allow a relative error of 1e-9 (observed: < 1e-11), or an
 * absolute 1e-12 when the expected value is 0.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  ERROR_BUDGET,
  EXPECTED,
  HOUR,
  LATENCY_OBJECTIVE,
  MINUTE,
  ensurePrometheus,
  errorRatioQuery,
  latencyGoodRatioQuery,
  skipNoticeIfUnavailable,
  standardScenarios,
  startPrometheus,
  writeOpenMetrics,
  type RunningPrometheus,
  type SyntheticSeries,
} from '../support/prometheus.js';

const REL_TOL = 1e-9;
function expectClose(actual: number, expected: number): void {
  const tol = expected === 0 ? 1e-12 : Math.abs(expected) * REL_TOL;
  expect(Math.abs(actual - expected), `actual ${actual} vs expected ${expected}`).toBeLessThanOrEqual(tol);
}

/** The single sample of an instant query (fails the test unless exactly one). */
async function single(prom: RunningPrometheus, expr: string, time?: number): Promise<number> {
  const res = await prom.query(expr, time);
  expect(res, expr).toHaveLength(1);
  return res[0].value;
}

/** Extra series exercising the writer beyond the SLO scenarios (gauge, function rate, reset). */
const WRITER_FEATURES: SyntheticSeries[] = [
  // Gauge: 7 until an hour ago, 42 since.
  { type: 'gauge', name: 'synthetic_queue_depth', labels: { service: 'healthy' }, value: (t) => (t >= -HOUR ? 42 : 7) },
  // Function rate, integrated with the midpoint rule: 1/s, then 2/s for the last hour.
  // increase[1h] = 3600 × 2 = 7200; increase[2h] = 3600 × 1 + 7200 = 10800.
  { type: 'counter', name: 'synthetic_jobs_total', labels: { kind: 'ramp' }, rate: (t) => (t >= -HOUR ? 2 : 1) },
  // 1/s with a counter reset 30 min ago. The 60 s of increments between the
  // last pre-reset sample and the reset are lost (as with a real restart), so
  // increase[1h] = 3600 - 60 = 3540 and resets[1h] = 1.
  { type: 'counter', name: 'synthetic_jobs_total', labels: { kind: 'reset' }, rate: 1, resetsAt: [-30 * MINUTE] },
];

const env = await ensurePrometheus();
skipNoticeIfUnavailable(env);

describe.skipIf(!env.available)('real Prometheus harness', () => {
  let prom: RunningPrometheus;
  const value = (expr: string, time?: number) => single(prom, expr, time);

  beforeAll(async () => {
    prom = await startPrometheus({ series: [...standardScenarios(), ...WRITER_FEATURES] });
    const { timings: t, stats: s } = prom;
    console.log(
      `[prometheus harness] ${env.available ? env.version : ''} at ${prom.url}: ` +
        `wrote ${s.samples} samples / ${s.series} series / ${(s.bytes / 1e6).toFixed(1)} MB in ${t.writeMs} ms; ` +
        `promtool created ${s.blocks} blocks in ${t.blocksMs} ms; startup+ready+data check ${t.startupMs} ms; total ${t.totalMs} ms`,
    );
  });

  afterAll(async () => {
    await prom?.stop();
  });

  it('serves the backfilled history on 127.0.0.1', async () => {
    expect(prom.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ready = await fetch(`${prom.url}/-/ready`);
    expect(ready.status).toBe(200);
    const build = (await (await fetch(`${prom.url}/api/v1/status/buildinfo`)).json()) as { data: { version: string } };
    expect(build.data.version).toBe(env.available ? env.version : '');
    expect(prom.stats.blocks).toBeGreaterThan(0);
    expect(prom.stats.blocks).toBeLessThan(10); // --max-block-duration honoured (2h blocks would be ~373)

    // every scenario series exists at `now` (6 request counters, 2 histograms × 8 series)
    expectClose(await value('count(http_requests_total)'), 6);
    expectClose(await value('count({__name__=~"http_request_duration_seconds_.*"})'), 16);
    // the last hour is fully populated (61 samples at a 60 s step, both edges included) …
    expectClose(await value('count_over_time(http_requests_total{service="burning",code="500"}[1h])'), 61);
    // … and so is the start of the 30-day window
    expectClose(await value('count_over_time(http_requests_total{service="healthy",code="200"}[30d])'), 30 * 1440 + 1);
    // nothing after `now`
    expect(await prom.query('http_requests_total', prom.now + 6 * MINUTE)).toEqual([]);
  });

  it('healthy: 30-day error ratio 0.0002 → 80 % of the 99.9 % budget left', async () => {
    const expr =
      'sum(increase(http_requests_total{service="healthy",code=~"5.."}[30d])) / sum(increase(http_requests_total{service="healthy"}[30d]))';
    const res = await prom.query(expr);
    expect(res).toHaveLength(1);
    expectClose(res[0].value, EXPECTED.healthy.errorRatio['30d']);
    expectClose(1 - res[0].value / ERROR_BUDGET, 0.8);
    for (const w of ['5m', '1h', '6h'] as const) {
      expectClose(await value(errorRatioQuery('healthy', w)) / ERROR_BUDGET, EXPECTED.healthy.burnRate[w]);
    }
  });

  it('burning: 1h and 5m burn 20× (error ratio 0.02), 6h burn 3.5×, 77.25 % budget left', async () => {
    const oneHour = await value(errorRatioQuery('burning', '1h'));
    expectClose(oneHour, 20 * 0.001);
    expectClose(oneHour / ERROR_BUDGET, 20);
    expectClose(await value(errorRatioQuery('burning', '5m')) / ERROR_BUDGET, 20);
    expectClose(await value(errorRatioQuery('burning', '6h')) / ERROR_BUDGET, 3.5);
    const month = await value(errorRatioQuery('burning', '30d'));
    expectClose(month, EXPECTED.burning.errorRatio['30d']);
    expectClose(1 - month / ERROR_BUDGET, EXPECTED.burning.budgetRemaining30d);
    // rate() agrees with increase() for the burn rate
    const viaRate = await value(
      'sum(rate(http_requests_total{service="burning",code=~"5.."}[1h])) / sum(rate(http_requests_total{service="burning"}[1h]))',
    );
    expectClose(viaRate, 0.02);
  });

  it('exhausted: 72 min outage 6 days ago → 166.7 % of budget spent, not burning now', async () => {
    const month = await value(errorRatioQuery('exhausted', '30d'));
    expectClose(month, 1 / 600);
    expectClose(1 - month / ERROR_BUDGET, EXPECTED.exhausted.budgetRemaining30d);
    expect(1 - month / ERROR_BUDGET).toBeLessThan(0);
    expectClose(await value(errorRatioQuery('exhausted', '7d')), 1 / 140);
    expectClose(await value(errorRatioQuery('exhausted', '1h')), 0);
    // in the day before the outage (window ending 6 days ago) there were no errors
    expectClose(await value(errorRatioQuery('exhausted', '1d'), prom.now - 6 * DAY), 0);
    // and the outage itself is 100 % errors
    expectClose(await value(errorRatioQuery('exhausted', '1h'), prom.now - 6 * DAY + HOUR), 1);
  });

  it('nodata: queries return an empty vector', async () => {
    expect(await prom.query(errorRatioQuery('nodata', '30d'))).toEqual([]);
    expect(await prom.query('http_requests_total{service="nodata"}')).toEqual([]);
    expect(await prom.query('count(http_requests_total{service="nodata"})')).toEqual([]);
  });

  it('latency histograms: good ratio ≤ 250 ms', async () => {
    expectClose(await value(latencyGoodRatioQuery('healthy', '30d')), EXPECTED.healthy.latencyGoodRatio['30d']);
    expectClose(await value(latencyGoodRatioQuery('burning', '1h')), 0.8);
    // latency burn: (1 - 0.8) / (1 - 0.99) = 20
    const bad = 1 - await value(latencyGoodRatioQuery('burning', '1h'));
    expectClose(bad / (1 - LATENCY_OBJECTIVE), 20);
    expectClose(await value(latencyGoodRatioQuery('burning', '30d')), EXPECTED.burning.latencyGoodRatio['30d']);
    // +Inf bucket == _count
    const inf = await value(
      'sum(http_request_duration_seconds_bucket{service="healthy",le="+Inf"}) - sum(http_request_duration_seconds_count{service="healthy"})',
    );
    expectClose(inf, 0);
  });

  it('writer: gauge, function rates and counter resets', async () => {
    expectClose(await value('synthetic_queue_depth'), 42);
    expectClose(await value('synthetic_queue_depth', prom.now - 2 * HOUR), 7);
    expectClose(await value('increase(synthetic_jobs_total{kind="ramp"}[1h])'), 7200);
    expectClose(await value('increase(synthetic_jobs_total{kind="ramp"}[2h])'), 10800);
    expectClose(await value('increase(synthetic_jobs_total{kind="reset"}[1h])'), 3540);
    expectClose(await value('resets(synthetic_jobs_total{kind="reset"}[1h])'), 1);
  });
});

describe.skipIf(!env.available)('real Prometheus lifecycle', () => {
  it('stop() kills the server and removes the temporary directory', async () => {
    const prom = await startPrometheus({
      series: [{ type: 'counter', name: 'lifecycle_total', rate: 1 }],
      historySeconds: 2 * HOUR,
    });
    expectClose(await single(prom, 'increase(lifecycle_total[1h])'), 3600);
    expect(fs.existsSync(prom.dataDir)).toBe(true);
    const t = performance.now();
    await prom.stop();
    console.log(`[prometheus harness] small server: total start ${prom.timings.totalMs} ms, stop ${Math.round(performance.now() - t)} ms`);
    expect(fs.existsSync(prom.dir)).toBe(false);
    await expect(fetch(`${prom.url}/-/ready`)).rejects.toThrow();
    await prom.stop(); // idempotent
  });
});

describe('OpenMetrics writer (no server needed)', () => {
  it('writes TYPE lines per family, _total samples, second timestamps and # EOF', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slo-gate-om-'));
    try {
      const file = path.join(dir, 'h.om');
      const stats = await writeOpenMetrics(
        file,
        [
          { type: 'counter', name: 'req_total', labels: { code: '200' }, rate: { base: 1, segments: [{ from: -60, to: 0, rate: 3 }] } },
          { type: 'gauge', name: 'temp', value: 1.5 },
          { type: 'counter', name: 'req', labels: { code: '500' }, rate: 0.5 },
          { type: 'histogram', name: 'lat', labels: { s: 'a"b' }, rate: 2, buckets: [0.1, 1], cumulative: [0.5, 0.75], meanSeconds: 0.2 },
        ],
        { now: 1_700_000_100, historySeconds: 120 },
      );
      expect(stats).toMatchObject({ now: 1_700_000_100, start: 1_699_999_980, samples: 3 * 3 + 5 * 3 });
      expect(fs.readFileSync(file, 'utf8')).toBe(
        [
          '# TYPE req counter',
          'req_total{code="200"} 0 1699999980',
          'req_total{code="200"} 60 1700000040',
          'req_total{code="200"} 240 1700000100',
          'req_total{code="500"} 0 1699999980',
          'req_total{code="500"} 30 1700000040',
          'req_total{code="500"} 60 1700000100',
          '# TYPE temp gauge',
          'temp 1.5 1699999980',
          'temp 1.5 1700000040',
          'temp 1.5 1700000100',
          '# TYPE lat histogram',
          ...[0, 120, 240].flatMap((n, i) => {
            const ts = 1_699_999_980 + 60 * i;
            return [
              `lat_bucket{s="a\\"b",le="0.1"} ${n * 0.5} ${ts}`,
              `lat_bucket{s="a\\"b",le="1"} ${n * 0.75} ${ts}`,
              `lat_bucket{s="a\\"b",le="+Inf"} ${n} ${ts}`,
              `lat_count{s="a\\"b"} ${n} ${ts}`,
              `lat_sum{s="a\\"b"} ${n * 0.2} ${ts}`,
            ];
          }),
          '# EOF',
          '',
        ].join('\n'),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects inconsistent input', async () => {
    const file = path.join(os.tmpdir(), `slo-gate-om-reject-${process.pid}.om`);
    try {
      await expect(
        writeOpenMetrics(file, [
          { type: 'counter', name: 'x', rate: 1 },
          { type: 'gauge', name: 'x', value: 1 },
        ]),
      ).rejects.toThrow(/both counter and gauge/);
      await expect(
        writeOpenMetrics(file, [
          { type: 'counter', name: 'x', labels: { a: '1' }, rate: 1 },
          { type: 'counter', name: 'x_total', labels: { a: '1' }, rate: 2 },
        ]),
      ).rejects.toThrow(/duplicate series/);
      await expect(
        writeOpenMetrics(file, [{ type: 'counter', name: 'x', rate: { segments: [{ from: -10, to: 10, rate: 1 }, { from: 0, to: 20, rate: 1 }] } }]),
      ).rejects.toThrow(/overlap/);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
