/**
 * Factories for GitHub REST objects (users, repositories, labels, issues,
 * comments, pull requests, diff entries) and webhook event payloads, shaped
 * like the real API. The fake API server (`github-api.ts`) validates every
 * object it sends against the OpenAPI description, so these factories are
 * kept honest by the harness tests.
 */
import { createHash } from 'node:crypto';

export type ActorType = 'User' | 'Bot' | 'Organization';

export interface Actor {
  login: string;
  id: number;
  type: ActorType;
  site_admin?: boolean;
}

/** The identity behind the `GITHUB_TOKEN` of a workflow run. */
export const GITHUB_ACTIONS_BOT: Actor = Object.freeze({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
/** Some human users, handy for seeds. */
export const OCTOCAT: Actor = Object.freeze({ login: 'octocat', id: 583231, type: 'User' });
export const CONTRIBUTOR: Actor = Object.freeze({ login: 'first-timer', id: 9100001, type: 'User' });
/** Another bot that could post comments carrying a similar marker. */
export const OTHER_BOT: Actor = Object.freeze({ login: 'other-ci[bot]', id: 9200002, type: 'Bot' });

export interface Urls {
  /** API base, e.g. `http://127.0.0.1:1234` (no trailing slash). */
  api: string;
  /** Web base used for `html_url`s, e.g. `https://github.localhost`. */
  server: string;
}

export type AuthorAssociation =
  | 'COLLABORATOR'
  | 'CONTRIBUTOR'
  | 'FIRST_TIMER'
  | 'FIRST_TIME_CONTRIBUTOR'
  | 'MANNEQUIN'
  | 'MEMBER'
  | 'NONE'
  | 'OWNER';

/** GitHub timestamps have second precision: `2024-01-02T03:04:05Z`. */
export function ghTime(d: Date | number = Date.now()): string {
  return new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Legacy global node id, e.g. `MDM6Qm90NDE4OTgyODI=` for github-actions[bot]. */
export function legacyNodeId(type: string, id: number): string {
  const s = `0${type.length}:${type}${id}`;
  return Buffer.from(s).toString('base64');
}

/** New-style node id (`IC_kwDO...`), deterministic per (prefix, id). */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`;
}

export function simpleUser(a: Actor, urls: Urls) {
  const enc = encodeURIComponent(a.login);
  const u = `${urls.api}/users/${enc}`;
  const isBot = a.type === 'Bot';
  return {
    login: a.login,
    id: a.id,
    node_id: legacyNodeId(a.type, a.id),
    avatar_url: isBot
      ? `https://avatars.githubusercontent.com/in/${a.id % 100000}?v=4`
      : `https://avatars.githubusercontent.com/u/${a.id}?v=4`,
    gravatar_id: '',
    url: u,
    html_url: isBot ? `${urls.server}/apps/${a.login.replace(/\[bot\]$/, '')}` : `${urls.server}/${a.login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: a.type,
    user_view_type: 'public',
    site_admin: a.site_admin ?? false,
  };
}
export type SimpleUser = ReturnType<typeof simpleUser>;

/** `GET /user` (public view) for a PAT identity. */
export function publicUser(a: Actor, urls: Urls, created = '2011-01-25T18:44:36Z') {
  return {
    ...simpleUser(a, urls),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 8,
    public_gists: 0,
    followers: 1,
    following: 0,
    created_at: created,
    updated_at: created,
  };
}

export interface RepoSpec {
  owner: string;
  name: string;
  id?: number;
  ownerId?: number;
  ownerType?: ActorType;
  fork?: boolean;
  private?: boolean;
  defaultBranch?: string;
}

export function repoId(owner: string, name: string): number {
  return 100_000_000 + (createHash('sha1').update(`${owner}/${name}`).digest().readUInt32BE(0) % 800_000_000);
}

/** The `repository` schema (as embedded in pull requests and event payloads). */
export function repository(r: RepoSpec, urls: Urls) {
  const full = `${r.owner}/${r.name}`;
  const id = r.id ?? repoId(r.owner, r.name);
  const ownerActor: Actor = {
    login: r.owner,
    id: r.ownerId ?? repoId(r.owner, '') % 10_000_000,
    type: r.ownerType ?? 'Organization',
  };
  const a = `${urls.api}/repos/${full}`;
  const host = new URL(urls.server).host;
  const t = '2020-01-01T00:00:00Z';
  return {
    id,
    node_id: legacyNodeId('Repository', id),
    name: r.name,
    full_name: full,
    private: r.private ?? false,
    owner: simpleUser(ownerActor, urls),
    html_url: `${urls.server}/${full}`,
    description: null,
    fork: r.fork ?? false,
    url: a,
    forks_url: `${a}/forks`,
    keys_url: `${a}/keys{/key_id}`,
    collaborators_url: `${a}/collaborators{/collaborator}`,
    teams_url: `${a}/teams`,
    hooks_url: `${a}/hooks`,
    issue_events_url: `${a}/issues/events{/number}`,
    events_url: `${a}/events`,
    assignees_url: `${a}/assignees{/user}`,
    branches_url: `${a}/branches{/branch}`,
    tags_url: `${a}/tags`,
    blobs_url: `${a}/git/blobs{/sha}`,
    git_tags_url: `${a}/git/tags{/sha}`,
    git_refs_url: `${a}/git/refs{/sha}`,
    trees_url: `${a}/git/trees{/sha}`,
    statuses_url: `${a}/statuses/{sha}`,
    languages_url: `${a}/languages`,
    stargazers_url: `${a}/stargazers`,
    contributors_url: `${a}/contributors`,
    subscribers_url: `${a}/subscribers`,
    subscription_url: `${a}/subscription`,
    commits_url: `${a}/commits{/sha}`,
    git_commits_url: `${a}/git/commits{/sha}`,
    comments_url: `${a}/comments{/number}`,
    issue_comment_url: `${a}/issues/comments{/number}`,
    contents_url: `${a}/contents/{+path}`,
    compare_url: `${a}/compare/{base}...{head}`,
    merges_url: `${a}/merges`,
    archive_url: `${a}/{archive_format}{/ref}`,
    downloads_url: `${a}/downloads`,
    issues_url: `${a}/issues{/number}`,
    pulls_url: `${a}/pulls{/number}`,
    milestones_url: `${a}/milestones{/number}`,
    notifications_url: `${a}/notifications{?since,all,participating}`,
    labels_url: `${a}/labels{/name}`,
    releases_url: `${a}/releases{/id}`,
    deployments_url: `${a}/deployments`,
    created_at: t,
    updated_at: t,
    pushed_at: t,
    git_url: `git://${host}/${full}.git`,
    ssh_url: `git@${host}:${full}.git`,
    clone_url: `${urls.server}/${full}.git`,
    svn_url: `${urls.server}/${full}`,
    homepage: null,
    size: 1024,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'TypeScript',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [] as string[],
    visibility: (r.private ? 'private' : 'public') as string,
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: r.defaultBranch ?? 'main',
  };
}
export type Repository = ReturnType<typeof repository>;

export interface LabelSpec {
  name: string;
  color?: string;
  description?: string | null;
  id?: number;
}

export function label(l: LabelSpec, repo: { owner: string; name: string }, urls: Urls) {
  const id = l.id ?? 5_000_000_000 + (createHash('sha1').update(l.name).digest().readUInt32BE(0) % 1_000_000_000);
  return {
    id,
    node_id: nodeId('LA', id),
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color ?? 'ededed',
    default: false,
    description: l.description ?? null,
  };
}
export type Label = ReturnType<typeof label>;

export function reactionRollup(url: string) {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  author: Actor;
  createdAt: string;
  updatedAt: string;
  authorAssociation: AuthorAssociation;
  /** true when the parent is a pull request (affects html_url). */
  onPull: boolean;
}

export function issueComment(c: CommentRecord, repo: { owner: string; name: string }, urls: Urls) {
  const a = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const url = `${a}/issues/comments/${c.id}`;
  return {
    url,
    html_url: `${urls.server}/${repo.owner}/${repo.name}/${c.onPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${a}/issues/${c.issueNumber}`,
    id: c.id,
    node_id: nodeId('IC', c.id),
    user: simpleUser(c.author, urls),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.authorAssociation,
    body: c.body,
    reactions: reactionRollup(url),
    performed_via_github_app: null,
  };
}
export type IssueComment = ReturnType<typeof issueComment>;

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  labels: string[];
  author: Actor;
  assignees: Actor[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: Actor | null;
  locked: boolean;
  comments: number;
  authorAssociation: AuthorAssociation;
  /** Present when this issue is a pull request. */
  pull?: PullRecord;
}

export interface PullRecord {
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  /** Repository the head branch lives in (a fork for fork PRs). */
  headRepo: RepoSpec;
  draft: boolean;
  merged: boolean;
  mergeCommitSha: string | null;
  files: DiffEntrySpec[];
  commits: number;
}

export function issue(i: IssueRecord, repo: { owner: string; name: string }, urls: Urls, labelFor: (name: string) => Label) {
  const a = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const url = `${a}/issues/${i.number}`;
  const out: Record<string, unknown> = {
    url,
    repository_url: a,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${urls.server}/${repo.owner}/${repo.name}/${i.pull ? 'pull' : 'issues'}/${i.number}`,
    id: i.id,
    node_id: nodeId(i.pull ? 'PR' : 'I', i.id),
    number: i.number,
    title: i.title,
    user: simpleUser(i.author, urls),
    labels: i.labels.map(labelFor),
    state: i.state,
    locked: i.locked,
    assignee: i.assignees[0] ? simpleUser(i.assignees[0], urls) : null,
    assignees: i.assignees.map((x) => simpleUser(x, urls)),
    milestone: null,
    comments: i.comments,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    author_association: i.authorAssociation,
    active_lock_reason: null,
    body: i.body,
    reactions: reactionRollup(url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: i.stateReason,
  };
  if (i.pull) {
    out.draft = i.pull.draft;
    out.pull_request = {
      url: `${a}/pulls/${i.number}`,
      html_url: `${urls.server}/${repo.owner}/${repo.name}/pull/${i.number}`,
      diff_url: `${urls.server}/${repo.owner}/${repo.name}/pull/${i.number}.diff`,
      patch_url: `${urls.server}/${repo.owner}/${repo.name}/pull/${i.number}.patch`,
      merged_at: null,
    };
  }
  return out;
}

export interface DiffEntrySpec {
  filename: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions?: number;
  deletions?: number;
  patch?: string;
  previous_filename?: string;
  sha?: string;
}

export function diffEntry(f: DiffEntrySpec, repo: { owner: string; name: string }, headSha: string, urls: Urls) {
  const sha = f.sha ?? createHash('sha1').update(`blob:${f.filename}`).digest('hex');
  const path = f.filename.split('/').map(encodeURIComponent).join('/');
  const additions = f.additions ?? 1;
  const deletions = f.deletions ?? 0;
  const out: Record<string, unknown> = {
    sha,
    filename: f.filename,
    status: f.status ?? 'modified',
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${urls.server}/${repo.owner}/${repo.name}/blob/${headSha}/${path}`,
    raw_url: `${urls.server}/${repo.owner}/${repo.name}/raw/${headSha}/${path}`,
    contents_url: `${urls.api}/repos/${repo.owner}/${repo.name}/contents/${path}?ref=${headSha}`,
  };
  if (f.patch !== undefined) out.patch = f.patch;
  else if (f.status !== 'removed') out.patch = `@@ -1,0 +1,${additions} @@\n+${'line\n+'.repeat(Math.max(0, additions - 1))}line`;
  if (f.previous_filename) out.previous_filename = f.previous_filename;
  return out;
}

/** `pull-request` schema (GET /repos/{o}/{r}/pulls/{n}); also the webhook `pull_request`. */
export function pullRequest(i: IssueRecord, repo: RepoSpec, urls: Urls, labelFor: (name: string) => Label) {
  const p = i.pull;
  if (!p) throw new Error(`#${i.number} is not a pull request`);
  const a = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const url = `${a}/pulls/${i.number}`;
  const web = `${urls.server}/${repo.owner}/${repo.name}/pull/${i.number}`;
  const baseRepo = repository(repo, urls);
  const headRepo = repository(p.headRepo, urls);
  const headOwner: Actor = { login: p.headRepo.owner, id: headRepo.owner.id, type: headRepo.owner.type as ActorType };
  const baseOwner: Actor = { login: repo.owner, id: baseRepo.owner.id, type: baseRepo.owner.type as ActorType };
  const link = (href: string) => ({ href });
  const files = p.files;
  return {
    url,
    id: i.id,
    node_id: nodeId('PR', i.id),
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: `${a}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    locked: i.locked,
    title: i.title,
    user: simpleUser(i.author, urls),
    body: i.body,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    merged_at: null,
    merge_commit_sha: p.mergeCommitSha,
    assignee: i.assignees[0] ? simpleUser(i.assignees[0], urls) : null,
    assignees: i.assignees.map((x) => simpleUser(x, urls)),
    requested_reviewers: [],
    requested_teams: [],
    labels: i.labels.map(labelFor),
    milestone: null,
    draft: p.draft,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${a}/pulls/comments{/number}`,
    comments_url: `${a}/issues/${i.number}/comments`,
    statuses_url: `${a}/statuses/${p.headSha}`,
    head: {
      label: `${p.headRepo.owner}:${p.headRef}`,
      ref: p.headRef,
      sha: p.headSha,
      user: simpleUser(headOwner, urls),
      repo: headRepo,
    },
    base: {
      label: `${repo.owner}:${p.baseRef}`,
      ref: p.baseRef,
      sha: p.baseSha,
      user: simpleUser(baseOwner, urls),
      repo: baseRepo,
    },
    _links: {
      self: link(url),
      html: link(web),
      issue: link(`${a}/issues/${i.number}`),
      comments: link(`${a}/issues/${i.number}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${a}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${a}/statuses/${p.headSha}`),
    },
    author_association: i.authorAssociation,
    auto_merge: null,
    active_lock_reason: null,
    merged: p.merged,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: i.comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: p.commits,
    additions: files.reduce((s, f) => s + (f.additions ?? 1), 0),
    deletions: files.reduce((s, f) => s + (f.deletions ?? 0), 0),
    changed_files: files.length,
  };
}

/** A 40-hex sha derived from a seed string (deterministic). */
export function sha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}
