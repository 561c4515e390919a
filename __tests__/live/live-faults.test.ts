/**
 * Live mode when the backend misbehaves. A tiny HTTP proxy on 127.0.0.1 sits in front of a real
 * Prometheus and injects one fault per test: backend down, 401, 500 then success, a hang past the
 * timeout. Each must end in a clear finding (one, not one per SLO), no stack trace, and no header
 * value anywhere in the output.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLive, type LiveSettings } from '../../src/live/run-live.js';
import { ensurePrometheus, skipNoticeIfUnavailable, standardScenarios, startPrometheus, type RunningPrometheus } from '../support/prometheus.js';
import { eventsSlo, modelOf } from './slos.js';

const env = await ensurePrometheus();
skipNoticeIfUnavailable(env);

type Fault = { kind: 'none' } | { kind: 'status'; status: number; times: number } | { kind: 'hang' };

/** Forwards to `target` unless a fault is set; records the headers it received. */
async function startProxy(target: string) {
  const state = { fault: { kind: 'none' } as Fault, requests: 0, headers: [] as http.IncomingHttpHeaders[] };
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    state.requests++;
    state.headers.push(req.headers);
    const fault = state.fault;
    if (fault.kind === 'hang') {
      hanging.add(res);
      return;
    }
    if (fault.kind === 'status' && fault.times > 0) {
      fault.times--;
      res.writeHead(fault.status, { 'content-type': 'text/plain' }).end(`injected ${fault.status}`);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': String(req.headers['content-type'] ?? '') }, body: Buffer.concat(chunks) });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    reset(fault: Fault) {
      state.fault = fault;
      state.requests = 0;
      state.headers = [];
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const SECRET = 'Bearer s3cr3t-t0ken-value';
/** The backend's error, and one notice for the SLI selectors whose series could not be checked. */
const UNREACHABLE = ['live/unreachable', 'live/series-missing'];
const ALL_SLOS = modelOf(eventsSlo('healthy'), eventsSlo('exhausted'), eventsSlo('burning'));

function expectNoLeaks(output: unknown): void {
  const text = JSON.stringify(output);
  expect(text).not.toContain('s3cr3t');
  expect(text).not.toContain('tenant-42');
  expect(text).not.toMatch(/\n\s+at |at .*\(.*:\d+:\d+\)/); // no stack frames
}

describe.skipIf(!env.available)('live mode with a faulty backend', () => {
  let prom: RunningPrometheus;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let settings: LiveSettings;
  beforeAll(async () => {
    prom = await startPrometheus({ series: standardScenarios(), historySeconds: 31 * 86_400 });
    proxy = await startProxy(prom.url);
    settings = {
      url: proxy.url,
      headers: { Authorization: SECRET, 'X-Scope-OrgID': 'tenant-42' },
      timeoutSeconds: 5,
      budgetSeconds: 30,
      failOn: 'exhausted',
      time: prom.now,
      backoffMs: 20,
    };
  });
  afterAll(async () => {
    await proxy?.close();
    await prom?.stop();
  });

  it('sends the configured headers and never prints their values', async () => {
    proxy.reset({ kind: 'none' });
    const run = await runLive(ALL_SLOS, settings);
    expect(run.summary.slos.map((r) => r.status)).toEqual(['ok', 'exhausted', 'burning']);
    expect(proxy.state.headers.every((h) => h.authorization === SECRET && h['x-scope-orgid'] === 'tenant-42')).toBe(true);
    expectNoLeaks(run);
  });

  it('sends credentials in the URL as Basic auth and prints the URL without them', async () => {
    proxy.reset({ kind: 'none' });
    const run = await runLive(modelOf(eventsSlo('healthy')), { ...settings, headers: {}, url: proxy.url.replace('http://', 'http://bot:s3cr3t@') + '/api/v1/' });
    expect(run.summary.slos[0].status).toBe('ok');
    expect(proxy.state.headers[0].authorization).toBe(`Basic ${Buffer.from('bot:s3cr3t').toString('base64')}`);
    expect(run.summary.url).toBe(proxy.url);
    expectNoLeaks(run);
  });

  it('backend down: one live/unreachable finding, every SLO not evaluated', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const run = await runLive(ALL_SLOS, { ...settings, url: `http://127.0.0.1:${port}` });
    expect(run.summary.slos.map((r) => r.status)).toEqual(['not-evaluated', 'not-evaluated', 'not-evaluated']);
    expect(run.findings.map((f) => f.check)).toEqual(UNREACHABLE);
    expect(run.findings[0]).toMatchObject({ check: 'live/unreachable', severity: 'error', file: '' });
    expect(run.findings[1]).toMatchObject({ severity: 'notice', message: 'Selectors of rules and SLI queries not checked for series: connection refused (ECONNREFUSED).' });
    expect(run.findings[0].message).toBe(
      `Prometheus API at http://127.0.0.1:${port} could not be used: connection refused (ECONNREFUSED). 3 of 3 measurable SLO(s) not evaluated live; the static checks still ran.`,
    );
    expectNoLeaks(run);
  });

  it('401: one finding that says the credentials were refused, and no retries', async () => {
    proxy.reset({ kind: 'status', status: 401, times: 1000 });
    const run = await runLive(ALL_SLOS, settings);
    expect(run.findings.map((f) => f.check)).toEqual(UNREACHABLE);
    expect(run.findings[0].message).toContain('HTTP 401 Unauthorized: the backend refused the credentials (check prometheus-headers)');
    expect(run.summary.retries).toBe(0);
    expect(proxy.state.requests).toBeLessThanOrEqual(4); // at most one per concurrent worker, then the client gives up
    expectNoLeaks(run);
  });

  it('500 then success: retried with backoff, then measured as if nothing happened', async () => {
    proxy.reset({ kind: 'status', status: 500, times: 2 });
    const run = await runLive(modelOf(eventsSlo('burning')), settings);
    expect(run.summary.retries).toBe(2);
    expect(run.summary.slos[0].status).toBe('burning');
    expect(Math.abs(run.summary.slos[0].windows[0].burnRate! - 20)).toBeLessThan(1e-6);
    expect(run.findings.map((f) => f.check)).toEqual(['live/burning']);
  });

  it('500 that does not go away: the retries are bounded and the backend is reported', async () => {
    proxy.reset({ kind: 'status', status: 502, times: 1000 });
    const run = await runLive(ALL_SLOS, { ...settings, retries: 2 });
    expect(run.findings.map((f) => f.check)).toEqual(UNREACHABLE);
    expect(run.findings[0].message).toContain('HTTP 502 Bad Gateway');
    expect(proxy.state.requests).toBeLessThanOrEqual(4 * 3);
  });

  it('a hang past the timeout: one finding after one timeout, not one per SLO', async () => {
    proxy.reset({ kind: 'hang' });
    const started = Date.now();
    const run = await runLive(ALL_SLOS, { ...settings, timeoutSeconds: 1 });
    const elapsed = Date.now() - started;
    expect(run.findings.map((f) => f.check)).toEqual(UNREACHABLE);
    expect(run.findings[0].message).toContain('no answer within 1s (prometheus-timeout)');
    expect(elapsed).toBeLessThan(2500);
    expectNoLeaks(run);
  });

  it('the total time budget bounds the run even when each query may take longer', async () => {
    proxy.reset({ kind: 'hang' });
    const started = Date.now();
    const run = await runLive(ALL_SLOS, { ...settings, timeoutSeconds: 30, budgetSeconds: 1 });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(run.summary.slos.every((r) => r.status === 'not-evaluated')).toBe(true);
    expect(run.findings.map((f) => f.check)).toEqual(UNREACHABLE);
    expect(run.findings[0].message).toContain('the live time budget of 1s ran out');
    expect(run.findings[1].message).toContain('the live time budget of 1s ran out');
  });
});
