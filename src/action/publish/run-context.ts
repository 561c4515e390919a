// Where this run happens, read once from the runner's environment and the event payload, so the
// publishers never touch process.env themselves (and tests can build one by hand).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface PullRequestTarget {
  number: number;
  /** Commit the reviewer sees: file links point at it. */
  headSha: string;
  /** Head branch lives in another repository: the token is read-only there. */
  fromFork: boolean;
}

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  runId: string;
  runAttempt: string;
  job: string;
  /** The step id (GITHUB_ACTION): tells two slo-gate steps of one job apart. */
  step: string;
  /** Commit checked: the PR head for pull requests, GITHUB_SHA otherwise. */
  sha: string;
  pullRequest?: PullRequestTarget;
  /**
   * A workflow_run of a pull request from a fork: GitHub leaves `pull_requests` empty there, so the
   * pull request must be looked up by its head (`owner:branch`) and commit.
   */
  pullRequestHead?: { label: string; sha: string };
  /** The checked directory relative to the repository root, `/`-separated, '' for the root. */
  pathPrefix: string;
  /** GITHUB_RETENTION_DAYS: the repository's own artifact retention limit. */
  maxRetentionDays?: number;
  /** Identifies this job run (matrix leg and attempt included) when the runtime token says so. */
  jobRunId?: string;
}

type Env = Record<string, string | undefined>;

export function readRunContext(root: string, env: Env = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const relative = path.relative(workspace, root).split(path.sep).join('/');
  const payload = readEvent(env.GITHUB_EVENT_PATH);
  const pullRequest = pullRequestOf(env.GITHUB_EVENT_NAME ?? '', payload, `${owner}/${repo}`);
  const workflowRun = env.GITHUB_EVENT_NAME === 'workflow_run' ? workflowRunOf(payload) : undefined;
  const retention = Number.parseInt(env.GITHUB_RETENTION_DAYS ?? '', 10);
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    job: env.GITHUB_JOB ?? '',
    step: env.GITHUB_ACTION ?? '',
    sha: pullRequest?.headSha || workflowRun?.head_sha || env.GITHUB_SHA || '',
    pullRequest,
    pullRequestHead: !pullRequest && workflowRun ? forkHead(workflowRun) : undefined,
    // A root outside the workspace cannot be linked; findings then keep their own paths.
    pathPrefix: relative.startsWith('..') || path.isAbsolute(relative) ? '' : relative,
    maxRetentionDays: Number.isFinite(retention) && retention > 0 ? retention : undefined,
    jobRunId: jobRunIdFromRuntimeToken(env.ACTIONS_RUNTIME_TOKEN),
  };
}

export function runUrl(context: RunContext): string {
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}

/** A finding's path as the repository knows it (annotations and links need that, not the checked root). */
export function repoPath(context: RunContext, file: string): string {
  return context.pathPrefix ? `${context.pathPrefix}/${file}` : file;
}

/** Blob view of a file at the checked commit, with the line selected. */
export function fileUrl(context: RunContext, file: string, line?: number): string | undefined {
  if (!context.sha || !context.owner || !file) return undefined;
  const encoded = repoPath(context, file).split('/').map(encodeURIComponent).join('/');
  return `${context.serverUrl}/${context.owner}/${context.repo}/blob/${context.sha}/${encoded}${line ? `#L${line}` : ''}`;
}

/** Short, stable hash that separates jobs, matrix legs, attempts and steps. */
export function jobFingerprint(context: RunContext): string {
  const parts = [context.job, context.runAttempt, context.jobRunId ?? '', context.step, context.pathPrefix];
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 8);
}

function readEvent(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function pullRequestOf(eventName: string, payload: Record<string, unknown>, fullName: string): PullRequestTarget | undefined {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = payload.pull_request as { number?: number; head?: { sha?: string; repo?: { full_name?: string } | null } } | undefined;
    if (!pr?.number) return undefined;
    // A deleted fork shows as `repo: null`.
    const headRepo = pr.head?.repo === null ? null : pr.head?.repo?.full_name;
    return { number: pr.number, headSha: pr.head?.sha ?? '', fromFork: headRepo === null || (headRepo !== undefined && headRepo !== fullName) };
  }
  // The fork-safe pattern: a trusted workflow_run workflow publishes for the untrusted pull request run.
  if (eventName === 'workflow_run') {
    const run = workflowRunOf(payload);
    const number = run?.pull_requests?.[0]?.number;
    if (!number) return undefined;
    return { number, headSha: run?.head_sha ?? '', fromFork: false };
  }
  return undefined;
}

interface WorkflowRunPayload {
  event?: string;
  head_sha?: string;
  head_branch?: string;
  head_repository?: { owner?: { login?: string } };
  pull_requests?: { number?: number }[];
}

function workflowRunOf(payload: Record<string, unknown>): WorkflowRunPayload | undefined {
  const run = payload.workflow_run;
  return run && typeof run === 'object' ? (run as WorkflowRunPayload) : undefined;
}

function forkHead(run: WorkflowRunPayload): RunContext['pullRequestHead'] {
  const owner = run.head_repository?.owner?.login;
  if (!run.event?.startsWith('pull_request') || !owner || !run.head_branch || !run.head_sha) return undefined;
  return { label: `${owner}:${run.head_branch}`, sha: run.head_sha };
}

// The runtime token's `scp` claim names the job run (`Actions.Results:<run>:<job run>`); matrix legs differ there.
function jobRunIdFromRuntimeToken(token: string | undefined): string | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: string };
    return /Actions\.Results:([^:\s]+):([^:\s]+)/.exec(claims.scp ?? '')?.[2];
  } catch {
    return undefined;
  }
}
