// issue-on-failure: while a scheduled (or manually dispatched) check fails, one tracking issue stays
// open and carries the latest report; when the check passes again it gets a closing comment and is
// closed. A check every 30 minutes therefore means one issue per incident, not 48 a day.

import { renderMarkdown } from '../../render/markdown.js';
import type { Report } from '../../report/report.js';
import { BODY_LIMIT, failureOutcome, reportLinks, type PublishOutcome } from './comment.js';
import { ownLogin, type GitHubClient } from './github-client.js';
import { fileUrl, runUrl, type RunContext } from './run-context.js';

export const TRACKING_EVENTS = new Set(['schedule', 'workflow_dispatch']);

export function trackingMarker(key: string): string {
  return `<!-- slo-gate-tracking:${key} -->`;
}

export interface TrackingInput {
  report: Report;
  context: RunContext;
  key: string;
  artifactUrl?: string;
}

export interface TrackingOutcome extends PublishOutcome {
  state?: 'opened' | 'updated' | 'closed';
}

export async function publishTrackingIssue(client: GitHubClient, input: TrackingInput): Promise<TrackingOutcome> {
  const { report, context, key } = input;
  const { owner, repo } = context;
  const marker = trackingMarker(key);
  try {
    const self = await ownLogin(client);
    const open = await client.paginate(client.rest.issues.listForRepo, { owner, repo, state: 'open', per_page: 100 });
    const existing = open.find((issue) => !issue.pull_request && issue.user?.login === self && (issue.body ?? '').startsWith(marker));

    if (report.result === 'pass') {
      if (!existing) return {};
      await client.rest.issues.createComment({
        owner,
        repo,
        issue_number: existing.number,
        body: `✅ The SLO compliance check passes again (commit \`${context.sha.slice(0, 7)}\`, [workflow run](${runUrl(context)})). Closing.`,
      });
      const { data } = await client.rest.issues.update({ owner, repo, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
      return { url: data.html_url, state: 'closed' };
    }

    const body = renderMarkdown(report, {
      preamble: marker,
      title: 'Failing SLO compliance check',
      fileUrl: (file, line) => fileUrl(context, file, line),
      maxLength: BODY_LIMIT,
      fullReportUrl: input.artifactUrl ?? runUrl(context),
      notes: [
        'This issue stays open while the scheduled check fails, shows the latest run, and is closed automatically when the check passes.',
        reportLinks(context, input.artifactUrl),
      ],
    });
    if (existing) {
      const { data } = await client.rest.issues.update({ owner, repo, issue_number: existing.number, body });
      return { url: data.html_url, state: 'updated' };
    }
    const title = `SLO compliance check failing${key === 'default' ? '' : ` (${key})`}: ${report.counts.error} error(s), ${report.counts.warning} warning(s)`;
    const { data } = await client.rest.issues.create({ owner, repo, title, body });
    return { url: data.html_url, state: 'opened' };
  } catch (error) {
    return failureOutcome(error, 'the tracking issue', context);
  }
}
