// Publishing a report: which publishers run depends on the trigger.
//   every trigger       report files, artifact, annotations, job summary, outputs
//   pull requests       + the sticky comment
//   schedule, dispatch  + the tracking issue when issue-on-failure is on
// A publisher that cannot write (fork token, outage) warns; only the gate decides the exit status.

import * as core from '@actions/core';
import os from 'node:os';
import path from 'node:path';
import type { Report } from '../../report/report.js';
import { annotatedFindings, emitAnnotations, notAnnotatedNote, planAnnotations } from './annotations.js';
import { uploadReportArtifact, writeReportFiles } from './artifact.js';
import { failureOutcome, findPullRequestByHead, publishComment, type CommentMode } from './comment.js';
import { createGitHubClient } from './github-client.js';
import { setOutputs } from './outputs.js';
import { jobFingerprint, readRunContext, type RunContext } from './run-context.js';
import { writeSummary } from './summary.js';
import { publishTrackingIssue, TRACKING_EVENTS } from './tracking-issue.js';

/** How to publish, as src/action/inputs.ts read it from the action's inputs. */
export interface PublishInputs {
  token: string;
  comment: CommentMode;
  commentKey: string;
  uploadArtifact: boolean;
  artifactName: string;
  retentionDays: number;
  issueOnFailure: boolean;
}

export async function publishReport(report: Report, inputs: PublishInputs, root: string): Promise<void> {
  const context = readRunContext(root);
  const warnings: string[] = [];
  const notes: string[] = [];

  const dir = path.join(process.env.RUNNER_TEMP ?? os.tmpdir(), 'slo-gate', jobFingerprint(context));
  const files = await writeReportFiles(report, context, dir);

  let artifact: { id?: number; url?: string } = {};
  if (inputs.uploadArtifact) {
    const outcome = await uploadReportArtifact({ files, context, name: inputs.artifactName, retentionDays: inputs.retentionDays });
    if (outcome.warning) warnings.push(outcome.warning);
    artifact = outcome;
  }

  const { commentUrl } = await publishToGitHub(report, inputs, context, artifact.url, warnings, notes);

  for (const warning of warnings) core.warning(warning);
  // The verdict's own setFailed is an error annotation, and each warning above is one: they share GitHub's per-step limits.
  const plan = planAnnotations(annotatedFindings(report), { reserved: { error: report.result === 'fail' ? 1 : 0, warning: warnings.length } });
  emitAnnotations(plan, context, report);
  const annotationNote = notAnnotatedNote(plan.notShown);
  if (annotationNote) notes.push(annotationNote);
  if (artifact.url) notes.push(`📦 [Report artifact](${artifact.url}): report.html, report.md, report.json and report.sarif.`);

  await writeSummary({ report, context, fullReportUrl: artifact.url, notes }).catch((error: unknown) => {
    core.warning(`slo-gate could not write the job summary: ${String((error as Error)?.message ?? error).split('\n')[0]}`);
  });
  setOutputs(report, { reportJson: files.json, reportMarkdown: files.markdown, reportSarif: files.sarif, reportHtml: files.html, commentUrl, artifactId: artifact.id, artifactUrl: artifact.url });
}

async function publishToGitHub(
  report: Report,
  inputs: PublishInputs,
  context: RunContext,
  artifactUrl: string | undefined,
  warnings: string[],
  notes: string[],
): Promise<{ commentUrl?: string }> {
  const wantsComment = inputs.comment !== 'never' && (context.pullRequest !== undefined || context.pullRequestHead !== undefined);
  const wantsIssue = inputs.issueOnFailure && TRACKING_EVENTS.has(context.eventName);
  if (!wantsComment && !wantsIssue) return {};
  if (!inputs.token) {
    warnings.push('slo-gate has no github-token: the pull-request comment and tracking issue are skipped.');
    return {};
  }
  const client = createGitHubClient(inputs.token, context.apiUrl);
  let commentUrl: string | undefined;
  if (wantsComment && !context.pullRequest) {
    const pullRequest = await findPullRequestByHead(client, context).catch((error: unknown) => {
      warnings.push(failureOutcome(error, 'the pull-request comment (looking up the pull request)', context).warning!);
      return undefined;
    });
    if (!pullRequest) core.info(`No open pull request has the head ${context.pullRequestHead?.label}: no comment`);
    context = { ...context, pullRequest };
  }
  if (wantsComment && context.pullRequest) {
    const outcome = await publishComment(client, { report, context, mode: inputs.comment, key: inputs.commentKey, artifactUrl });
    commentUrl = outcome.url;
    if (outcome.warning) warnings.push(outcome.warning);
    if (outcome.forbidden) notes.push('⚠️ The pull-request comment could not be written: the token is read-only here (see the step warning for what to do).');
  }
  if (wantsIssue) {
    const outcome = await publishTrackingIssue(client, { report, context, key: inputs.commentKey, artifactUrl });
    if (outcome.warning) warnings.push(outcome.warning);
    if (outcome.url) core.info(`Tracking issue ${outcome.state}: ${outcome.url}`);
  }
  return { commentUrl };
}
