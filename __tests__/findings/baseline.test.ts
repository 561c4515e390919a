// The adoption path: write a baseline once, commit it, and the gate fails only on what is new —
// on every trigger. A fixed finding is reported so the baseline can shrink.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { baselineOf, parseBaseline, renderBaseline } from '../../src/findings/baseline.js';
import { runCheck } from '../../src/run.js';
import { workspace } from '../helpers/workspace.js';
import { legacyRepository, RULES } from './legacy-fixture.js';

async function adopt() {
  const root = await workspace(legacyRepository());
  const before = await runCheck({ root, failOn: 'warning' });
  await writeFile(path.join(root, '.slo-gate-baseline.json'), renderBaseline(baselineOf(before.report.findings, 'slo-gate test')));
  return { root, before: before.report };
}

describe('baseline', () => {
  it('a legacy repository fails without it and passes with it, every finding reported as in the baseline', async () => {
    const { root, before } = await adopt();
    expect(before.result).toBe('fail');
    expect(before.findings.length).toBeGreaterThanOrEqual(6);
    const after = (await runCheck({ root, failOn: 'warning' })).report;
    expect(after.result).toBe('pass');
    expect(after.findings.every((finding) => finding.baselined)).toBe(true);
    expect(after.findings.length).toBe(before.findings.length);
    expect(after.adoption).toEqual({ suppressed: 0, baseline: { file: '.slo-gate-baseline.json', matched: before.findings.length, fixed: [] } });
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(reportSchema);
    expect(validate(JSON.parse(JSON.stringify(after))) || validate.errors).toBe(true);
  });

  it('moving lines changes nothing; one new defect fails the gate with exactly that finding', async () => {
    const { root } = await adopt();
    const moved = `# moved down by a comment\n\n${RULES}`.replace(
      '  - name: second',
      '      - alert: NewAlert\n        expr: sum(rate(http_requests_total[5m]) by (job)\n        labels:\n          severity: page\n        annotations:\n          summary: new\n  - name: second',
    );
    await writeFile(path.join(root, 'rules/legacy.yml'), moved);
    const report = (await runCheck({ root, failOn: 'warning' })).report;
    expect(report.result).toBe('fail');
    expect(report.findings.filter((finding) => !finding.baselined).map((finding) => `${finding.check} ${finding.file}:${finding.line}`)).toEqual(['promql/syntax rules/legacy.yml:15']);
  });

  it('a second copy of a baselined finding is new: entries count occurrences', async () => {
    const { root } = await adopt();
    const copy = RULES.replace('  - name: second', '      - alert: InstanceSeen\n        expr: up{job="web"}\n        labels:\n          severity: warning\n  - name: second');
    await writeFile(path.join(root, 'rules/legacy.yml'), copy);
    const report = (await runCheck({ root, failOn: 'warning' })).report;
    const fresh = report.findings.filter((finding) => !finding.baselined).map((finding) => finding.check);
    expect(fresh.sort()).toEqual(['alert/comparison', 'alert/required', 'rule/duplicate']);
  });

  it('fixing a baselined finding reports the entry as fixed', async () => {
    const { root } = await adopt();
    await writeFile(path.join(root, 'dashboards/legacy.json'), JSON.stringify({ title: 'Legacy', uid: 'legacy', panels: [] }));
    const report = (await runCheck({ root, failOn: 'warning' })).report;
    expect(report.result).toBe('pass');
    expect(report.adoption?.baseline?.fixed.map((entry) => `${entry.check} ${entry.file} ×${entry.count}`)).toEqual(['dashboard/uid dashboards/legacy.json ×1']);
  });

  it('the file holds fingerprints with counts and no positions, sorted, and is read back as written', async () => {
    const { root } = await adopt();
    const text = await readFile(path.join(root, '.slo-gate-baseline.json'), 'utf8');
    const baseline = parseBaseline(text);
    expect(baseline.version).toBe(1);
    expect(text).not.toMatch(/"line"|"column"/);
    const files = baseline.findings.map((entry) => entry.file);
    expect(files).toEqual([...files].sort());
    expect(baseline.findings.find((entry) => entry.check === 'alert/required')?.count).toBe(1);
  });

  it('a named baseline that is missing or not a baseline is an error naming the file', async () => {
    const root = await workspace({ ...legacyRepository(), 'other.json': '{"version": 7}' });
    await expect(runCheck({ root, failOn: 'error', baseline: 'missing.json' })).rejects.toThrow(/cannot read the baseline: ENOENT/);
    await expect(runCheck({ root, failOn: 'error', baseline: 'other.json' })).rejects.toThrow(/not a slo-gate baseline of format 1/);
  });
});
