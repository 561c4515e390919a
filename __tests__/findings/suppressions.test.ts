// Suppressions excuse findings where they are written, with a reason; the findings stay in the
// report, marked, and fail no gate. Unusable and stale suppressions are findings of their own.

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { runCheck } from '../../src/run.js';
import { readSuppressionComments } from '../../src/parse/suppression-comments.js';
import type { Finding } from '../../src/model/findings.js';
import { workspace } from '../helpers/workspace.js';
import { CONFIG, legacyRepository, RULES } from './legacy-fixture.js';

const where = (finding: Finding) => `${finding.check} ${finding.file}:${finding.line}`;

async function run(files: Record<string, string>) {
  const root = await workspace({ '.slo-gate.yml': CONFIG, ...files });
  return (await runCheck({ root, failOn: 'warning', baseline: false })).report;
}

describe('suppression comments', () => {
  it('are read with the YAML lexer: a comment inside a block scalar is query text, not a suppression', () => {
    const text = ['groups:', '  - name: g', '    rules:', '      - alert: A', '        expr: |', '          # slo-gate-disable alert/comparison: inside the query', '          up', '      # slo-gate-disable-next-line alert/comparison: a real comment', '      - alert: B', '        expr: up'].join('\n');
    const comments = readSuppressionComments(text, 'r.yml');
    expect(comments).toEqual([{ file: 'r.yml', line: 8, column: 7, scope: 'next-line', checks: ['alert/comparison'], reason: 'a real comment', fromLine: 9, toLine: 10 }]);
  });

  it('next-line excuses the rule below it, whole, and nothing else', async () => {
    const rules = RULES.replace('      - alert: InstanceSeen', '      # slo-gate-disable-next-line alert/comparison, alert/required: presence alert, paged by the team on purpose\n      - alert: InstanceSeen');
    const report = await run({ ...legacyRepository(), 'rules/legacy.yml': rules });
    const suppressed = report.findings.filter((finding) => finding.suppressed).map(where);
    expect(suppressed).toEqual(['alert/required rules/legacy.yml:9', 'alert/comparison rules/legacy.yml:10']);
    expect(report.findings.find((finding) => finding.check === 'alert/comparison')!.suppressed).toEqual({ reason: 'presence alert, paged by the team on purpose', by: 'rules/legacy.yml:8', kind: 'inSource' });
    // The other alerts' findings of the same check are not excused.
    expect(report.findings.filter((finding) => finding.check === 'alert/required' && !finding.suppressed).map(where)).toEqual(['alert/required rules/legacy.yml:4', 'alert/required rules/legacy.yml:15']);
    expect(report.adoption).toEqual({ suppressed: 2 });
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(reportSchema);
    expect(validate(JSON.parse(JSON.stringify(report))) || validate.errors).toBe(true);
  });

  it('a block suppression covers the rest of its rule group; a file suppression the whole file', async () => {
    const block = RULES.replace('    rules:\n      - alert: HighErrorRate', '    rules:\n      # slo-gate-disable alert/required: legacy group, annotations come from the template\n      - alert: HighErrorRate');
    const inBlock = await run({ 'rules/legacy.yml': block });
    expect(inBlock.findings.filter((finding) => finding.check === 'alert/required').map((finding) => [finding.line, Boolean(finding.suppressed)])).toEqual([
      [5, true],
      [9, true],
      [15, false],
    ]);
    const file = `# slo-gate-disable-file alert/required: annotations are added by our deploy tooling\n${RULES}`;
    const inFile = await run({ 'rules/legacy.yml': file });
    expect(inFile.findings.filter((finding) => finding.check === 'alert/required').every((finding) => finding.suppressed)).toBe(true);
  });

  it('a suppressed finding fails no gate, and counts apart', async () => {
    const only = RULES.split('  - name: second')[0].replace('      - alert: HighErrorRate', '      # slo-gate-disable-next-line promql/syntax: fixed upstream, vendored as is\n      - alert: HighErrorRate');
    const report = await run({ 'rules/legacy.yml': `# slo-gate-disable-file alert/required, alert/comparison: legacy file\n${only}` });
    expect(report.findings.filter((finding) => !finding.suppressed)).toEqual([]);
    expect(report.counts).toEqual({ error: 0, warning: 0, notice: 0 });
    expect(report.result).toBe('pass');
    expect(report.adoption?.suppressed).toBe(4);
  });

  it('without a reason, with an unknown check, or excusing nothing, a suppression is a config/suppression finding', async () => {
    const rules = RULES.replace('      - alert: HighErrorRate', '      # slo-gate-disable-next-line alert/required\n      - alert: HighErrorRate')
      .replace('      - alert: InstanceSeen', '      # slo-gate-disable-next-line alert/comparisn: typo\n      - alert: InstanceSeen')
      .replace('      - alert: DiskFull', '      # slo-gate-disable-next-line rule/duplicate: there is no duplicate here\n      - alert: DiskFull');
    const report = await run({ 'rules/legacy.yml': rules });
    const problems = report.findings.filter((finding) => finding.check === 'config/suppression').map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^4:7 # slo-gate-disable-next-line comment has no reason: write why after a colon/),
      '9:7 # slo-gate-disable-next-line comment names an unknown check "alert/comparisn" — did you mean "alert/comparison"?',
      '16:7 suppression of rule/duplicate at rules/legacy.yml:16 excuses no finding: remove it',
    ]);
    // The reasonless one suppressed nothing.
    expect(report.findings.find((finding) => finding.check === 'alert/required' && finding.line === 5)?.suppressed).toBeUndefined();
    expect(report.checks.map((check) => check.id)).toContain('config/suppression');
  });

  it('JSON files are suppressed through `ignore:` in .slo-gate.yml, by path glob, check and subject', async () => {
    const config = [
      'ignore:',
      '  - path: dashboards/*.json',
      '    checks: [dashboard/uid]',
      '    reason: imported by hand, never linked',
      '  - path: "**"',
      '    checks: alert/required',
      '    subject: DiskFull',
      '    reason: owned by the storage team',
      '  - path: dashboards/**',
      '    checks: [dashboard/schema]',
      '',
    ].join('\n');
    const report = await run({ ...legacyRepository(), '.slo-gate.yml': config + CONFIG });
    const uid = report.findings.find((finding) => finding.check === 'dashboard/uid')!;
    expect(uid.suppressed).toEqual({ reason: 'imported by hand, never linked', by: '.slo-gate.yml:2', kind: 'external' });
    expect(report.findings.filter((finding) => finding.check === 'alert/required' && finding.suppressed).map((finding) => finding.line)).toEqual([14]);
    expect(report.findings.filter((finding) => finding.check === 'config/suppression').map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      expect.stringMatching(/^\.slo-gate\.yml:9 ignore entry has no reason/),
    ]);
  });
});
