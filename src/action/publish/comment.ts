// The sticky pull-request comment: one per pull request and comment-key, found again by its hidden
// marker AND by being written by the token's own identity, and edited in place. A comment someone
// else wrote is never touched, even when it carries the same marker.

import { escapeMarkdown } from '../../render/escape.js';
import { renderMarkdown } from '../../render/markdown.js';
import type { Report } from '../../report/report.js';
import { describeFailure, ownLogin, type GitHubClient } from './github-client.js';
import { fileUrl, runUrl, type PullRequestTarget, type RunContext } from './run-context.js';

/** GitHub rejects longer comment and issue bodies with 422. */
export const BODY_LIMIT = 65_536;

/** `auto`: comment when there is something to say (findings, or an earlier comment to bring up to date); `always`: every run. */
export type CommentMode = 'auto' | 'always' | 'never';

export function commentMarker(key: string): string {
  return `<!-- slo-gate:${key} -->`;
}

const resultMarker = (result: Report['result']) => `<!-- slo-gate-result:${result} -->`;

export interface CommentInput {
  report: Report;
  context: RunContext;
  mode: CommentMode;
  key: string;
  artifactUrl?: string;
}

export interface PublishOutcome {
  url?: string;
  /** One line for core.warning: the step carries on. */
  warning?: string;
  /** True when the token may not write (fork pull request, missing permission): later writes are pointless. */
  forbidden?: boolean;
}

export function renderComment(input: CommentInput, previous?: string): string {
  const { report, context, key, artifactUrl } = input;
  const notes: string[] = [];
  if (report.result === 'pass' && previousResult(previous, key) === 'fail') {
    notes.push('🎉 **Fixed:** the previous run of this check failed; this commit passes.');
  }
  notes.push(reportLinks(context, artifactUrl));
  return renderMarkdown(report, {
    preamble: `${commentMarker(key)}\n${resultMarker(report.result)}`,
    title: key === 'default' ? 'slo-gate' : `slo-gate (${escapeMarkdown(key)})`,
    fileUrl: (file, line) => fileUrl(context, file, line),
    maxLength: BODY_LIMIT,
    fullReportUrl: artifactUrl ?? runUrl(context),
    notes,
  });
}

/**
 * The result an earlier comment recorded, read from its own header only: the marker line, then
 * the result line. Anywhere else the same text may have come from a checked file (a suggestion
 * block, a rule name) and says nothing about the previous run.
 */
export function previousResult(body: string | undefined, key: string): Report['result'] | undefined {
  const [first, second] = (body ?? '').split('\n', 2);
  if (first !== commentMarker(key)) return undefined;
  return second === resultMarker('fail') ? 'fail' : second === resultMarker('pass') ? 'pass' : undefined;
}

export function reportLinks(context: RunContext, artifactUrl?: string): string {
  const links = [`[workflow run](${runUrl(context)})`];
  if (artifactUrl) links.unshift(`[report artifact](${artifactUrl})`);
  return `<sub>Full report: ${links.join(' · ')} · commit \`${context.sha.slice(0, 7)}\`</sub>`;
}

export async function publishComment(client: GitHubClient, input: CommentInput): Promise<PublishOutcome> {
  const pr = input.context.pullRequest;
  if (input.mode === 'never' || !pr) return {};
  const { owner, repo } = input.context;
  const marker = commentMarker(input.key);
  try {
    const self = await ownLogin(client);
    const comments = await client.paginate(client.rest.issues.listComments, { owner, repo, issue_number: pr.number, per_page: 100 });
    const existing = comments.find((comment) => comment.user?.login === self && (comment.body ?? '').startsWith(marker));
    if (!existing && input.mode === 'auto' && input.report.findings.length === 0) return {};

    const body = renderComment(input, existing?.body);
    if (existing) {
      try {
        const { data } = await client.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
        return { url: data.html_url };
      } catch (error) {
        // Deleted between listing and editing: write a fresh one rather than lose the report.
        if (describeFailure(error).status !== 404) throw error;
      }
    }
    const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: pr.number, body });
    return { url: data.html_url };
  } catch (error) {
    return failureOutcome(error, 'the pull-request comment', input.context);
  }
}

/** The open pull request whose head is the fork branch a workflow_run ran for. */
export async function findPullRequestByHead(client: GitHubClient, context: RunContext): Promise<PullRequestTarget | undefined> {
  const head = context.pullRequestHead;
  if (!head) return undefined;
  const { data } = await client.rest.pulls.list({ owner: context.owner, repo: context.repo, state: 'open', head: head.label, per_page: 100 });
  const pr = data.find((candidate) => candidate.head.sha === head.sha) ?? data[0];
  return pr ? { number: pr.number, headSha: head.sha, fromFork: true } : undefined;
}

export function failureOutcome(error: unknown, what: string, context: RunContext): PublishOutcome {
  const { status, message } = describeFailure(error);
  if (status === 403 && !/rate limit/i.test(message)) {
    const why = context.pullRequest?.fromFork
      ? 'this pull request comes from a fork, and GitHub gives such runs a read-only token'
      : 'the token may not write here';
    return {
      forbidden: true,
      warning:
        `slo-gate could not write ${what} (403 ${message}): ${why}. The job summary, annotations, outputs and report artifact are still written. ` +
        'To get the comment, grant `permissions: pull-requests: write` (and `issues: write` for issue-on-failure) to the job, ' +
        'or, for pull requests from forks, publish from a separate `workflow_run` workflow (see the README).',
    };
  }
  return { warning: `slo-gate could not write ${what}${status ? ` (HTTP ${status})` : ''}: ${message}` };
}
