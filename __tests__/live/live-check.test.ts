/**
 * Live mode through the whole product: Sloth files read by the real engine, measured on a real
 * Prometheus with known-answer history, findings in the report at the SLO's file:line:col, the
 * gate under each live-fail-on, the report schema, the CLI — and when the backend is down, the
 * static report is still built and published with one live/unreachable finding.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSettings } from '../../src/live/run-live.js';
import { LIVE_CHECKS } from '../../src/checks/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { runCheck } from '../../src/run.js';
import { runCli } from '../../src/cli/cli.js';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { workspace } from '../helpers/workspace.js';
import { slothSlo } from './slos.js';
import { EXPECTED, ensurePrometheus, skipNoticeIfUnavailable, standardScenarios, startPrometheus, type RunningPrometheus } from '../support/prometheus.js';

const env = await ensurePrometheus();
skipNoticeIfUnavailable(env);


const FILES = {
  'slo/payments.yml': `version: prometheus/v1
service: payments
slos:
${slothSlo('healthy', false)}${slothSlo('exhausted', false)}${slothSlo('burning', true)}${slothSlo('nodata', false)}`,
  // The seed's own policy format declares no SLI query: listed as not measurable.
  'slo/seed.yml': `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: seed-availability
    target: 0.999
    window: 30d
    indicator:
      type: availability
`,
  // No alert rules in this workspace: the static alignment checks are not what this test is about.
  '.slo-gate.yml': `checks:
  align/burn-alert-missing: "off"
  align/dashboard-missing: "off"
  policy/burn-windows: "off"
`,
};

describe.skipIf(!env.available)('live mode through the engine, the report and the CLI', () => {
  let prom: RunningPrometheus;
  let dir: string;
  let live: LiveSettings;
  beforeAll(async () => {
    prom = await startPrometheus({ series: standardScenarios() });
    live = { url: prom.url, timeoutSeconds: 10, budgetSeconds: 60, failOn: 'exhausted', time: prom.now };
  });
  afterAll(async () => {
    await prom?.stop();
  });

  it('reports each SLO budget and the live findings at the SLO, and fails the gate on the exhausted budget', async () => {
    dir = await workspace(FILES);
    const { report } = await runCheck({ root: dir, failOn: 'error', live });
    const live0 = (name: string) => report.slos.find((slo) => slo.name === name)!.live!;
    expect(report.slos.map((slo) => [slo.name, slo.live?.status])).toEqual([
      ['healthy', 'ok'],
      ['exhausted', 'exhausted'],
      ['burning', 'burning'],
      ['nodata', 'no-data'],
      ['seed-availability', 'not-measurable'],
    ]);
    expect(Math.abs(live0('healthy').budgetRemaining! - 0.8)).toBeLessThan(1e-6);
    expect(Math.abs(live0('burning').budgetRemaining! - EXPECTED.burning.budgetRemaining30d)).toBeLessThan(1e-6);
    // Sloth's own windows for 30 days: the page pair is 1h/5m at 14.4×
    expect(live0('burning').windows.filter((w) => w.firing).map((w) => [w.longSeconds, w.factor, w.severity])).toEqual([[3600, 14.4, 'page']]);
    expect(live0('seed-availability').reason).toBe('the SLO declares no SLI query (indicator "availability" has no error/total, good/total or error-ratio query)');

    const liveFindings = report.findings.filter((f) => f.check.startsWith('live/')).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.check}`);
    expect(liveFindings).toEqual(['slo/payments.yml:16:5 error live/budget-exhausted', 'slo/payments.yml:28:5 warning live/burning', 'slo/payments.yml:40:5 warning live/no-data']);
    expect(report.result).toBe('fail');
    expect(report.live).toMatchObject({ url: prom.url, failOn: 'exhausted', evaluatedAt: new Date(prom.now * 1000).toISOString() });
    expect(report.checks.map((c) => c.id)).toEqual(expect.arrayContaining(LIVE_CHECKS.map((c) => c.meta.id)));

    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(reportSchema);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| burning | 🔴 burning (page) | 77.3 % (33.4 min) |');
    expect(markdown.match(/```mermaid/g)).toHaveLength(3);
  });

  it('passes under live-fail-on: never and fails on page-level burning under burning', async () => {
    dir = await workspace({ ...FILES, 'slo/payments.yml': FILES['slo/payments.yml'].replace(/  - name: exhausted[\s\S]*?(?=  - name: burning)/, '') });
    const never = await runCheck({ root: dir, failOn: 'error', live: { ...live, failOn: 'never' } });
    expect(never.report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(never.report.result).toBe('pass');
    expect(never.report.findings.filter((f) => f.check.startsWith('live/')).map((f) => f.severity)).toEqual(['notice', 'notice']);
    const exhausted = await runCheck({ root: dir, failOn: 'error', live });
    expect(exhausted.report.result).toBe('pass'); // burning is a warning by default
    const burning = await runCheck({ root: dir, failOn: 'error', live: { ...live, failOn: 'burning' } });
    expect(burning.report.result).toBe('fail');
    expect(burning.report.findings.find((f) => f.check === 'live/burning')?.severity).toBe('error');
  });

  it('backend down: the static report is still built, with one live/unreachable finding', async () => {
    dir = await workspace({ ...FILES, 'rules.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n' });
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const { report } = await runCheck({ root: dir, failOn: 'error', live: { ...live, url: `http://127.0.0.1:${port}` } });
    expect(report.findings.some((f) => f.check === 'rule/schema')).toBe(true);
    const unreachable = report.findings.filter((f) => f.check.startsWith('live/'));
    // one error for the backend, one notice for what it kept from being checked (the SLI selectors' series)
    expect(unreachable.map((f) => [f.check, f.severity, f.file])).toEqual([
      ['live/unreachable', 'error', ''],
      ['live/series-missing', 'notice', ''],
    ]);
    expect(unreachable[1].message).toBe('Selectors of rules and SLI queries not checked for series: connection refused (ECONNREFUSED).');
    expect(report.live?.unreachable).toBe('connection refused (ECONNREFUSED)');
    expect(report.slos.map((s) => s.live?.status)).toEqual(['not-evaluated', 'not-evaluated', 'not-evaluated', 'not-evaluated', 'not-measurable']);
    expect(renderMarkdown(report)).toContain('| healthy | ⚪ not evaluated | — | — | not evaluated: connection refused (ECONNREFUSED) |');
  });

  it('runs from the CLI with the live flags, and rejects a bad one with exit 2', async () => {
    dir = await workspace(FILES);
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) };
    const code = await runCli(['check', dir, '--prometheus-url', prom.url, '--prometheus-headers', 'X-Scope-OrgID: team-a', '--prometheus-timeout', '5s', '--format', 'json', '--output', path.join(dir, 'r.json')], io);
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(path.join(dir, 'r.json'), 'utf8'));
    expect(report.slos.map((s: { live?: { status: string } }) => s.live?.status)).toEqual(['ok', 'exhausted', 'burning', 'no-data', 'not-measurable']);
    // quiet unless asked: no request is printed without --debug, each one with it, never a header value
    expect(err.join('')).not.toContain('debug');
    await runCli(['check', dir, '--prometheus-url', prom.url, '--prometheus-headers', 'X-Scope-OrgID: team-a', '--debug', '--format', 'json', '--output', path.join(dir, 'r.json')], io);
    const debug = err.join('').split('\n').filter((line) => line.startsWith('slo-gate: debug: '));
    expect(debug.length).toBeGreaterThan(5);
    expect(debug.every((line) => /^slo-gate: debug: prometheus \/api\/v1\/(query|query_range|metadata|targets) /.test(line))).toBe(true);
    expect(err.join('')).not.toContain('team-a');
    err.length = 0;
    expect(await runCli(['check', dir, '--prometheus-url', prom.url, '--live-fail-on', 'sometimes'], io)).toBe(2);
    expect(err.join('')).toContain('slo-gate: --live-fail-on must be exhausted, burning or never, not "sometimes"');
  });
});
