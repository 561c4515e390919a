/**
 * Runs a JavaScript action entry (default: `dist/index.js` of this repo) as a
 * child process with an environment shaped like a GitHub-hosted runner's,
 * and collects what the runner would: exit code, stdout/stderr, outputs
 * (GITHUB_OUTPUT file), step summary, GITHUB_ENV / GITHUB_STATE / GITHUB_PATH
 * files, and workflow commands (annotations, masks, ...).
 *
 * Usage:
 *   const gh = await startGitHubApi();
 *   const pr = gh.seedPullRequest({ labels: ['slo'] });
 *   const r = await runAction({
 *     github: gh,
 *     event: pullRequestEventFromApi(gh, pr.number, 'opened'),
 *     inputs: { 'github-token': gh.token, 'fail-on': 'error' },
 *     workspaceFiles: { 'slo/api.yaml': '...' },
 *   });
 *   expect(r.exitCode).toBe(0);
 *   expect(r.outputs.verdict).toBe('pass');
 */
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { FakeCacheService } from './cache-service.js';
import type { FakeArtifactService } from './artifact-service.js';
import type { FakeGitHubApi } from './github-api.js';
import {
  type Actor,
  type Urls,
  CONTRIBUTOR,
  GITHUB_ACTIONS_BOT,
  OCTOCAT,
  repoId,
  repository,
  sha as shaOf,
  simpleUser,
} from './github-objects.js';

/** Root of this repository (two levels above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_ENTRY = join(REPO_ROOT, 'dist', 'index.js');

// ---------------------------------------------------------------- events

export interface GitHubEvent {
  /** GITHUB_EVENT_NAME */
  name: string;
  payload: Record<string, unknown>;
  /** GITHUB_SHA */
  sha: string;
  /** GITHUB_REF */
  ref: string;
  /** GITHUB_HEAD_REF / GITHUB_BASE_REF (pull_request* only). */
  headRef?: string;
  baseRef?: string;
  /** GITHUB_ACTOR */
  actor: Actor;
}

export interface RepoRef {
  owner: string;
  name: string;
}

const DEFAULT_REPO: RepoRef = { owner: 'acme', name: 'widgets' };
const DEFAULT_URLS: Urls = { api: 'https://api.github.localhost', server: 'https://github.localhost' };

export interface PullRequestEventOptions {
  action?: 'opened' | 'synchronize' | 'reopened' | 'labeled' | 'unlabeled' | 'edited' | 'ready_for_review' | 'closed';
  /** `pull_request` (default) or `pull_request_target`. */
  eventName?: 'pull_request' | 'pull_request_target';
  number?: number;
  title?: string;
  body?: string | null;
  labels?: string[];
  headSha?: string;
  baseSha?: string;
  headRef?: string;
  baseRef?: string;
  /** Head branch in a fork (`<author>/<repo>`). */
  fork?: boolean;
  draft?: boolean;
  author?: Actor;
  /** Who triggered the event (default: the author). */
  sender?: Actor;
  repo?: RepoRef;
  urls?: Urls;
  /** For `synchronize`: previous head sha. */
  before?: string;
  /** For `labeled`/`unlabeled`. */
  label?: string;
  /** Merge commit sha used as GITHUB_SHA (refs/pull/N/merge). */
  mergeSha?: string;
}

function labelJson(name: string, repo: RepoRef, urls: Urls) {
  const id = 5_000_000_000 + (Number.parseInt(shaOf(name).slice(0, 8), 16) % 1_000_000_000);
  return {
    id,
    node_id: `LA_kwDO${Buffer.from(String(id)).toString('base64url')}`,
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null,
  };
}

/** A `pull_request` (or `pull_request_target`) event, shaped like the webhook payload. */
export function pullRequestEvent(o: PullRequestEventOptions = {}): GitHubEvent {
  const repo = o.repo ?? DEFAULT_REPO;
  const urls = o.urls ?? DEFAULT_URLS;
  const number = o.number ?? 1;
  const author = o.author ?? CONTRIBUTOR;
  const sender = o.sender ?? author;
  const action = o.action ?? 'opened';
  const headSha = o.headSha ?? shaOf(`head-${number}`);
  const baseSha = o.baseSha ?? shaOf(`base-${number}`);
  const headRef = o.headRef ?? `feature/pr-${number}`;
  const baseRef = o.baseRef ?? 'main';
  const mergeSha = o.mergeSha ?? shaOf(`merge-${number}-${headSha}`);
  const baseRepo = repository({ owner: repo.owner, name: repo.name }, urls);
  const headRepo = o.fork
    ? repository({ owner: author.login, name: repo.name, fork: true, ownerType: 'User', ownerId: author.id }, urls)
    : baseRepo;
  const a = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const web = `${urls.server}/${repo.owner}/${repo.name}/pull/${number}`;
  const t = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const pr = {
    url: `${a}/pulls/${number}`,
    id: 2_500_000_000 + number,
    node_id: `PR_kwDO${Buffer.from(String(number)).toString('base64url')}`,
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: `${a}/issues/${number}`,
    number,
    state: action === 'closed' ? 'closed' : 'open',
    locked: false,
    title: o.title ?? `Change #${number}`,
    user: simpleUser(author, urls),
    body: o.body ?? null,
    created_at: t,
    updated_at: t,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: mergeSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: (o.labels ?? []).map((l) => labelJson(l, repo, urls)),
    milestone: null,
    draft: o.draft ?? false,
    commits_url: `${a}/pulls/${number}/commits`,
    review_comments_url: `${a}/pulls/${number}/comments`,
    review_comment_url: `${a}/pulls/comments{/number}`,
    comments_url: `${a}/issues/${number}/comments`,
    statuses_url: `${a}/statuses/${headSha}`,
    head: {
      label: `${headRepo.owner.login}:${headRef}`,
      ref: headRef,
      sha: headSha,
      user: headRepo.owner,
      repo: headRepo,
    },
    base: {
      label: `${repo.owner}:${baseRef}`,
      ref: baseRef,
      sha: baseSha,
      user: baseRepo.owner,
      repo: baseRepo,
    },
    _links: {
      self: { href: `${a}/pulls/${number}` },
      html: { href: web },
      issue: { href: `${a}/issues/${number}` },
      comments: { href: `${a}/issues/${number}/comments` },
      review_comments: { href: `${a}/pulls/${number}/comments` },
      review_comment: { href: `${a}/pulls/comments{/number}` },
      commits: { href: `${a}/pulls/${number}/commits` },
      statuses: { href: `${a}/statuses/${headSha}` },
    },
    author_association: author.login === repo.owner ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    active_lock_reason: null,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
  const payload: Record<string, unknown> = {
    action,
    number,
    pull_request: pr,
    repository: baseRepo,
    sender: simpleUser(sender, urls),
  };
  if (action === 'synchronize') {
    payload.before = o.before ?? shaOf(`before-${number}`);
    payload.after = headSha;
  }
  if ((action === 'labeled' || action === 'unlabeled') && o.label) payload.label = labelJson(o.label, repo, urls);
  if (baseRepo.owner.type === 'Organization') {
    payload.organization = { login: repo.owner, id: baseRepo.owner.id, node_id: baseRepo.owner.node_id, url: `${urls.api}/orgs/${repo.owner}` };
  }
  const target = o.eventName === 'pull_request_target';
  return {
    name: o.eventName ?? 'pull_request',
    payload,
    sha: target ? baseSha : mergeSha,
    ref: target ? `refs/heads/${baseRef}` : `refs/pull/${number}/merge`,
    headRef,
    baseRef,
    actor: sender,
  };
}

/**
 * A pull_request event for a PR seeded in the fake API: the payload's
 * `pull_request` is exactly what `GET /repos/{o}/{r}/pulls/{n}` returns.
 */
export function pullRequestEventFromApi(
  gh: FakeGitHubApi,
  number: number,
  action: PullRequestEventOptions['action'] = 'opened',
  extra: Pick<PullRequestEventOptions, 'eventName' | 'before' | 'label' | 'sender'> = {},
): GitHubEvent {
  const pr = gh.pullRequest(number);
  if (!pr) throw new Error(`no pull request #${number} in the fake API`);
  const rec = gh.state.issues.get(number)!;
  const base = pullRequestEvent({
    action,
    number,
    eventName: extra.eventName,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    headRef: pr.head.ref,
    baseRef: pr.base.ref,
    fork: pr.head.repo.fork,
    author: rec.author,
    sender: extra.sender,
    repo: { owner: gh.owner, name: gh.repo },
    urls: gh.urls,
    before: extra.before,
    label: extra.label,
    mergeSha: pr.merge_commit_sha ?? undefined,
  });
  base.payload.pull_request = pr;
  base.payload.repository = pr.base.repo;
  return base;
}

export interface PushEventOptions {
  ref?: string;
  before?: string;
  after?: string;
  repo?: RepoRef;
  urls?: Urls;
  pusher?: Actor;
  commits?: { id?: string; message: string; added?: string[]; modified?: string[]; removed?: string[] }[];
}

export function pushEvent(o: PushEventOptions = {}): GitHubEvent {
  const repo = o.repo ?? DEFAULT_REPO;
  const urls = o.urls ?? DEFAULT_URLS;
  const ref = o.ref ?? 'refs/heads/main';
  const after = o.after ?? shaOf(`push-${ref}`);
  const before = o.before ?? shaOf(`before-${after}`);
  const pusher = o.pusher ?? OCTOCAT;
  const commits = (o.commits ?? [{ message: 'Update SLOs', modified: ['slo/api.yaml'] }]).map((c, i) => ({
    id: c.id ?? (i === (o.commits?.length ?? 1) - 1 ? after : shaOf(`c${i}-${after}`)),
    tree_id: shaOf(`tree-${i}-${after}`),
    distinct: true,
    message: c.message,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    url: `${urls.server}/${repo.owner}/${repo.name}/commit/${c.id ?? after}`,
    author: { name: pusher.login, email: `${pusher.id}+${pusher.login}@users.noreply.github.localhost`, username: pusher.login },
    committer: { name: 'GitHub', email: 'noreply@github.localhost', username: 'web-flow' },
    added: c.added ?? [],
    removed: c.removed ?? [],
    modified: c.modified ?? [],
  }));
  const repoJson = repository({ owner: repo.owner, name: repo.name }, urls);
  return {
    name: 'push',
    payload: {
      ref,
      before,
      after,
      repository: repoJson,
      pusher: { name: pusher.login, email: `${pusher.id}+${pusher.login}@users.noreply.github.localhost` },
      sender: simpleUser(pusher, urls),
      created: false,
      deleted: false,
      forced: false,
      base_ref: null,
      compare: `${urls.server}/${repo.owner}/${repo.name}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
      commits,
      head_commit: commits[commits.length - 1] ?? null,
    },
    sha: after,
    ref,
    actor: pusher,
  };
}

export function scheduleEvent(o: { cron?: string; repo?: RepoRef; urls?: Urls; sha?: string; workflowPath?: string } = {}): GitHubEvent {
  const repo = o.repo ?? DEFAULT_REPO;
  const urls = o.urls ?? DEFAULT_URLS;
  return {
    name: 'schedule',
    payload: {
      schedule: o.cron ?? '0 6 * * *',
      repository: repository({ owner: repo.owner, name: repo.name }, urls),
      workflow: o.workflowPath ?? '.github/workflows/slo-gate.yml',
    },
    sha: o.sha ?? shaOf('default-branch-head'),
    ref: 'refs/heads/main',
    // Scheduled runs are attributed to the last person who edited the cron.
    actor: OCTOCAT,
  };
}

export function workflowDispatchEvent(
  o: { inputs?: Record<string, string>; ref?: string; repo?: RepoRef; urls?: Urls; sha?: string; sender?: Actor; workflowPath?: string } = {},
): GitHubEvent {
  const repo = o.repo ?? DEFAULT_REPO;
  const urls = o.urls ?? DEFAULT_URLS;
  const sender = o.sender ?? OCTOCAT;
  const ref = o.ref ?? 'refs/heads/main';
  return {
    name: 'workflow_dispatch',
    payload: {
      inputs: o.inputs ?? null,
      ref,
      repository: repository({ owner: repo.owner, name: repo.name }, urls),
      sender: simpleUser(sender, urls),
      workflow: o.workflowPath ?? '.github/workflows/slo-gate.yml',
    },
    sha: o.sha ?? shaOf(`dispatch-${ref}`),
    ref,
    actor: sender,
  };
}

// ---------------------------------------------------------------- parsing

/** Env var name the runner uses for an input: spaces -> `_`, upper-cased, dashes kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file: `name<<DELIM\n...\nDELIM`
 * (heredoc, what @actions/core writes) and `name=value` lines. Later values win.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const hd = line.indexOf('<<');
    if (hd > 0 && (eq < 0 || hd < eq)) {
      const name = line.slice(0, hd);
      const delim = line.slice(hd + 2);
      const value: string[] = [];
      let j = i + 1;
      for (; j < lines.length && lines[j] !== delim; j++) value.push(lines[j]!);
      if (j >= lines.length) throw new Error(`file command: unterminated heredoc for "${name}" (delimiter ${delim})`);
      out[name] = value.join('\n');
      i = j;
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`file command: cannot parse line ${i + 1}: ${JSON.stringify(line)}`);
    }
  }
  return out;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  stream: 'stdout' | 'stderr';
  /** 0-based line index within that stream. */
  line: number;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
  stream: 'stdout' | 'stderr';
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** Parses `::cmd k=v,k2=v2::message` lines (honours `::stop-commands::TOKEN` ... `::TOKEN::`). */
export function parseWorkflowCommands(text: string, stream: 'stdout' | 'stderr' = 'stdout'): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  text.split(/\r?\n/).forEach((raw, idx) => {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      return;
    }
    const m = /^::([A-Za-z0-9_-]+)(?: ([^]*?))?::([^]*)$/.exec(line);
    if (!m) return;
    const [, command, props, message] = m;
    const properties: Record<string, string> = {};
    if (props) {
      for (const part of props.split(',')) {
        const eq = part.indexOf('=');
        if (eq > 0) properties[part.slice(0, eq).trim()] = unescapeProp(part.slice(eq + 1));
      }
    }
    if (command === 'stop-commands') {
      stopToken = message;
    }
    out.push({ command: command!, properties, message: unescapeData(message ?? ''), stream, line: idx });
  });
  return out;
}

export function annotationsFrom(commands: WorkflowCommand[]): Annotation[] {
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  return commands
    .filter((c) => c.command === 'error' || c.command === 'warning' || c.command === 'notice')
    .map((c) => {
      const p = c.properties;
      const a: Annotation = { level: c.command as Annotation['level'], message: c.message, stream: c.stream };
      if (p.file !== undefined) a.file = p.file;
      if (p.line !== undefined) a.line = num(p.line);
      if (p.endLine !== undefined) a.endLine = num(p.endLine);
      if (p.col !== undefined || p.column !== undefined) a.col = num(p.col ?? p.column);
      if (p.endColumn !== undefined) a.endColumn = num(p.endColumn);
      if (p.title !== undefined) a.title = p.title;
      return a;
    });
}

// ---------------------------------------------------------------- node 24

let node24: Promise<string> | undefined;

/**
 * Path of a Node 24 binary: the current one if it is 24, `$SLO_GATE_NODE24` if set, else resolved once via
 * `npx -y -p node@24 node -p process.execPath` (the first call may download
 * the `node` npm package into the npx cache; later calls are ~0.5 s, and the
 * result is memoised per process).
 */
export function resolveNode24(timeoutMs = 180_000): Promise<string> {
  node24 ??= new Promise<string>((res, rej) => {
    if (process.versions.node.startsWith('24.')) return res(process.execPath);
    const fromEnv = process.env.SLO_GATE_NODE24;
    if (fromEnv) return existsSync(fromEnv) ? res(fromEnv) : rej(new Error(`SLO_GATE_NODE24=${fromEnv} does not exist`));
    execFile(
      'npx',
      ['-y', '-p', 'node@24', 'node', '-p', 'process.execPath + "\\n" + process.version'],
      { timeout: timeoutMs, env: process.env, maxBuffer: 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) return rej(new Error(`could not get Node 24 via npx: ${err.message}\n${stderr}`));
        const [path, version] = stdout.trim().split('\n').slice(-2);
        if (!path || !version?.startsWith('v24.')) return rej(new Error(`unexpected npx output: ${stdout}`));
        res(path.trim());
      },
    );
  });
  node24.catch(() => (node24 = undefined));
  return node24;
}

// ---------------------------------------------------------------- runner

export interface RunActionOptions {
  /** JS entry to run (default `<repo>/dist/index.js`). */
  entry?: string;
  /** `current` (default: the Node running vitest), `24` (via npx), or a path to a node binary. */
  node?: 'current' | '24' | string;
  /** Action inputs by their action.yml names (`github-token`, `fail-on`, ...). */
  inputs?: Record<string, string | number | boolean | undefined>;
  /**
   * Apply the input defaults from this action.yml like the runner does
   * (default: `<repo>/action.yml` when it exists; `false` to disable).
   * `${{ github.token }}` defaults become `token`.
   */
  actionYml?: string | false;
  /** The event (default: `pullRequestEvent()`, or derived from `github`). */
  event?: GitHubEvent;
  /** Fake GitHub API: provides GITHUB_API_URL, GITHUB_SERVER_URL, GITHUB_REPOSITORY*, and the token. */
  github?: FakeGitHubApi;
  /** Fake results service: provides ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL. */
  artifacts?: FakeArtifactService;
  /** Fake cache service (v2): provides ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN. Not with `artifacts`. */
  cache?: FakeCacheService;
  /** Token used for `${{ github.token }}` (default: github?.token). Not exported as an env var. */
  token?: string;
  /** Workspace dir (GITHUB_WORKSPACE, cwd of the action). Default: a fresh temp dir. */
  workspace?: string;
  /** Files written into the workspace before the run (relative path -> content). */
  workspaceFiles?: Record<string, string>;
  runId?: number;
  runAttempt?: number;
  runNumber?: number;
  job?: string;
  workflow?: string;
  /** GITHUB_ACTION (the step id; default `slo-gate`). */
  action?: string;
  /** GITHUB_RETENTION_DAYS (default 90). */
  retentionDays?: number;
  /** RUNNER_DEBUG=1 */
  debug?: boolean;
  /** GITHUB_SERVER_URL override. `null` = unset. Must be `*.localhost` for @actions/artifact. */
  serverUrl?: string | null;
  /** Extra env; `undefined` removes a variable. Applied last. */
  env?: Record<string, string | undefined>;
  /** Kill the action after this long (default 60 s). */
  timeoutMs?: number;
  /** Keep the temp dir (runner files, event, workspace) for debugging. */
  keepTemp?: boolean;
}

export interface ActionRunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** From the GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** Text of the GITHUB_STEP_SUMMARY file. */
  summary: string;
  /** From GITHUB_ENV / GITHUB_STATE / GITHUB_PATH. */
  exportedEnv: Record<string, string>;
  state: Record<string, string>;
  addedPath: string[];
  /** All `::cmd::` lines from stdout and stderr. */
  commands: WorkflowCommand[];
  /** `::error|warning|notice ...::` annotations. */
  annotations: Annotation[];
  /** Values registered with `::add-mask::`. */
  masks: string[];
  /** The env the action ran with. */
  env: Record<string, string>;
  node: string;
  workspace: string;
  eventPath: string;
  /** Temp dir holding runner files (removed unless keepTemp). */
  tempDir: string;
}

const MAX_CAPTURE = 16 * 1024 * 1024;
const liveChildren = new Set<number>();
let exitHook = false;

function killGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* gone */
    }
  }
}

/** Reads `inputs.*.default` from an action.yml. */
export function actionInputDefaults(actionYmlPath: string): Record<string, string> {
  const doc = parseYaml(readFileSync(actionYmlPath, 'utf8')) as { inputs?: Record<string, { default?: unknown }> } | null;
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(doc?.inputs ?? {})) {
    if (spec && spec.default !== undefined && spec.default !== null) out[name] = String(spec.default);
  }
  return out;
}

export async function runAction(opts: RunActionOptions = {}): Promise<ActionRunResult> {
  const entry = resolve(opts.entry ?? DEFAULT_ENTRY);
  if (!existsSync(entry)) {
    throw new Error(`action entry ${entry} does not exist${entry === DEFAULT_ENTRY ? ' (run `npm run bundle` first)' : ''}`);
  }
  const nodeBin = opts.node === '24' ? await resolveNode24() : !opts.node || opts.node === 'current' ? process.execPath : opts.node;

  const tempDir = mkdtempSync(join(tmpdir(), 'slo-gate-run-'));
  const runnerTemp = join(tempDir, 'runner_temp');
  const fileCommands = join(runnerTemp, '_runner_file_commands');
  mkdirSync(fileCommands, { recursive: true });
  mkdirSync(join(tempDir, 'tool_cache'), { recursive: true });
  const workspace = opts.workspace ?? join(tempDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  for (const [rel, content] of Object.entries(opts.workspaceFiles ?? {})) {
    const p = join(workspace, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }

  const gh = opts.github;
  const repo: RepoRef = gh ? { owner: gh.owner, name: gh.repo } : DEFAULT_REPO;
  const event = opts.event ?? pullRequestEvent({ repo, urls: gh?.urls });
  const eventPath = join(tempDir, 'workflow', 'event.json');
  mkdirSync(dirname(eventPath), { recursive: true });
  writeFileSync(eventPath, JSON.stringify(event.payload, null, 2));

  const stepId = opts.action ?? 'slo-gate';
  const uuid = () => randomUUID();
  const files = {
    GITHUB_OUTPUT: join(fileCommands, `set_output_${uuid()}`),
    GITHUB_STEP_SUMMARY: join(fileCommands, `step_summary_${uuid()}`),
    GITHUB_ENV: join(fileCommands, `set_env_${uuid()}`),
    GITHUB_STATE: join(fileCommands, `save_state_${uuid()}`),
    GITHUB_PATH: join(fileCommands, `add_path_${uuid()}`),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');

  const token = opts.token ?? gh?.token;
  const inputs: Record<string, string> = {};
  const yml = opts.actionYml === undefined ? join(REPO_ROOT, 'action.yml') : opts.actionYml;
  if (yml && existsSync(yml)) {
    for (const [k, v] of Object.entries(actionInputDefaults(yml))) {
      inputs[k] = v.replace(/\$\{\{\s*github\.token\s*\}\}/g, token ?? '');
    }
  } else if (opts.actionYml) {
    throw new Error(`actionYml ${opts.actionYml} does not exist`);
  }
  for (const [k, v] of Object.entries(opts.inputs ?? {})) {
    if (v === undefined) delete inputs[k];
    else inputs[k] = String(v);
  }

  const base: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TZ', 'SYSTEMROOT']) {
    const v = process.env[k];
    if (v !== undefined) base[k] = v;
  }
  const runId = opts.runId ?? 9_000_000_001;
  const serverUrl = opts.serverUrl === undefined ? (gh?.serverUrl ?? 'https://github.localhost') : opts.serverUrl;
  const apiUrl = gh?.url ?? 'https://api.github.localhost';
  const refName = event.ref.replace(/^refs\/(heads|tags|pull)\//, '');
  const env: Record<string, string> = {
    ...base,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1000000001',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(tempDir, 'tool_cache'),
    RUNNER_WORKSPACE: dirname(workspace),
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${repo.owner}/${repo.name}`,
    GITHUB_REPOSITORY_OWNER: repo.owner,
    GITHUB_REPOSITORY_ID: String(gh?.repoId ?? repoId(repo.owner, repo.name)),
    GITHUB_REPOSITORY_OWNER_ID: String(repoId(repo.owner, '') % 10_000_000),
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_NUMBER: String(opts.runNumber ?? 42),
    GITHUB_RUN_ATTEMPT: String(opts.runAttempt ?? 1),
    GITHUB_JOB: opts.job ?? 'slo',
    GITHUB_WORKFLOW: opts.workflow ?? 'SLO gate',
    GITHUB_WORKFLOW_REF: `${repo.owner}/${repo.name}/.github/workflows/slo-gate.yml@${event.ref}`,
    GITHUB_WORKFLOW_SHA: event.sha,
    GITHUB_ACTION: stepId,
    GITHUB_ACTION_REPOSITORY: 'acme/slo-gate',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_ACTOR: event.actor.login,
    GITHUB_ACTOR_ID: String(event.actor.id),
    GITHUB_TRIGGERING_ACTOR: event.actor.login,
    GITHUB_SHA: event.sha,
    GITHUB_REF: event.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_HEAD_REF: event.headRef ?? '',
    GITHUB_BASE_REF: event.baseRef ?? '',
    GITHUB_RETENTION_DAYS: String(opts.retentionDays ?? 90),
    ...files,
  };
  if (serverUrl !== null) env.GITHUB_SERVER_URL = serverUrl;
  if (opts.artifacts) Object.assign(env, opts.artifacts.env());
  if (opts.cache) Object.assign(env, opts.cache.env());
  if (opts.debug) env.RUNNER_DEBUG = '1';
  for (const [k, v] of Object.entries(inputs)) env[inputEnvName(k)] = v;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }

  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const pid of liveChildren) killGroup(pid, 'SIGKILL');
    });
  }

  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean; stdout: string; stderr: string }>(
    (resolvePromise, reject) => {
      const child = spawn(nodeBin, [entry], {
        cwd: workspace,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // own process group, so a timeout kills grandchildren too
      });
      if (child.pid) liveChildren.add(child.pid);
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      child.stdout!.on('data', (b: Buffer) => {
        if (stdout.length < MAX_CAPTURE) stdout += b.toString();
      });
      child.stderr!.on('data', (b: Buffer) => {
        if (stderr.length < MAX_CAPTURE) stderr += b.toString();
      });
      const timer = setTimeout(() => {
        timedOut = true;
        if (child.pid) killGroup(child.pid, 'SIGKILL');
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (child.pid) {
          // Reap anything the action left behind in its group.
          killGroup(child.pid, 'SIGKILL');
          liveChildren.delete(child.pid);
        }
        resolvePromise({ code, signal, timedOut, stdout, stderr });
      });
    },
  );

  const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : '');
  const commands = [...parseWorkflowCommands(result.stdout, 'stdout'), ...parseWorkflowCommands(result.stderr, 'stderr')];
  const out: ActionRunResult = {
    exitCode: result.code,
    signal: result.signal,
    timedOut: result.timedOut,
    durationMs: Date.now() - started,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseFileCommand(read(files.GITHUB_OUTPUT)),
    summary: read(files.GITHUB_STEP_SUMMARY),
    exportedEnv: parseFileCommand(read(files.GITHUB_ENV)),
    state: parseFileCommand(read(files.GITHUB_STATE)),
    addedPath: read(files.GITHUB_PATH).split(/\r?\n/).filter(Boolean),
    commands,
    annotations: annotationsFrom(commands),
    masks: commands.filter((c) => c.command === 'add-mask').map((c) => c.message),
    env,
    node: nodeBin,
    workspace,
    eventPath,
    tempDir,
  };
  if (!opts.keepTemp) rmSync(tempDir, { recursive: true, force: true });
  return out;
}

export { GITHUB_ACTIONS_BOT, OCTOCAT, CONTRIBUTOR };
