import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeConfig } from '../../src/config/config.js';
import { runEngine } from '../../src/engine/engine.js';
import { buildReport } from '../../src/report/report.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderHtml } from '../../src/render/html.js';
import { holdsRuleGroups, isRuleFile } from '../../src/recognise/shapes.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { check } from '../helpers/workspace.js';

const fixture = (name: string) => path.join(REPO_ROOT, '__tests__', 'fixtures', name);

describe('recognition by evidence', () => {
  it('claims a rule file only when its groups hold rules', () => {
    expect(isRuleFile({ groups: [{ name: 'a', rules: [{ alert: 'A', expr: 'up == 0' }] }] })).toBe(true);
    expect(isRuleFile({ groups: [{ name: 'a', rules: [{ alert: 'A' }] }] })).toBe(true); // a rule without expr: ours, and rule/schema says why
    expect(isRuleFile({ groups: [{ name: 'empty', rules: [] }] })).toBe(true);
    expect(isRuleFile({ groups: ['monorepo:react', 'linters'] })).toBe(false);
    expect(isRuleFile({ groups: [{ name: 'admins', members: ['alice'] }] })).toBe(false);
    expect(isRuleFile({ groups: [] })).toBe(false);
    expect(holdsRuleGroups([{ name: 'a', rules: [{ uid: 'x', title: 'Grafana alert', data: [] }] }])).toBe(false);
  });

  it('gives no finding on renovate, compose, Kubernetes and workflow neighbours, and lists each as not checked', async () => {
    const result = await runEngine(fixture('neighbours'), mergeConfig());
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.check} ${f.message}`)).toEqual([]);
    expect(result.linked.model.files.filter((f) => f.kinds.length).map((f) => f.path)).toEqual(['rules.yml']);
    expect(result.skipped).toEqual([
      { path: '.github/workflows/ci.yml', reason: 'not-monitoring', detail: 'CI workflow' },
      { path: 'compose.yaml', reason: 'not-monitoring', detail: 'Compose file' },
      { path: 'deploy/app.yaml', reason: 'not-monitoring', detail: 'Kubernetes Deployment; Kubernetes Service' },
      { path: 'deploy/groups.yaml', reason: 'not-monitoring', detail: 'has `groups`, but they are not Prometheus rule groups' },
      { path: 'renovate.json', reason: 'not-monitoring', detail: 'has `groups`, but they are not Prometheus rule groups' },
      { path: 'servicemonitor.yaml', reason: 'unsupported-format', detail: 'Prometheus Operator ServiceMonitor' },
    ]);
    const report = buildReport({ ...result, checks: result.checks.map((check) => check.meta) }, { failOn: 'notice', toolVersion: 'test' });
    expect(report.result).toBe('pass');
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('7 file(s) · 0 SLO(s) · fails on `notice` · 6 file(s) not checked (5 not-monitoring, 1 unsupported-format)');
    expect(markdown).toContain('<details><summary>6 file(s) not checked (5 not-monitoring, 1 unsupported-format)</summary>\n\n- `.github/workflows/ci.yml` — not-monitoring: CI workflow\n');
    expect(renderHtml(report)).toContain('<details><summary>6 file(s) not checked (5 not-monitoring, 1 unsupported-format)</summary>');
  });

  it('says once that a file is partly ours, naming the documents left', async () => {
    const result = await check({
      'bundle.yaml': [
        'apiVersion: v1\nkind: Namespace\nmetadata: { name: mon }',
        'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: { name: r }\nspec:\n  groups:\n    - name: g\n      rules:\n        - record: job:up:sum\n          expr: sum by (job) (up)',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }',
      ].join('\n---\n'),
    });
    expect(result.linked.model.rules.map((r) => r.name)).toEqual(['job:up:sum']);
    expect(result.skipped).toEqual([{ path: 'bundle.yaml', reason: 'not-monitoring', detail: 'Kubernetes Namespace; Kubernetes Deployment', documents: [1, 3] }]);
    expect(buildReport({ ...result, checks: result.checks.map((check) => check.meta) }, { failOn: 'notice', toolVersion: 'test' }).findings).toEqual([]);
  });

  it('lists files left out by include and exclude, too large, and unparseable', async () => {
    const rules = 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n';
    const result = await check(
      { 'mon/rules.yml': rules, 'mon/old/rules.yml': rules, 'app/values.yaml': 'replicas: 2\n', 'mon/big.json': `{"x": "${'a'.repeat(2048)}"}`, 'mon/broken.yaml': 'a: [\n' },
      { include: ['mon/**'], exclude: ['mon/old/**'], maxFileBytes: 1024 },
    );
    expect(result.skipped.map((s) => `${s.path} ${s.reason} ${s.detail}`)).toEqual([
      'app/values.yaml excluded not matched by include',
      'mon/big.json too-large file is 2 KiB, over the 1 KiB limit; not read',
      expect.stringMatching(/^mon\/broken.yaml unsupported-format cannot be parsed \(line \d+: /),
      'mon/old/rules.yml excluded matches exclude',
    ]);
  });
});
