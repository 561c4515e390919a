// A pull request that adds or removes a Chart.yaml changes how the unchanged files below it read
// (as Helm templates or not): the base must read them as the base has them, not take the head's outcome.

import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import type { Report } from '../../src/report/report.js';
import { Repo } from './git-repo.js';

const CHART = 'apiVersion: v2\nname: app\nversion: 1.0.0\n';
// Plain YAML either way; the annotation's `{{ .Values` is a leftover only outside a chart.
const TEMPLATE = `groups:
  - name: app
    rules:
      - alert: AppDown
        expr: up{job="app"} == 0
        for: 5m
        labels:
          severity: page
        annotations:
          summary: "{{ .Values.name }} is down"
`;

async function compared(dir: string, base: string): Promise<{ code: number; report: Report; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', dir, '--format', 'json', '--base', base], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, report: stdout ? (JSON.parse(stdout) as Report) : (undefined as unknown as Report), stderr };
}

const leftovers = (findings: Report['findings']) => findings.filter((finding) => finding.check === 'rule/template').map((finding) => `${finding.file}:${finding.line} ${finding.status}`);

describe('a Chart.yaml added or removed above unchanged files', () => {
  it('added: the base still reads the file as plain rules, so its leftover is resolved', async () => {
    const repo = Repo.init();
    const base = repo.commit({ 'chart/templates/rules.yaml': TEMPLATE });
    repo.commit({ 'chart/Chart.yaml': CHART });
    const { code, report, stderr } = await compared(repo.dir, base);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(leftovers(report.findings)).toEqual([]);
    expect(report.diff!.resolved.map((finding) => `${finding.file}:${finding.line} ${finding.check}`)).toEqual(['chart/templates/rules.yaml:10 rule/template']);
  });

  it('removed: the base reads the file as a Helm template, so the head\'s leftover is new', async () => {
    const repo = Repo.init();
    const base = repo.commit({ 'chart/Chart.yaml': CHART, 'chart/templates/rules.yaml': TEMPLATE });
    repo.commit({ 'chart/Chart.yaml': null });
    const { code, report, stderr } = await compared(repo.dir, base);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(leftovers(report.findings)).toEqual(['chart/templates/rules.yaml:10 new']);
    expect(report.diff!.counts.resolved).toBe(0);
  });
});
