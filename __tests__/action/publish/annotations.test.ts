import { describe, expect, it } from 'vitest';
import { annotatedFindings, planAnnotations } from '../../../src/action/publish/annotations.js';
import { finding, reportWith } from '../../render/report-fixture.js';

describe('annotation plan', () => {
  it('keeps 10 per level, positioned findings before file-level ones, and counts the rest', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('error', 'a.yaml', i + 1, `e${i}`)),
      finding('error', 'b.yaml', undefined, 'file-level error'),
      ...Array.from({ length: 3 }, (_, i) => finding('warning', 'a.yaml', i + 1, `w${i}`)),
      ...Array.from({ length: 11 }, (_, i) => finding('notice', 'c.yaml', undefined, `n${i}`)),
    ];
    const plan = planAnnotations(findings);
    expect(plan.shown.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9']);
    expect(plan.shown.filter((f) => f.severity === 'warning')).toHaveLength(3);
    expect(plan.shown.filter((f) => f.severity === 'notice')).toHaveLength(10);
    expect(plan.notShown).toBe(3 + 1);
  });

  it('leaves room for the step’s own error and warnings', () => {
    const findings = Array.from({ length: 10 }, (_, i) => finding('error', 'a.yaml', i + 1, `e${i}`));
    const plan = planAnnotations(findings, { reserved: { error: 1 } });
    expect(plan.shown).toHaveLength(9);
    expect(plan.notShown).toBe(1);
  });

  it('prefers line and column over a line alone', () => {
    const lineOnly = { ...finding('warning', 'a.yaml', 1, 'line only'), column: undefined };
    const withColumn = finding('warning', 'z.yaml', 9, 'line and column');
    const plan = planAnnotations([lineOnly, withColumn], { reserved: { warning: 9 } });
    expect(plan.shown.map((f) => f.message)).toEqual(['line and column']);
  });
});

describe('which findings are annotated', () => {
  it('on a pull request: only new findings, never existing, baselined or suppressed ones', () => {
    const report = {
      ...reportWith([
        finding('error', 'a.yaml', 1, 'new', { status: 'new' }),
        finding('error', 'b.yaml', 1, 'on the base', { status: 'existing' }),
        finding('error', 'c.yaml', 1, 'in the baseline', { status: 'new', baselined: true }),
        finding('error', 'd.yaml', 1, 'suppressed', { status: 'new', suppressed: { reason: 'r', by: 'd.yaml:0', kind: 'inSource' } }),
      ]),
      diff: { baseRef: 'main', baseSha: 'c'.repeat(40), newFindingsOnly: true, changedFilesOnly: false, counts: { new: 3, existing: 1, resolved: 0 }, newCounts: { error: 1, warning: 0, notice: 0 }, resolved: [] },
    };
    expect(annotatedFindings(report).map((f) => f.message)).toEqual(['new']);
  });

  it('on push: every finding but the baselined and suppressed ones', () => {
    const report = reportWith([finding('warning', 'a.yaml', 1, 'plain'), finding('warning', 'b.yaml', 1, 'known', { baselined: true })]);
    expect(annotatedFindings(report).map((f) => f.message)).toEqual(['plain']);
  });
});
