// End to end, live mode: the committed bundle (dist/index.js) measures Sloth SLOs on a real
// Prometheus with known-answer history, gates on the exhausted budget, and never prints the
// secret request header. With the backend down, the static report is still published.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slothSlo } from '../live/slos.js';
import { pushEvent, runAction, type ActionRunResult } from '../support/action-runner.js';
import { ensurePrometheus, skipNoticeIfUnavailable, startPrometheus, standardScenarios, type RunningPrometheus } from '../support/prometheus.js';

const env = await ensurePrometheus();
skipNoticeIfUnavailable(env);

const SECRET = 's3cr3t-token-value';
const FILES = {
  'slo/payments.yml': `version: prometheus/v1\nservice: payments\nslos:\n${slothSlo('healthy')}${slothSlo('exhausted')}`,
  // No alert rules here: the static alignment checks are not what this test is about.
  '.slo-gate.yml': `checks:\n  align/burn-alert-missing: "off"\n  align/dashboard-missing: "off"\n  policy/burn-windows: "off"\n`,
};

// A page alert linked to "healthy" (replayed over its 30 days) and an alert on a misspelt metric.
const RULES = `groups:
  - name: payments
    rules:
      - alert: HealthyBurn
        expr: sum(rate(http_requests_total{service="healthy",code=~"5.."}[1h])) / sum(rate(http_requests_total{service="healthy"}[1h])) > (14.4 * 0.001)
        labels:
          severity: page
          sloth_service: payments
          sloth_slo: healthy
      - alert: Renamed
        expr: sum(rate(http_request_total{service="healthy"}[5m])) > 1
`;

const run = (url: string, extra: { files?: Record<string, string>; node?: '24' } = {}) =>
  runAction({
    event: pushEvent(),
    inputs: { 'prometheus-url': url, 'prometheus-headers': `Authorization: Bearer ${SECRET}`, 'upload-artifact': 'false', 'fail-on': 'error' },
    workspaceFiles: { ...FILES, ...extra.files },
    timeoutMs: 60_000,
    ...(extra.node ? { node: extra.node } : {}),
  });

function expectNoCrash(r: ActionRunResult): void {
  expect(r.timedOut).toBe(false);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

/** Masked for the runner, and never printed by the action itself (masking only happens on a real runner). */
function expectSecretHidden(r: ActionRunResult): void {
  // The whole header value is masked (`Bearer …`), which hides the token inside it too.
  expect(r.masks.some((m) => m.includes(SECRET))).toBe(true);
  const log = `${r.stdout}\n${r.stderr}`.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  expect(log.join('\n')).not.toContain(SECRET);
  expect(r.summary).not.toContain(SECRET);
  expect(JSON.stringify(r.outputs)).not.toContain(SECRET);
}

describe.skipIf(!env.available)('the bundled action in live mode', () => {
  let prom: RunningPrometheus;
  beforeAll(async () => {
    prom = await startPrometheus({ series: standardScenarios() });
  });
  afterAll(async () => {
    await prom?.stop();
  });

  it('measures the budgets, fails the step on the exhausted one, and never prints the header secret', async () => {
    const r = await run(prom.url);
    expectNoCrash(r);
    expect(r.exitCode).toBe(1);
    expect(r.outputs.result).toBe('fail');
    expect(Number(r.outputs.errors)).toBeGreaterThanOrEqual(1);
    const exhausted = r.annotations.filter((a) => a.title === 'live/budget-exhausted');
    expect(exhausted).toEqual([expect.objectContaining({ level: 'error', file: 'slo/payments.yml', line: 16, col: 5 })]);
    // Live section: remaining budget of each SLO and the burn chart. The action evaluates at the
    // wall clock, a few seconds after the fixture's `now`, so the exhausted figure drifts from −66.7 %.
    expect(r.summary).toMatch(/\| healthy \| 🟢 ok \| 80 % \(34\.6 min\) \|/);
    expect(r.summary).toMatch(/\| exhausted \| 🔴 budget exhausted \| −6\d(\.\d)? % \(−2\d\.\d min\) \|/);
    expect(r.summary).toMatch(/```mermaid\n(---[\s\S]*?---\n)?xychart-beta/);
    expectSecretHidden(r);
  });

  it('backend down: one live/unreachable finding, the static report still written, the gate decides', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const r = await run(`http://127.0.0.1:${port}`);
    expectNoCrash(r);
    const live = r.annotations.filter((a) => a.title?.startsWith('live/'));
    // the backend's error, and one notice for the SLI selectors it kept from being checked
    expect(live.map((a) => a.title)).toEqual(['live/unreachable', 'live/series-missing']);
    expect(r.summary).toContain('| healthy |');
    expect(r.summary).toContain('ECONNREFUSED');
    // Unreachable is a warning by default, and nothing static fails here: the step passes.
    expect(r.outputs.result).toBe(Number(r.outputs.errors) > 0 ? 'fail' : 'pass');
    expect(r.exitCode).toBe(r.outputs.result === 'fail' ? 1 : 0);
    expectSecretHidden(r);
  });

  for (const node of ['current', '24'] as const) {
    it(`live rule checks under Node ${node === 'current' ? process.versions.node.split('.')[0] : '24'}: the misspelt metric at its selector, the linked alert replayed, its timeline in the summary`, async () => {
      const r = await run(prom.url, { files: { 'rules/payments.yml': RULES }, ...(node === '24' ? { node } : {}) });
      expectNoCrash(r);
      const missing = r.annotations.filter((a) => a.title === 'live/series-missing');
      const line = RULES.split('\n').findIndex((l) => l.includes('http_request_total')) + 1;
      const col = RULES.split('\n')[line - 1].indexOf('http_request_total') + 1;
      expect(missing).toEqual([expect.objectContaining({ level: 'warning', file: 'rules/payments.yml', line, col })]);
      expect(missing[0].message).toContain('the metric http_request_total has no series on the backend');
      const replay = r.annotations.filter((a) => a.title === 'live/alert-backtest');
      expect(replay).toEqual([expect.objectContaining({ level: 'notice', file: 'rules/payments.yml', line: 4 })]);
      expect(replay[0].message).toContain('alert "HealthyBurn" (SLO "healthy"): would not have paged in 30d; the budget never burned faster than it allows in that time');
      expect(r.summary).toContain('Live checks: healthy');
      expect(r.summary).toContain('- alert HealthyBurn: would not have paged in 30d');
      expect(r.summary).not.toContain('gantt'); // nothing burned, nothing fired: no timeline
      // every request in the step's debug log (the runner shows it with ACTIONS_STEP_DEBUG), never a header value
      expect(r.stdout).toContain('::debug::prometheus /api/v1/query_range ');
      expect(r.stdout).toContain('::debug::prometheus /api/v1/metadata metric=http_requests_total');
      expectSecretHidden(r);
    }, 120_000);
  }
});
