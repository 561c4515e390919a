// Worker threads read files only in the bundle (a worker runs dist/cli.js itself), so this runs
// the committed CLI as a child process: the report with worker threads must be the report of one
// thread, including what crosses files (OpenSLO references, Sloth AlertWindows, duplicate alert
// names, dashboard uids) and what cannot be read (broken YAML, binary data).

import { execFile } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/corpus.js';
import { openSloSli, openSloSlo, slothSpec } from '../helpers/slo-fixtures.js';
import { workspace } from '../helpers/workspace.js';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const run = promisify(execFile);

const rules = (n: number) => `groups:
  - name: service-${n}
    rules:
      - alert: HighErrorRate
        expr: |
          sum(rate(http_requests_total{job="svc-${n}",code=~"5.."}[5m]))
            / sum(rate(http_requests_total{job="svc-${n}"}[5m])) > ${n % 3 === 0 ? '(1 - 0.999) * 14.4' : '0.05'}
        for: 5m
        labels: { severity: ${n % 4 === 0 ? 'page' : 'critical'} }
        annotations:
          summary: "errors on {{ $labels.job }}${n % 5 === 0 ? ' {{ .Broken' : ''}"
      - alert: Requests${n % 7 === 0 ? '' : n}
        expr: "http_requests_total{job=\\"svc-${n}\\"} > ${n % 2 ? '100' : 'sum(rate(x[1m])'}"
`;

const dashboard = (n: number) =>
  JSON.stringify({
    uid: n % 6 === 0 ? 'shared-uid' : `dash-${n}`,
    title: `Service ${n}`,
    templating: { list: [{ name: 'job', current: { value: `svc-${n}` } }] },
    panels: [
      { id: 1, type: n % 2 ? 'graph' : 'timeseries', targets: [{ refId: 'A', expr: `sum(rate(http_requests_total{job="$job"}[$__rate_interval])) ${n % 3 ? '' : ')'}` }] },
      { id: 1, type: 'stat', targets: [{ refId: 'B', expr: 'http_requests_total{job="$job"}' }] },
    ],
  }, null, 2);

const openslo = { 'openslo/slo.yaml': openSloSlo(), 'openslo/sli.yaml': openSloSli };

async function mixedTree() {
  const files: Record<string, string | Uint8Array> = { ...openslo };
  for (let n = 0; n < 60; n++) files[`rules/team-${n}.yaml`] = rules(n);
  for (let n = 0; n < 24; n++) files[`dashboards/service-${n}.json`] = dashboard(n);
  files['slo/sloth.yaml'] = slothSpec('99.5');
  files['rules/broken.yaml'] = 'groups:\n  - name: x\n    rules: [\n';
  files['rules/binary.yaml'] = new Uint8Array([0x67, 0x72, 0x00, 0x01]);
  const dir = await workspace(files);
  cpSync(path.join(REPO_ROOT, 'examples', 'agentaskit'), path.join(dir, 'agentaskit'), { recursive: true });
  return dir;
}

async function report(dir: string, concurrency: string, ...extra: string[]) {
  const out = path.join(await workspace({}), 'report.json');
  // The fixtures are defective on purpose; `--fail-on never` keeps the exit at 0.
  const result = await run(process.execPath, [CLI, 'check', dir, '--format', 'json', '--output', out, '--concurrency', concurrency, '--fail-on', 'never', ...extra]);
  expect(result.stderr).toMatch(/^slo-gate: passed; report written to /);
  const parsed = JSON.parse(readFileSync(out, 'utf8'));
  delete parsed.generatedAt;
  return parsed;
}

describe('worker threads (dist/cli.js --concurrency)', () => {
  it('write the same report as one thread', async () => {
    const dir = await mixedTree();

    const single = await report(dir, '1');
    const threaded = await report(dir, '3');
    expect(threaded).toEqual(single);

    // The comparison is only worth something if the tree exercises every stage.
    const checks = new Set(single.findings.map((finding: { check: string }) => finding.check));
    for (const id of ['file/parse', 'promql/syntax', 'rule/template', 'rule/duplicate', 'dashboard/uid', 'dashboard/panel-id', 'dashboard/deprecated-panel', 'dashboard/promql', 'policy/schema']) {
      expect(checks, id).toContain(id);
    }
    expect(single.slos.map((slo: { name: string }) => slo.name)).toContain('checkout-availability');
    expect(single.findings.some((finding: { message: string }) => finding.message.includes('no AlertPolicy named "checkout-fast-burn"'))).toBe(true);
  }, 60_000);

  it('fill and read the outcome cache as one thread does', async () => {
    const dir = await mixedTree();
    const cacheDir = path.join(await workspace({}), 'cache');
    const single = await report(dir, '1');

    const filled = await report(dir, '3', `--cache=${cacheDir}`);
    expect(filled.cache.fromCache).toBe(0);
    const warm = await report(dir, '3', `--cache=${cacheDir}`);
    // Every file, the unreadable ones included, comes back from what the workers stored.
    expect(warm.cache.fromCache).toBe(warm.cache.files);
    expect(warm.cache.files).toBe(filled.cache.files);
    expect(warm.cache.files).toBeGreaterThan(80);

    for (const cached of [filled, warm]) {
      delete cached.cache;
      expect(cached).toEqual(single);
    }
  }, 60_000);

  it('refuses a concurrency that is not a whole number or auto, in one line', async () => {
    const dir = await workspace({ 'rules.yaml': rules(1) });
    const failed = await run(process.execPath, [CLI, 'check', dir, '--concurrency', 'many']).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(2);
    expect(failed.stderr.split('\n')[0]).toBe('slo-gate: --concurrency must be auto or a whole number from 1 to 64, not "many"');
  });
});
