// Templated YAML read template-tolerantly: Helm charts (sub-charts included) and Jinja. Fixtures
// under __tests__/fixtures/helm and __tests__/fixtures/jinja.

import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../src/config/config.js';
import { runEngine } from '../../src/engine/engine.js';
import type { Finding } from '../../src/model/findings.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { check } from '../helpers/workspace.js';

const fixture = (...parts: string[]) => path.join(REPO_ROOT, '__tests__', 'fixtures', ...parts);
const show = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.check} ${f.message}`);

// Warnings a library prints go to stderr through process.emitWarning: none may be emitted.
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(warning.message);
beforeEach(() => {
  warnings.length = 0;
  process.on('warning', onWarning);
});
afterEach(() => {
  process.off('warning', onWarning);
});

describe('Helm charts', () => {
  it('checks the PrometheusRule and dashboard in a sub-chart: the one real defect, at the template\'s line and column, and nothing else', async () => {
    const result = await runEngine(fixture('helm'), mergeConfig());
    expect(show(result.findings)).toEqual([
      'platform/charts/alerts/templates/prometheusrule.yaml:13:138 error promql/syntax alert "CheckoutErrors": could not parse expression: unclosed left parenthesis (in a Helm template)',
    ]);
    // Both rules were read (the second's range is a placeholder: its syntax error is not reported), and the dashboard.
    expect(result.linked.model.rules.map((r) => r.name)).toEqual(['CheckoutErrors', 'CheckoutLatency']);
    expect(result.linked.model.dashboards.map((d) => [d.file, d.title])).toEqual([['platform/charts/alerts/templates/dashboard-configmap.yaml', 'Checkout']]);
    expect(result.skipped.map((s) => `${s.path} ${s.reason}`)).toEqual([
      'platform/Chart.yaml not-monitoring',
      'platform/charts/alerts/Chart.yaml not-monitoring',
      'platform/charts/alerts/values.yaml not-monitoring',
      'platform/templates/deployment.yaml not-monitoring',
      'platform/values.yaml not-monitoring',
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a chart\'s templates when the path points inside them', async () => {
    const result = await runEngine(fixture('helm', 'platform', 'charts', 'alerts', 'templates'), mergeConfig());
    expect(result.linked.model.files.map((f) => [f.path, f.template?.dialect])).toEqual([
      ['dashboard-configmap.yaml', 'helm'],
      ['prometheusrule.yaml', 'helm'],
    ]);
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.check}`)).toEqual(['prometheusrule.yaml:13:138 promql/syntax']);
  });

  it('gives one notice for a template it cannot read even so, never file/parse errors', async () => {
    const result = await check({
      'chart/Chart.yaml': 'apiVersion: v2\nname: chart\nversion: 1.0.0\n',
      'chart/templates/rules.yaml': [
        'apiVersion: monitoring.coreos.com/v1',
        'kind: PrometheusRule',
        'spec:',
        '  groups: [{{- range .Values.groups }}',
        '    - name: {{ .name }}',
        '  {{- end }}]',
        '',
      ].join('\n'),
      'chart/templates/open.yaml': 'a: {{ .Values.x\n',
      'rules.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n',
    });
    expect(result.findings.filter((f) => f.check === 'file/parse')).toEqual([]);
    expect(show(result.findings)).toEqual([
      'chart/templates/open.yaml:1:4 notice file/template Helm template not checked: template action opened here is never closed (render it first for full fidelity: see the README on templated files)',
      expect.stringMatching(/^chart\/templates\/rules.yaml:\d+:\d+ notice file\/template Helm template not checked: /),
    ]);
    expect(result.skipped.filter((s) => s.reason === 'template').map((s) => s.path)).toEqual(['chart/templates/open.yaml', 'chart/templates/rules.yaml']);
    expect(warnings).toEqual([]);
  });

  it('does not let the yaml library warn about collection keys', async () => {
    await check({ 'values.yaml': 'a: {{ .Values.x }}\nb: {[1]: 2}\n' });
    expect(warnings).toEqual([]);
  });
});

describe('Jinja templates', () => {
  it('reads an Ansible template tolerantly and reports the real defect, not the placeholders; a plain file\'s Jinja leftovers stay a warning', async () => {
    const result = await runEngine(fixture('jinja'), mergeConfig());
    expect(show(result.findings).sort()).toEqual([
      'roles/prometheus/templates/alerts.yml:20:58 error promql/syntax alert "NodeLoadHigh": could not parse expression: unclosed left parenthesis (in a Jinja template)',
      'rules/leftover.yml:11:25 warning rule/template alert "ApiDown", annotation "summary": Jinja leftover `{% if env == \'prod\' %}` is not rendered by Prometheus and shows up verbatim in the notification',
    ]);
    expect(result.linked.model.rules.filter((r) => r.file.startsWith('roles/')).map((r) => r.name)).toEqual([expect.stringMatching(/^__tpl_*Down$/), 'NodeFilesystemAlmostFull', 'NodeLoadHigh']);
  });
});
