import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/render/sarif.js';
import { finding, HOSTILE, reportWith } from './report-fixture.js';

describe('SARIF report', () => {
  const report = reportWith([
    finding('error', 'slo/api.yaml', 7, 'target too low', { fingerprint: 'abc123' }),
    finding('warning', 'rules/my alerts.yaml', 3, HOSTILE, { suggestion: 'groups:\n  - name: x' }),
    finding('notice', 'dashboards/d.json', undefined, 'no panel for SLO'),
    { check: 'file/parse', severity: 'error', file: 'broken.yaml', line: 1, message: 'not YAML' },
  ]);
  const log = renderSarif(report, { uri: (file) => `ops/${file}` });
  const run = log.runs[0]!;

  it('is a SARIF 2.1.0 log with one run by slo-gate', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('slo-gate');
    expect(run.tool.driver.version).toBe('0.1.0');
  });

  it('describes every check as a rule, and every result points at its rule by id and index', () => {
    const rules = run.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual(['policy/error-check', 'policy/warning-check', 'policy/notice-check', 'file/parse']);
    expect(rules[2]!.defaultConfiguration!.level).toBe('note');
    for (const result of run.results!) expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);
  });

  it('maps severities and positions the way code scanning reads them', () => {
    const results = run.results!;
    expect(results.map((result) => [result.ruleId, result.level])).toEqual([
      ['file/parse', 'error'],
      ['policy/error-check', 'error'],
      ['policy/warning-check', 'warning'],
      ['policy/notice-check', 'note'],
    ]);
    const [, error, warning, notice] = results;
    expect(error!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'ops/slo/api.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 3 },
    });
    expect(error!.partialFingerprints).toEqual({ 'sloGate/v1': 'abc123' });
    expect(warning!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('ops/rules/my%20alerts.yaml');
    // SARIF message text is plain text: kept verbatim, consumers escape it.
    expect(warning!.message.text).toBe(HOSTILE);
    expect(warning!.properties).toEqual({ suggestion: 'groups:\n  - name: x' });
    expect(notice!.locations![0]!.physicalLocation!.region).toBeUndefined();
  });

  it('gives run-level findings (no file) no location rather than an empty path', () => {
    const runLevel = renderSarif(reportWith([{ check: 'live/unreachable', severity: 'error', file: '', message: 'connection refused' }]));
    expect(runLevel.runs[0]!.results![0]!.locations).toEqual([]);
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(JSON.stringify(log))).toEqual(log);
  });
});

describe('SARIF for code scanning: docs, baseline state and suppressions', () => {
  const base = reportWith([
    finding('error', 'slo/api.yaml', 7, 'new defect', { status: 'new' }),
    finding('warning', 'rules/a.yaml', 3, 'old defect', { status: 'existing' }),
    finding('warning', 'rules/b.yaml', 4, 'known defect', { baselined: true }),
    finding('notice', 'rules/c.yaml', 5, 'excused', { suppressed: { reason: 'owned by team X', by: 'rules/c.yaml:4', kind: 'inSource' } }),
  ]);
  const report = {
    ...base,
    checks: base.checks.map((check) => ({ ...check, docs: `docs/checks/policy/${check.id.split('/')[1]}.md`, docsUrl: `https://example.test/docs/${check.id}.md` })),
    diff: { baseRef: 'main', baseSha: 'a'.repeat(40), newFindingsOnly: true, changedFilesOnly: false, counts: { new: 1, existing: 1, resolved: 1 }, newCounts: { error: 1, warning: 0, notice: 0 }, resolved: [finding('error', 'slo/old.yaml', 2, 'gone')] },
    adoption: { suppressed: 1, baseline: { file: '.slo-gate-baseline.json', matched: 1, fixed: [{ fingerprint: 'f1', check: 'policy/warning-check', file: 'rules/d.yaml', message: 'fixed since', count: 1 }] } },
  };
  const run = renderSarif(report).runs[0]!;

  it('gives every rule its docs page as helpUri and a full description', () => {
    const rule = run.tool.driver.rules!.find((entry) => entry.id === 'policy/error-check')!;
    expect(rule.helpUri).toBe('https://example.test/docs/policy/error-check.md');
    expect(rule.shortDescription!.text).toBe('A error check');
    expect(rule.fullDescription!.text).toContain('https://example.test/docs/policy/error-check.md');
  });

  it('marks results new, unchanged (on the base or in the baseline) and absent (resolved, or fixed since the baseline)', () => {
    const state = Object.fromEntries(run.results!.map((result) => [result.message.text, result.baselineState]));
    expect(state).toEqual({ 'new defect': 'new', 'old defect': 'unchanged', 'known defect': 'unchanged', excused: 'new', gone: 'absent', 'fixed since': 'absent' });
  });

  it('reports a baselined finding the pull request fixed as absent once, not once as resolved and again as fixed', () => {
    const gone = finding('warning', 'rules/d.yaml', 6, 'fixed in this pull request', { fingerprint: 'f2' });
    const both = {
      ...report,
      diff: { ...report.diff, resolved: [gone] },
      adoption: { suppressed: 1, baseline: { file: '.slo-gate-baseline.json', matched: 1, fixed: [{ fingerprint: 'f2', check: gone.check, file: gone.file, message: gone.message, count: 1 }] } },
    };
    const absent = renderSarif(both).runs[0]!.results!.filter((result) => result.baselineState === 'absent');
    expect(absent.map((result) => [result.message.text, result.locations![0]!.physicalLocation!.region!.startLine])).toEqual([['fixed in this pull request', 6]]);
  });

  it('carries a suppression with its kind and reason as justification', () => {
    const excused = run.results!.find((result) => result.message.text === 'excused')!;
    expect(excused.suppressions).toEqual([expect.objectContaining({ kind: 'inSource', status: 'accepted', justification: 'owned by team X' })]);
    expect(run.results!.filter((result) => result.suppressions).length).toBe(1);
  });
});
