// The bundled action on pull_request events, with a real git repository as the workspace: the
// base commit comes from the event payload, the approval label from the pull request.

import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { pullRequestEventFromApi, runAction, type RunActionOptions } from '../support/action-runner.js';
import { useGitHubApi } from '../support/github-api.js';
import { OCTOCAT } from '../support/github-objects.js';
import { BASE_FILES, SLO_POLICY } from './fixtures.js';
import { Repo } from './git-repo.js';

// Like the e2e suite: this machine's Node and Node 24 (GitHub's `node24`); SLO_GATE_E2E_NODES narrows it.
const NODES = (process.env.SLO_GATE_E2E_NODES ?? 'current,24').split(',').map((node) => node.trim()) as ('current' | '24')[];
const gh = useGitHubApi();
const LOWERED = { 'slo/api.yaml': SLO_POLICY.replace('target: 0.999', 'target: 0.995') };

function pullRequest(labels: string[] = []) {
  const repo = Repo.init();
  const base = repo.commit(BASE_FILES, 'base');
  const head = repo.commit(LOWERED, 'lower the target');
  const pr = gh().seedPullRequest({ labels, baseSha: base, headSha: head });
  return { repo, base, head, pr };
}

async function runOn(node: 'current' | '24', options: RunActionOptions): Promise<{ report: Report; exitCode: number | null; annotations: Awaited<ReturnType<typeof runAction>>['annotations'] }> {
  // The runner's temp folder holds report.json: keep it until the report is read.
  const result = await runAction({ node, github: gh(), keepTemp: true, ...options, inputs: { 'upload-artifact': false, ...options.inputs } });
  try {
    expect(result.timedOut).toBe(false);
    expect(result.stdout).not.toMatch(/internal error/);
    return { report: JSON.parse(readFileSync(result.outputs['report-json'], 'utf8')) as Report, exitCode: result.exitCode, annotations: result.annotations };
  } finally {
    rmSync(result.tempDir, { recursive: true, force: true });
  }
}

describe.each(NODES)('the bundled action under Node %s compares a pull request with its base', (node) => {
  const run = (options: RunActionOptions) => runOn(node, options);

  it('in a shallow checkout, fetches the base and fails on the lowered target, not on what the base already had', async () => {
    const { repo, base, pr } = pullRequest();
    const checkout = repo.shallowClone();
    const { report, exitCode, annotations } = await run({ workspace: checkout.dir, event: pullRequestEventFromApi(gh(), pr.number) });
    expect(report.diff).toMatchObject({ baseSha: base, newFindingsOnly: true });
    expect(report.diff!.counts.existing).toBeGreaterThanOrEqual(5);
    expect(report.findings.filter((finding) => finding.file === 'rules/legacy.yml').every((finding) => finding.status === 'existing')).toBe(true);
    const change = report.findings.find((finding) => finding.check === 'diff/target-lowered');
    expect(change).toMatchObject({ file: 'slo/api.yaml', line: 5, column: 13, severity: 'error', status: 'new' });
    expect(annotations.some((annotation) => annotation.title === 'diff/target-lowered' && annotation.level === 'error' && annotation.line === 5)).toBe(true);
    expect(exitCode).toBe(1);
  });

  it('turns policy changes into notices when the pull request carries the approval label, naming who added it', async () => {
    const { repo, pr } = pullRequest(['slo-change-approved']);
    const event = pullRequestEventFromApi(gh(), pr.number, 'labeled', { label: 'slo-change-approved', sender: OCTOCAT });
    const { report } = await run({ workspace: repo.dir, event });
    expect(report.diff!.approval).toEqual({ label: 'slo-change-approved', by: 'octocat' });
    expect(report.findings.filter((finding) => finding.check.startsWith('diff/')).map((finding) => `${finding.check} ${finding.severity}`)).toEqual(['diff/target-lowered notice']);
    const comment = gh().comments(pr.number)[0]?.body ?? '';
    // The approver is named, not mentioned: an escaped @ does not notify on every update of the comment.
    expect(comment).toContain('✅ Approved by @\u200boctocat with the label `slo-change-approved`');
    expect(comment).not.toContain('@octocat');

    // A later push keeps the label: still approved, but the push event does not say who labelled.
    const { report: later } = await run({ workspace: repo.dir, event: pullRequestEventFromApi(gh(), pr.number, 'synchronize') });
    expect(later.diff!.approval).toEqual({ label: 'slo-change-approved' });
    expect(later.findings.find((finding) => finding.check === 'diff/target-lowered')?.severity).toBe('notice');
  });

  it('honours a different allow-label and new-findings-only: false', async () => {
    const { repo, pr } = pullRequest(['slo-change-approved']);
    const { report, exitCode } = await run({
      workspace: repo.dir,
      event: pullRequestEventFromApi(gh(), pr.number),
      inputs: { 'allow-label': 'sre-approved', 'new-findings-only': false },
    });
    expect(report.diff!.approval).toBeUndefined();
    expect(report.diff!.newFindingsOnly).toBe(false);
    expect(report.findings.find((finding) => finding.check === 'diff/target-lowered')?.severity).toBe('error');
    expect(exitCode).toBe(1);
  });
});
