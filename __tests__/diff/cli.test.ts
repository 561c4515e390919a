// The CLI, in-process, over real git repositories: `slo-gate check DIR --base REF`.

import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import type { Finding } from '../../src/model/findings.js';
import type { Report } from '../../src/report/report.js';
import { runCli } from '../../src/cli/cli.js';
import { BASE_FILES, LEGACY_RULES, SLO_POLICY, sloAlerts } from './fixtures.js';
import { Repo, runGit } from './git-repo.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

async function jsonReport(dir: string, ...extra: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const { code, stdout, stderr } = await cli(['check', dir, '--format', 'json', ...extra]);
  return { code, report: JSON.parse(stdout) as Report, stderr };
}

const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(reportSchema);
const valid = (report: Report) => validate(report) || validate.errors;

const at = (finding: Finding) => `${finding.file}${finding.line ? `:${finding.line}` : ''}${finding.column ? `:${finding.column}` : ''}`;
const described = (finding: Finding) => `${at(finding)} ${finding.severity} ${finding.check} ${finding.message}`;
const newOnes = (report: Report) => report.findings.filter((finding) => finding.status === 'new');
const policyChanges = (report: Report) => report.findings.filter((finding) => finding.check.startsWith('diff/')).map(described);

/** A repository with the base commit and a head commit on top; returns both shas. */
function pullRequest(head: Record<string, string | null>): { repo: Repo; base: string; head: string } {
  const repo = Repo.init();
  const base = repo.commit(BASE_FILES, 'base');
  return { repo, base, head: repo.commit(head, 'head') };
}

describe('slo-gate check --base', () => {
  it('fails a pull request on the one defect it adds, not on the many the base already had', async () => {
    const broken = `      - alert: ReplicationLag
        expr: max(mysql_slave_lag_seconds) >
        labels:
          severity: ticket
        annotations:
          summary: Replication is behind
`;
    // The new rule goes first, so every pre-existing finding moves down; the query ends too early (column 45).
    const { repo, base } = pullRequest({ 'rules/legacy.yml': LEGACY_RULES.replace('    rules:\n', `    rules:\n${broken}`) });

    const before = await jsonReport(repo.dir);
    expect(before.code).toBe(1);
    const compared = await jsonReport(repo.dir, '--base', base);
    expect(compared.code).toBe(1);
    expect(compared.report.result).toBe('fail');
    expect(compared.report.diff).toMatchObject({ baseRef: base, baseSha: base, newFindingsOnly: true, counts: { new: 1, resolved: 0 } });
    expect(newOnes(compared.report).map((finding) => `${at(finding)} ${finding.check}`)).toEqual(['rules/legacy.yml:5:45 promql/syntax']);
    // Everything else the head has, the base had: as many existing findings as the plain run had, minus the new one.
    expect(compared.report.diff!.counts.existing).toBe(before.report.findings.length - 1);
    expect(compared.report.diff!.counts.existing).toBeGreaterThanOrEqual(5);
  });

  it('passes a pull request that adds nothing and credits the defect it fixes', async () => {
    const fixed = LEGACY_RULES.replace('sum(rate(queue_messages_total[5m]) > 100', 'sum(rate(queue_messages_total[5m])) > 100');
    const { repo, base } = pullRequest({ 'rules/legacy.yml': fixed });
    const { code, report } = await jsonReport(repo.dir, '--base', base);
    expect(report.diff!.resolved.map((finding) => `${at(finding)} ${finding.check}`)).toEqual(['rules/legacy.yml:9:55 promql/syntax']);
    expect(report.diff!.counts).toMatchObject({ new: 0, resolved: 1 });
    expect(valid(report)).toBe(true);
    expect(report.counts.error).toBeGreaterThan(0);
    expect(report.result).toBe('pass');
    expect(code).toBe(0);

    const markdown = await cli(['check', repo.dir, '--format', 'markdown', '--base', base]);
    expect(markdown.stdout.split('\n')[0]).toMatch(/^## ✅ No new findings, \d+ existing \(on the base\)$/);
    expect(markdown.stdout).toContain('<summary>✔️ 1 finding(s) resolved by this pull request</summary>');
    // The verdict says there is nothing new; the existing findings follow it, collapsed, with no empty section between.
    expect(markdown.stdout).toMatch(/^## ✅ No new findings, \d+ existing \(on the base\)\n\n[^\n]+\n\n<details><summary>\d+ existing \(on the base\) — they do not fail the check<\/summary>/);
    expect(markdown.stdout).not.toContain('### New findings');
  });

  it('reports a lowered target at the target line, with what it does to the budget', async () => {
    const { repo, base } = pullRequest({ 'slo/api.yaml': SLO_POLICY.replace('target: 0.999', 'target: 0.995') });
    const { code, report } = await jsonReport(repo.dir, '--base', base);
    expect(policyChanges(report)).toEqual([
      'slo/api.yaml:5:13 error diff/target-lowered SLO "api-availability" target lowered from 99.9 % to 99.5 %: the monthly error budget grows from 43.2 to 216 minutes of downtime',
    ]);
    expect(code).toBe(1);
  });

  it('reports a deleted page alert where it used to be', async () => {
    const { repo, base } = pullRequest({ 'rules/slo-alerts.yml': sloAlerts({ page: false }) });
    const { code, report } = await jsonReport(repo.dir, '--base', base);
    expect(policyChanges(report)).toEqual(['rules/slo-alerts.yml:4 error diff/alert-removed alert "ApiAvailabilityBurnRate" (severity page) for SLO "api-availability" was removed']);
    expect(code).toBe(1);
  });

  it('reports a raised latency threshold at the number that changed', async () => {
    const { repo, base } = pullRequest({ 'rules/slo-alerts.yml': sloAlerts({ latencyThreshold: '1' }) });
    const { code, report } = await jsonReport(repo.dir, '--base', base);
    expect(policyChanges(report)).toEqual([
      'rules/slo-alerts.yml:21:104 warning diff/alert-loosened alert "ApiLatencyHigh" for SLO "api-latency" fires later than before: latency threshold 500ms → 1s',
    ]);
    expect(report.diff!.newCounts.warning).toBeGreaterThanOrEqual(1);
    expect(code).toBe(report.result === 'fail' ? 1 : 0);
  });

  it('reports a removed SLO and the dashboard that showed it', async () => {
    const withoutLatency = SLO_POLICY.replace(/  - name: api-latency[\s\S]*?percentile: 99\n/, '');
    const { repo, base } = pullRequest({ 'slo/api.yaml': withoutLatency, 'dashboards/api.json': null });
    const { report } = await jsonReport(repo.dir, '--base', base);
    expect(policyChanges(report)).toEqual([
      'slo/api.yaml:9 error diff/slo-removed SLO "api-latency" (target 95 %) was removed',
      'dashboards/api.json warning diff/dashboard-removed dashboard "API SLO" was removed; it showed SLO "api-availability", "api-latency"',
    ]);
  });

  it('fetches a base that a shallow clone does not have', async () => {
    const { repo, base, head } = pullRequest({ 'slo/api.yaml': SLO_POLICY.replace('target: 0.999', 'target: 0.995') });
    const clone = repo.shallowClone();
    expect(runGit(clone.dir, 'rev-parse', 'HEAD')).toBe(head);
    const { report } = await jsonReport(clone.dir, '--base', base);
    expect(report.diff!.baseSha).toBe(base);
    expect(policyChanges(report)).toHaveLength(1);
  });

  it('says once that the base is out of reach, and checks the head alone', async () => {
    const { repo, base } = pullRequest({ 'slo/api.yaml': SLO_POLICY.replace('target: 0.999', 'target: 0.995') });
    const clone = repo.shallowClone();
    runGit(clone.dir, 'remote', 'set-url', 'origin', `file://${path.join(clone.dir, 'nowhere')}`);
    const { code, report, stderr } = await jsonReport(clone.dir, '--base', base);
    expect(stderr.split('\n').filter((line) => line.includes('notice'))).toEqual([
      expect.stringMatching(new RegExp(`^slo-gate: notice: not compared with ${base}: ${base} is not in this clone and fetching it from origin failed: .+; checked the head alone$`)),
    ]);
    expect(report.diff).toMatchObject({ baseRef: base, unavailable: expect.any(String), counts: { new: 0, existing: 0, resolved: 0 } });
    expect(report.diff!.baseSha).toBeUndefined();
    expect(valid(report)).toBe(true);
    expect(policyChanges(report)).toEqual([]);
    // Head alone: every error counts, as without --base.
    expect(code).toBe(1);
  });

  it('lists only findings in changed files and the files linked to them when asked', async () => {
    const { repo, base } = pullRequest({ 'slo/api.yaml': SLO_POLICY.replace('target: 0.999', 'target: 0.995') });
    const everything = await jsonReport(repo.dir, '--base', base);
    const { report } = await jsonReport(repo.dir, '--base', base, '--changed-files-only');
    expect(report.diff!.changedFilesOnly).toBe(true);
    // The changed policy, and the alerts and dashboard linked to its SLOs; the legacy rules are left out.
    const linked = ['slo/api.yaml', 'rules/slo-alerts.yml', 'dashboards/api.json'];
    expect(report.findings.map((finding) => finding.file).filter((file) => !linked.includes(file))).toEqual([]);
    expect(report.findings).toEqual(everything.report.findings.filter((finding) => linked.includes(finding.file)));
    expect(everything.report.findings.some((finding) => finding.file === 'rules/legacy.yml')).toBe(true);
  });

  it('refuses --all-findings without --base', async () => {
    const { code, stderr } = await cli(['check', '.', '--all-findings']);
    expect(code).toBe(2);
    expect(stderr).toContain('--all-findings and --changed-files-only need --base REF');
  });
});
