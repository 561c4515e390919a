import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/report.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { check, findingsOf } from '../helpers/workspace.js';

const ruleFile = 'groups:\n  - name: ok\n    rules:\n      - record: job:up:sum\n        expr: sum(up)\n';

describe('run/nothing-checked', () => {
  it('warns on an empty directory, fails the gate with fail-on: warning, and heads the summary', async () => {
    const result = await check({});
    const findings = result.findings.filter((f) => f.check === 'run/nothing-checked');
    expect(findings.map((f) => [f.severity, f.file, f.message])).toEqual([
      [
        'warning',
        '',
        'nothing was checked: no YAML or JSON file was found under the checked path. Check `path`, `include` and `exclude`, and that the workflow checks the repository out (actions/checkout) before slo-gate runs.',
      ],
    ]);
    const report = buildReport({ ...result, checks: result.checks.map((check) => check.meta) }, { failOn: 'warning', toolVersion: 'test' });
    expect(report.result).toBe('fail');
    expect(buildReport({ ...result, checks: result.checks.map((check) => check.meta) }, { failOn: 'error', toolVersion: 'test' }).result).toBe('pass');
    const markdown = renderMarkdown(report).split('\n').filter(Boolean);
    expect(markdown[0]).toBe('## ❌ 1 warning — check failed');
    expect(markdown[1]).toMatch(/^🟠 \*\*nothing was checked.*no YAML or JSON file/);
    expect(renderText(report).split('\n')[0]).toMatch(/^warning: nothing was checked: .* \(run\/nothing-checked\)$/);
  });

  it('counts the files read when none of them is ours', async () => {
    const findings = await findingsOf('run/nothing-checked', {
      'renovate.json': '{"extends": ["config:base"], "groups": ["a", "b"]}',
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
    });
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('none of the 2 YAML/JSON file(s) read is an SLO policy, rule file or dashboard')]);
  });

  it('says nothing once one file is recognised', async () => {
    expect(await findingsOf('run/nothing-checked', { 'rules.yml': ruleFile, 'compose.yaml': 'services: {}\n' })).toEqual([]);
  });
});
