/**
 * A local, in-memory GitHub REST API for end-to-end tests of the action's
 * publishing (sticky PR comment + tracking issue).
 *
 *  - node:http on 127.0.0.1, port 0; nothing is sent anywhere else.
 *  - Every response body is validated against GitHub's OpenAPI description
 *    (`@octokit/openapi`); request bodies too where the description defines
 *    them. Violations are recorded in `server.violations`; call
 *    `server.assertNoViolations()` (or use `useGitHubApi()`, which does it
 *    after each test).
 *  - Fault modes: `fork`, `commentDeleted`, `flaky5xx`, `rateLimited`; the
 *    65536-character body limit is always enforced (422 like the real API).
 *  - Every request is recorded (`server.requests`).
 *
 * Usage:
 *   const gh = await startGitHubApi({ owner: 'acme', repo: 'widgets' });
 *   const pr = gh.seedPullRequest({ labels: ['slo'] });
 *   const octokit = getOctokit(gh.token, { baseUrl: gh.url });
 *   ...
 *   gh.assertNoViolations();
 *   await gh.stop();
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  type Actor,
  type AuthorAssociation,
  type CommentRecord,
  type DiffEntrySpec,
  type IssueRecord,
  type Label,
  type LabelSpec,
  type RepoSpec,
  type Urls,
  CONTRIBUTOR,
  GITHUB_ACTIONS_BOT,
  diffEntry,
  ghTime,
  issue as issueObject,
  issueComment,
  label as labelObject,
  legacyNodeId,
  publicUser,
  pullRequest as pullRequestObject,
  repoId,
  sha as shaOf,
  simpleUser,
} from './github-objects.js';
import { type HttpMethod, getOpenApiValidator } from './openapi.js';

export { GITHUB_ACTIONS_BOT, OCTOCAT, CONTRIBUTOR, OTHER_BOT } from './github-objects.js';
export type { Actor } from './github-objects.js';

/** Maximum length (in characters) of issue / comment bodies on github.com. */
export const MAX_BODY_LENGTH = 65536;

export type TokenKind = 'installation' | 'pat' | 'app-jwt';

export interface RequestMatch {
  method?: string;
  /** Matched against the pathname (string: exact or prefix with `*` at the end). */
  path?: string | RegExp;
}

export interface FlakyOptions {
  /** How many matching requests fail before the server recovers. */
  count: number;
  /** Statuses to cycle through (default `[502, 500]`). */
  statuses?: number[];
  match?: RequestMatch;
}

export interface RateLimitOptions {
  count: number;
  /** 403 (classic) or 429. Default 403. */
  status?: 403 | 429;
  /**
   * `primary`: `x-ratelimit-remaining: 0` + `x-ratelimit-reset` ("API rate limit exceeded").
   * `secondary`: `retry-after` + "You have exceeded a secondary rate limit".
   * Both kinds also carry `retry-after`. Default `primary`.
   */
  kind?: 'primary' | 'secondary';
  /** Seconds (default 1). Also sets `x-ratelimit-reset = now + retryAfter`. */
  retryAfter?: number;
  match?: RequestMatch;
}

export interface Faults {
  /** Token is read-only (fork PR): every write -> 403 "Resource not accessible by integration". */
  fork?: boolean;
  /**
   * PATCH of a comment -> 404 (the comment vanished between list and update).
   * `true` = any comment; array = only those ids. The comment is removed from
   * the store, as if a human had deleted it.
   */
  commentDeleted?: boolean | number[];
  /** The first N (matching) requests get a 5xx. */
  flaky5xx?: number | FlakyOptions;
  /** The first N (matching) requests are rate limited. */
  rateLimited?: number | RateLimitOptions;
}

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Pathname as received. */
  path: string;
  /** Pathname after `/repositories/{id}` rewriting. */
  routedPath: string;
  /** Spec path template, when routed. */
  route?: string;
  operationId?: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
  status: number;
  responseBody: unknown;
  responseHeaders: Record<string, string>;
  /** Which fault produced the response, if any. */
  fault?: 'flaky5xx' | 'rateLimited' | 'fork' | 'commentDeleted' | 'auth';
  at: number;
}

export interface Violation {
  kind: 'response' | 'request' | 'unrouted';
  method: string;
  path: string;
  route?: string;
  status?: number;
  schemaRef?: string;
  errors: string[];
  body?: unknown;
}

export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  headers: IncomingMessage['headers'];
  identity: Actor;
  tokenKind: TokenKind;
  server: FakeGitHubApi;
  /** The record of this request (set `fault` on it to label a simulated failure). */
  request: RecordedRequest;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

export interface RouteOptions {
  /**
   * Validate against the OpenAPI operation with this method + template
   * (default: the route's own method + template). `false` disables
   * validation (for routes that are not in the description, e.g. /graphql).
   */
  spec?: false | { method: string; path: string };
}

interface Route {
  method: string;
  template: string;
  re: RegExp;
  names: string[];
  handler: RouteHandler;
  spec: false | { method: HttpMethod; path: string };
  literal: number;
}

/** Thrown by route handlers to send an error response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export interface SeedComment {
  issueNumber: number;
  body: string;
  author?: Actor;
  createdAt?: string;
  updatedAt?: string;
  authorAssociation?: AuthorAssociation;
}

export interface SeedIssue {
  number?: number;
  title: string;
  body?: string | null;
  labels?: string[];
  author?: Actor;
  state?: 'open' | 'closed';
  createdAt?: string;
  assignees?: Actor[];
}

export interface SeedPullRequest {
  number?: number;
  title?: string;
  body?: string | null;
  labels?: string[];
  author?: Actor;
  headRef?: string;
  headSha?: string;
  baseRef?: string;
  baseSha?: string;
  /** `true` = head branch lives in `<author>/<repo>` (a fork); or give the repo. */
  fork?: boolean | { owner: string; name: string };
  draft?: boolean;
  state?: 'open' | 'closed';
  files?: DiffEntrySpec[];
  commits?: number;
}

export interface GitHubApiOptions {
  owner?: string;
  repo?: string;
  /** Accepted token (default `ghs_fakeInstallationToken0123456789`). */
  token?: string;
  /** Identity behind `token` (default github-actions[bot], id 41898282, Bot). */
  identity?: Actor;
  /**
   * `installation` (GITHUB_TOKEN; default): GET /user -> 403, GET /app -> 401.
   * `pat`: GET /user -> 200. `app-jwt`: GET /app -> 200.
   */
  tokenKind?: TokenKind;
  /** Base of `html_url`s (default `https://github.localhost`). */
  serverUrl?: string;
  /** `repositories` (default, like github.com: `/repositories/{id}/...`) or `repos`. */
  linkStyle?: 'repositories' | 'repos';
  /** Validate bodies against the OpenAPI description (default true). */
  validate?: boolean;
  faults?: Faults;
  seed?: {
    pullRequests?: SeedPullRequest[];
    issues?: SeedIssue[];
    comments?: SeedComment[];
    labels?: LabelSpec[];
  };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DOCS = 'https://docs.github.com/rest';

export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<FakeGitHubApi> {
  const api = new FakeGitHubApi(options);
  await api.start();
  return api;
}

export class FakeGitHubApi {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly identity: Actor;
  readonly tokenKind: TokenKind;
  readonly serverUrl: string;
  readonly repoId: number;
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  faults: Faults = {};

  /** Raw state (mutable; prefer the seed helpers). */
  readonly state = {
    issues: new Map<number, IssueRecord>(),
    comments: new Map<number, CommentRecord>(),
    labels: new Map<string, Label>(),
  };

  private readonly tokens = new Map<string, { actor: Actor; kind: TokenKind }>();
  private readonly routes: Route[] = [];
  private readonly validate: boolean;
  private readonly linkStyle: 'repositories' | 'repos';
  private server?: Server;
  private port = 0;
  private seq = 0;
  private nextIssueNumber = 1;
  private nextCommentId = 3_000_000_001;
  private nextIssueId = 2_500_000_001;
  private faultCounters = { flaky: 0, rate: 0 };
  private rateRemaining = 1000;
  private readonly initialOptions: GitHubApiOptions;

  constructor(options: GitHubApiOptions = {}) {
    this.initialOptions = options;
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'widgets';
    this.token = options.token ?? 'ghs_fakeInstallationToken0123456789';
    this.identity = options.identity ?? GITHUB_ACTIONS_BOT;
    this.tokenKind = options.tokenKind ?? 'installation';
    this.serverUrl = (options.serverUrl ?? 'https://github.localhost').replace(/\/$/, '');
    this.repoId = repoId(this.owner, this.repo);
    this.validate = options.validate ?? true;
    this.linkStyle = options.linkStyle ?? 'repositories';
    this.faults = { ...(options.faults ?? {}) };
    this.tokens.set(this.token, { actor: this.identity, kind: this.tokenKind });
    this.installDefaultRoutes();
  }

  /** `http://127.0.0.1:<port>`: use as Octokit `baseUrl` and `GITHUB_API_URL`. */
  get url(): string {
    if (!this.server) throw new Error('server not started');
    return `http://127.0.0.1:${this.port}`;
  }

  get urls(): Urls {
    return { api: this.url, server: this.serverUrl };
  }

  /** Env vars a runner would give the action for this API. */
  env(): Record<string, string> {
    return {
      GITHUB_API_URL: this.url,
      GITHUB_SERVER_URL: this.serverUrl,
      GITHUB_GRAPHQL_URL: `${this.url}/graphql`,
      GITHUB_REPOSITORY: `${this.owner}/${this.repo}`,
      GITHUB_REPOSITORY_OWNER: this.owner,
      GITHUB_REPOSITORY_ID: String(this.repoId),
    };
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        // A bug in the fake itself: make it loud.
        this.violations.push({
          kind: 'response',
          method: req.method ?? '?',
          path: req.url ?? '?',
          errors: [`fake server crashed: ${err instanceof Error ? err.stack : String(err)}`],
        });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'fake server crashed' }));
      });
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    this.applySeed(this.initialOptions.seed);
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- faults

  setFaults(faults: Faults): void {
    this.faults = { ...this.faults, ...faults };
    if ('flaky5xx' in faults) this.faultCounters.flaky = 0;
    if ('rateLimited' in faults) this.faultCounters.rate = 0;
  }

  clearFaults(): void {
    this.faults = {};
    this.faultCounters = { flaky: 0, rate: 0 };
  }

  /** Clears recorded requests, violations and faults (keeps data). */
  resetRecording(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    this.clearFaults();
  }

  /** Clears everything (data, requests, violations, faults, custom routes) and re-applies the seed. */
  reset(): void {
    this.resetRecording();
    this.state.issues.clear();
    this.state.comments.clear();
    this.state.labels.clear();
    this.nextIssueNumber = 1;
    this.nextCommentId = 3_000_000_001;
    this.nextIssueId = 2_500_000_001;
    this.rateRemaining = 1000;
    this.routes.length = 0;
    this.installDefaultRoutes();
    this.faults = { ...(this.initialOptions.faults ?? {}) };
    this.applySeed(this.initialOptions.seed);
  }

  /** Accept another token (e.g. a PAT of a human) with its own identity. */
  addToken(token: string, actor: Actor, kind: TokenKind = 'pat'): void {
    this.tokens.set(token, { actor, kind });
  }

  // ---------------------------------------------------------------- assertions

  /** Throws (failing the test) if any response/request violated the description, or a route was missing. */
  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const lines = this.violations.map(
      (v, i) =>
        `#${i + 1} [${v.kind}] ${v.method} ${v.path}${v.status ? ` -> ${v.status}` : ''}${v.schemaRef ? ` (${v.schemaRef})` : ''}\n    ` +
        v.errors.join('\n    '),
    );
    throw new Error(`GitHub API fake: ${this.violations.length} OpenAPI violation(s):\n${lines.join('\n')}`);
  }

  /** Recorded requests filtered by method and/or path (string = exact pathname, RegExp = test). */
  requestsTo(method?: string, path?: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => matches({ method, path }, r.method, r.routedPath));
  }

  /** Recorded write requests (POST/PUT/PATCH/DELETE). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => WRITE_METHODS.has(r.method));
  }

  // ---------------------------------------------------------------- state views

  /** Comments on an issue/PR, REST-shaped, oldest first. */
  comments(issueNumber?: number): ReturnType<typeof issueComment>[] {
    return [...this.state.comments.values()]
      .filter((c) => issueNumber === undefined || c.issueNumber === issueNumber)
      .sort((a, b) => a.id - b.id)
      .map((c) => this.commentJson(c));
  }

  comment(id: number): ReturnType<typeof issueComment> | undefined {
    const c = this.state.comments.get(id);
    return c && this.commentJson(c);
  }

  /** Issues (not PRs unless `includePulls`), REST-shaped, by number. */
  issues(opts: { includePulls?: boolean } = {}): Record<string, any>[] {
    return [...this.state.issues.values()]
      .filter((i) => opts.includePulls || !i.pull)
      .sort((a, b) => a.number - b.number)
      .map((i) => this.issueJson(i));
  }

  issue(number: number): Record<string, any> | undefined {
    const i = this.state.issues.get(number);
    return i && this.issueJson(i);
  }

  pullRequest(number: number): ReturnType<typeof pullRequestObject> | undefined {
    const i = this.state.issues.get(number);
    return i?.pull ? this.pullJson(i) : undefined;
  }

  // ---------------------------------------------------------------- seeds

  seedLabel(spec: LabelSpec): Label {
    const l = labelObject(spec, { owner: this.owner, name: this.repo }, this.urlsForObjects());
    this.state.labels.set(spec.name.toLowerCase(), l);
    return l;
  }

  seedIssue(spec: SeedIssue): IssueRecord {
    const number = this.allocNumber(spec.number);
    const t = spec.createdAt ?? ghTime(Date.now() - 86_400_000);
    const author = spec.author ?? CONTRIBUTOR;
    const rec: IssueRecord = {
      number,
      id: this.nextIssueId++,
      title: spec.title,
      body: spec.body ?? null,
      state: spec.state ?? 'open',
      stateReason: spec.state === 'closed' ? 'completed' : null,
      labels: (spec.labels ?? []).map((l) => this.ensureLabel(l).name),
      author,
      assignees: spec.assignees ?? [],
      createdAt: t,
      updatedAt: t,
      closedAt: spec.state === 'closed' ? t : null,
      closedBy: null,
      locked: false,
      comments: 0,
      authorAssociation: this.associationOf(author),
    };
    this.state.issues.set(number, rec);
    return rec;
  }

  seedPullRequest(spec: SeedPullRequest = {}): IssueRecord & { pull: NonNullable<IssueRecord['pull']> } {
    const author = spec.author ?? CONTRIBUTOR;
    const number = this.allocNumber(spec.number);
    const headRepo: RepoSpec = spec.fork
      ? typeof spec.fork === 'object'
        ? { owner: spec.fork.owner, name: spec.fork.name, fork: true, ownerType: 'User', ownerId: author.id }
        : { owner: author.login, name: this.repo, fork: true, ownerType: 'User', ownerId: author.id }
      : this.repoSpec();
    const t = ghTime(Date.now() - 3_600_000);
    const rec: IssueRecord = {
      number,
      id: this.nextIssueId++,
      title: spec.title ?? `Change #${number}`,
      body: spec.body ?? null,
      state: spec.state ?? 'open',
      stateReason: null,
      labels: (spec.labels ?? []).map((l) => this.ensureLabel(l).name),
      author,
      assignees: [],
      createdAt: t,
      updatedAt: t,
      closedAt: spec.state === 'closed' ? t : null,
      closedBy: null,
      locked: false,
      comments: 0,
      authorAssociation: this.associationOf(author),
      pull: {
        headRef: spec.headRef ?? `feature/pr-${number}`,
        headSha: spec.headSha ?? shaOf(`head-${number}`),
        baseRef: spec.baseRef ?? 'main',
        baseSha: spec.baseSha ?? shaOf(`base-${number}`),
        headRepo,
        draft: spec.draft ?? false,
        merged: false,
        mergeCommitSha: shaOf(`merge-${number}`),
        files: spec.files ?? [{ filename: 'slo/api.yaml', additions: 3 }],
        commits: spec.commits ?? 1,
      },
    };
    this.state.issues.set(number, rec);
    return rec as IssueRecord & { pull: NonNullable<IssueRecord['pull']> };
  }

  seedComment(spec: SeedComment): CommentRecord {
    const parent = this.state.issues.get(spec.issueNumber);
    if (!parent) throw new Error(`seedComment: no issue/PR #${spec.issueNumber}`);
    const author = spec.author ?? CONTRIBUTOR;
    const created = spec.createdAt ?? ghTime(Date.now() - 600_000);
    const rec: CommentRecord = {
      id: this.nextCommentId++,
      issueNumber: spec.issueNumber,
      body: spec.body,
      author,
      createdAt: created,
      updatedAt: spec.updatedAt ?? created,
      authorAssociation: spec.authorAssociation ?? this.associationOf(author),
      onPull: Boolean(parent.pull),
    };
    this.state.comments.set(rec.id, rec);
    parent.comments++;
    return rec;
  }

  // ---------------------------------------------------------------- routing

  /**
   * Adds (or overrides: custom routes win over built-ins) a route. `template`
   * uses the OpenAPI path syntax, e.g. `/repos/{owner}/{repo}/labels/{name}`.
   * Responses are validated against that operation unless `spec: false`.
   */
  route(method: string, template: string, handler: RouteHandler, opts: RouteOptions = {}): void {
    this.routes.unshift(this.makeRoute(method, template, handler, opts));
  }

  private makeRoute(method: string, template: string, handler: RouteHandler, opts: RouteOptions): Route {
    const names: string[] = [];
    const re = new RegExp(
      '^' +
        template
          .split('/')
          .map((seg) => {
            const m = /^\{([^}]+)\}$/.exec(seg);
            if (m) {
              names.push(m[1]!);
              return '([^/]+)';
            }
            return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          })
          .join('/') +
        '/?$',
    );
    const spec =
      opts.spec === false
        ? (false as const)
        : { method: (opts.spec?.method ?? method).toLowerCase() as HttpMethod, path: opts.spec?.path ?? template };
    return {
      method: method.toUpperCase(),
      template,
      re,
      names,
      handler,
      spec,
      literal: template.replace(/\{[^}]+\}/g, '').length,
    };
  }

  private findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    // Custom routes (unshifted) come first; among built-ins prefer the most specific.
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.re.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
      return { route: r, params };
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const rawBody = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
    const rec: RecordedRequest = {
      seq: ++this.seq,
      method,
      path: url.pathname,
      routedPath: this.rewritePath(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
      rawBody,
      status: 0,
      responseBody: undefined,
      responseHeaders: {},
      at: Date.now(),
    };
    this.requests.push(rec);
    const found = this.findRoute(method, rec.routedPath);
    if (found) {
      rec.route = found.route.template;
      if (found.route.spec) {
        rec.operationId = getOpenApiValidator().operation(found.route.spec.path, found.route.spec.method)?.operationId;
      }
    }

    let result: RouteResult;
    try {
      result = await this.dispatch(method, url, rec, found, req);
    } catch (err) {
      if (err instanceof HttpError) result = { status: err.status, body: err.body, headers: err.headers };
      else throw err;
    }
    this.send(res, rec, found?.route, result);
  }

  private async dispatch(
    method: string,
    url: URL,
    rec: RecordedRequest,
    found: { route: Route; params: Record<string, string> } | undefined,
    req: IncomingMessage,
  ): Promise<RouteResult> {
    const docUrl = found?.route.spec ? this.docUrl(found.route.spec.path, found.route.spec.method) : DOCS;

    // 1. infrastructure failures
    const flaky = normalizeFlaky(this.faults.flaky5xx);
    if (flaky && this.faultCounters.flaky < flaky.count && matches(flaky.match, method, rec.routedPath)) {
      const statuses = flaky.statuses ?? [502, 500];
      const status = statuses[this.faultCounters.flaky % statuses.length]!;
      this.faultCounters.flaky++;
      rec.fault = 'flaky5xx';
      return { status, body: { message: status === 502 ? 'Server Error' : 'Server Error', documentation_url: DOCS, status: String(status) } };
    }

    // 2. authentication
    const auth = req.headers.authorization ?? '';
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(auth);
    const tok = m ? this.tokens.get(m[1]!) : undefined;
    if (!tok) {
      rec.fault = 'auth';
      return {
        status: 401,
        body: { message: m ? 'Bad credentials' : 'Requires authentication', documentation_url: DOCS, status: '401' },
      };
    }

    // 3. rate limiting
    const rl = normalizeRate(this.faults.rateLimited);
    if (rl && this.faultCounters.rate < rl.count && matches(rl.match, method, rec.routedPath)) {
      this.faultCounters.rate++;
      rec.fault = 'rateLimited';
      const after = rl.retryAfter ?? 1;
      const reset = Math.ceil(Date.now() / 1000) + after;
      const secondary = rl.kind === 'secondary';
      return {
        status: rl.status ?? 403,
        headers: {
          'retry-after': String(after),
          'x-ratelimit-limit': '1000',
          'x-ratelimit-remaining': secondary ? String(this.rateRemaining) : '0',
          'x-ratelimit-used': secondary ? String(1000 - this.rateRemaining) : '1000',
          'x-ratelimit-reset': String(reset),
          'x-ratelimit-resource': 'core',
        },
        body: secondary
          ? {
              message:
                'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ' +
                randomUUID().toUpperCase() +
                '.',
              documentation_url:
                'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
              status: String(rl.status ?? 403),
            }
          : {
              message: `API rate limit exceeded for installation ID 12345678. If you reach out to GitHub Support for help, please include the request ID ${randomUUID().toUpperCase()} and timestamp ${new Date().toISOString()}.`,
              documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
              status: String(rl.status ?? 403),
            },
      };
    }

    // 4. routing
    if (!found) {
      this.violations.push({
        kind: 'unrouted',
        method,
        path: rec.path,
        errors: [
          `no route in the fake for ${method} ${rec.routedPath}` +
            (getOpenApiValidator().matchPath(rec.routedPath, method.toLowerCase() as HttpMethod)
              ? ` (spec: ${getOpenApiValidator().matchPath(rec.routedPath, method.toLowerCase() as HttpMethod)}); add it with server.route()`
              : ' (not in the OpenAPI description either)'),
        ],
      });
      return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
    }

    this.checkRepo(found.params);

    // 5. body parsing
    let body: unknown = undefined;
    if (rec.rawBody.length > 0) {
      try {
        body = JSON.parse(rec.rawBody);
      } catch {
        return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: docUrl, status: '400' } };
      }
    }
    rec.body = body;

    // 6. permissions (fork PR token is read-only)
    if (this.faults.fork && WRITE_METHODS.has(method)) {
      rec.fault = 'fork';
      return {
        status: 403,
        headers: { 'x-accepted-github-permissions': acceptedPermissions(found.route.template) },
        body: { message: 'Resource not accessible by integration', documentation_url: docUrl, status: '403' },
      };
    }

    // 7. request body schema
    if (this.validate && found.route.spec && WRITE_METHODS.has(method)) {
      const v = getOpenApiValidator().validateRequest(found.route.spec.path, found.route.spec.method, body);
      if (!v.valid) {
        this.violations.push({
          kind: 'request',
          method,
          path: rec.path,
          route: found.route.template,
          schemaRef: v.schemaRef,
          errors: v.errors,
          body,
        });
        return {
          status: 422,
          body: {
            message: `Invalid request.\n\n${v.errors.join('\n')}`,
            documentation_url: docUrl,
            status: '422',
          },
        };
      }
    }

    // 8. handler
    const ctx: RouteContext = {
      method,
      path: rec.routedPath,
      params: found.params,
      query: url.searchParams,
      body,
      headers: req.headers,
      identity: tok.actor,
      tokenKind: tok.kind,
      server: this,
      request: rec,
    };
    return await found.route.handler(ctx);
  }

  private send(res: ServerResponse, rec: RecordedRequest, route: Route | undefined, result: RouteResult): void {
    const isEmpty = result.body === undefined || result.status === 204 || result.status === 304;
    const text = isEmpty ? '' : JSON.stringify(result.body);
    if (this.rateRemaining > 0 && rec.fault !== 'rateLimited') this.rateRemaining--;
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `${randomUUID().slice(0, 4).toUpperCase()}:${randomUUID().slice(0, 6).toUpperCase()}`,
      'x-ratelimit-limit': this.tokenKind === 'pat' ? '5000' : '1000',
      'x-ratelimit-remaining': String(this.rateRemaining),
      'x-ratelimit-used': String(1000 - this.rateRemaining),
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      ...(isEmpty ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      ...(result.headers ?? {}),
    };
    rec.status = result.status;
    rec.responseBody = isEmpty ? undefined : JSON.parse(text);
    rec.responseHeaders = headers;

    if (this.validate && route && route.spec && !(rec.fault === 'flaky5xx')) {
      const v = getOpenApiValidator().validateResponse(route.spec.path, route.spec.method, result.status, rec.responseBody);
      // `basic-error` has no required fields; GitHub always sends a `message`.
      if (v.valid && result.status >= 400 && !isEmpty) {
        const b = rec.responseBody as { message?: unknown } | undefined;
        if (!b || typeof b.message !== 'string') {
          v.valid = false;
          v.errors.push("(root) must have required property 'message' (GitHub error envelope)");
        }
      }
      if (!v.valid) {
        this.violations.push({
          kind: 'response',
          method: rec.method,
          path: rec.path,
          route: route.template,
          status: result.status,
          schemaRef: v.schemaRef,
          errors: v.errors,
          body: rec.responseBody,
        });
      }
    } else if (this.validate && result.status >= 400 && !isEmpty) {
      // Faults before routing (auth, 5xx, rate limits, unrouted): the generic error envelope.
      const b = rec.responseBody as { message?: unknown } | undefined;
      if (!b || typeof b.message !== 'string') {
        this.violations.push({
          kind: 'response',
          method: rec.method,
          path: rec.path,
          status: result.status,
          errors: ['error body lacks a string `message`'],
          body: rec.responseBody,
        });
      }
    }
    res.writeHead(result.status, headers);
    res.end(text);
  }

  // ---------------------------------------------------------------- helpers

  private urlsForObjects(): Urls {
    return { api: this.server ? this.url : 'http://127.0.0.1:0', server: this.serverUrl };
  }

  private repoSpec(): RepoSpec {
    return { owner: this.owner, name: this.repo, id: this.repoId };
  }

  private docUrl(path: string, method: HttpMethod): string {
    const op = ((getOpenApiValidator().spec.paths as any)[path] as any)?.[method];
    return (op?.externalDocs?.url as string | undefined) ?? DOCS;
  }

  private rewritePath(p: string): string {
    const m = /^\/repositories\/(\d+)(\/.*)?$/.exec(p);
    if (m && Number(m[1]) === this.repoId) return `/repos/${this.owner}/${this.repo}${m[2] ?? ''}`;
    return p;
  }

  private checkRepo(params: Record<string, string>): void {
    if (params.owner === undefined || params.repo === undefined) return;
    if (params.owner.toLowerCase() !== this.owner.toLowerCase() || params.repo.toLowerCase() !== this.repo.toLowerCase()) {
      throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    }
  }

  private allocNumber(n?: number): number {
    if (n !== undefined) {
      if (this.state.issues.has(n)) throw new Error(`#${n} already exists`);
      this.nextIssueNumber = Math.max(this.nextIssueNumber, n + 1);
      return n;
    }
    return this.nextIssueNumber++;
  }

  private associationOf(a: Actor): AuthorAssociation {
    if (a.login.toLowerCase() === this.owner.toLowerCase()) return 'OWNER';
    if (a.type === 'Bot') return 'NONE';
    return 'CONTRIBUTOR';
  }

  private ensureLabel(name: string): Label {
    const k = name.toLowerCase();
    return this.state.labels.get(k) ?? this.seedLabel({ name });
  }

  private labelFor = (name: string): Label => {
    const l = this.ensureLabel(name);
    // Re-render: the url embeds the API base, which is only known after start().
    return labelObject({ name: l.name, color: l.color, description: l.description, id: l.id }, { owner: this.owner, name: this.repo }, this.urls);
  };

  commentJson(c: CommentRecord) {
    return issueComment(c, { owner: this.owner, name: this.repo }, this.urls);
  }

  issueJson(i: IssueRecord): Record<string, any> {
    return issueObject(i, { owner: this.owner, name: this.repo }, this.urls, this.labelFor);
  }

  pullJson(i: IssueRecord) {
    return pullRequestObject(i, this.repoSpec(), this.urls, this.labelFor);
  }

  private applySeed(seed: GitHubApiOptions['seed']): void {
    if (!seed) return;
    for (const l of seed.labels ?? []) this.seedLabel(l);
    for (const p of seed.pullRequests ?? []) this.seedPullRequest(p);
    for (const i of seed.issues ?? []) this.seedIssue(i);
    for (const c of seed.comments ?? []) this.seedComment(c);
  }

  private getIssue(n: string | undefined, docUrl: string): IssueRecord {
    const i = this.state.issues.get(Number(n));
    if (!i) throw new HttpError(404, { message: 'Not Found', documentation_url: docUrl, status: '404' });
    return i;
  }

  private tooLong(body: unknown, resource: 'IssueComment' | 'Issue', docUrl: string): void {
    if (typeof body !== 'string') return;
    if ([...body].length <= MAX_BODY_LENGTH) return;
    throw new HttpError(422, {
      message: 'Validation Failed',
      errors: [
        resource === 'IssueComment'
          ? { resource, code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${MAX_BODY_LENGTH} characters)` }
          : { resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY_LENGTH} characters)` },
      ],
      documentation_url: docUrl,
      status: '422',
    });
  }

  /** Slices `items` for `per_page`/`page` and builds a github-style Link header. */
  paginate<T>(ctx: RouteContext, items: T[], defaultPerPage = 30, maxPerPage = 100): RouteResult & { body: T[] } {
    const perRaw = Number(ctx.query.get('per_page') ?? defaultPerPage);
    const per = Number.isFinite(perRaw) && perRaw >= 1 ? Math.min(Math.floor(perRaw), maxPerPage) : defaultPerPage;
    const pageRaw = Number(ctx.query.get('page') ?? 1);
    const page = Number.isFinite(pageRaw) && pageRaw >= 1 ? Math.floor(pageRaw) : 1;
    const last = Math.max(1, Math.ceil(items.length / per));
    const slice = items.slice((page - 1) * per, page * per);
    const base =
      this.linkStyle === 'repositories'
        ? ctx.path.replace(`/repos/${this.owner}/${this.repo}`, `/repositories/${this.repoId}`)
        : ctx.path;
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(ctx.query);
      q.set('page', String(p));
      return `<${this.url}${base}?${q.toString()}>; rel="${rel}"`;
    };
    const parts: string[] = [];
    if (page > 1) parts.push(link(Math.min(page - 1, last), 'prev'));
    if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) parts.push(link(1, 'first'));
    return { status: 200, body: slice, headers: parts.length ? { link: parts.join(', ') } : {} };
  }

  // ---------------------------------------------------------------- built-in routes

  private installDefaultRoutes(): void {
    const add = (method: string, template: string, handler: RouteHandler, opts: RouteOptions = {}) =>
      this.routes.push(this.makeRoute(method, template, handler, opts));
    const doc = (path: string, method: HttpMethod) => this.docUrl(path, method);

    // --- identity
    add('GET', '/user', (ctx) => {
      // Installation tokens (GITHUB_TOKEN) and app JWTs have no user behind them.
      if (ctx.tokenKind !== 'pat') {
        throw new HttpError(403, {
          message: 'Resource not accessible by integration',
          documentation_url: doc('/user', 'get'),
          status: '403',
        });
      }
      return { status: 200, body: publicUser(ctx.identity, this.urls) };
    });

    add('GET', '/app', (ctx) => {
      if (ctx.tokenKind !== 'app-jwt') {
        throw new HttpError(401, { message: 'A JSON web token could not be decoded', documentation_url: DOCS, status: '401' });
      }
      const slug = ctx.identity.login.replace(/\[bot\]$/, '');
      return {
        status: 200,
        body: {
          id: 15368,
          slug,
          client_id: 'Iv1.0000000000000000',
          node_id: legacyNodeId('Integration', 15368),
          owner: simpleUser({ login: 'github', id: 9919, type: 'Organization' }, this.urls),
          name: 'GitHub Actions',
          description: 'Automate your workflow from idea to production',
          external_url: 'https://help.github.com/en/actions',
          html_url: `${this.serverUrl}/apps/${slug}`,
          created_at: '2018-07-30T09:30:17Z',
          updated_at: '2019-12-10T19:04:12Z',
          permissions: { issues: 'write', metadata: 'read', pull_requests: 'write' },
          events: [],
        },
      };
    });

    // --- issue comments
    const listComments = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
    add('GET', listComments, (ctx) => {
      const parent = this.getIssue(ctx.params.issue_number, doc(listComments, 'get'));
      const since = ctx.query.get('since');
      const items = [...this.state.comments.values()]
        .filter((c) => c.issueNumber === parent.number)
        .filter((c) => !since || Date.parse(c.updatedAt) >= Date.parse(since))
        .sort((a, b) => a.id - b.id)
        .map((c) => this.commentJson(c));
      return this.paginate(ctx, items);
    });

    add('POST', listComments, (ctx) => {
      const d = doc(listComments, 'post');
      const parent = this.getIssue(ctx.params.issue_number, d);
      this.tooLong(ctx.body?.body, 'IssueComment', d);
      const now = ghTime();
      const rec: CommentRecord = {
        id: this.nextCommentId++,
        issueNumber: parent.number,
        body: String(ctx.body.body),
        author: ctx.identity,
        createdAt: now,
        updatedAt: now,
        authorAssociation: this.associationOf(ctx.identity),
        onPull: Boolean(parent.pull),
      };
      this.state.comments.set(rec.id, rec);
      parent.comments++;
      parent.updatedAt = now;
      const json = this.commentJson(rec);
      return { status: 201, body: json, headers: { location: json.url } };
    });

    const oneComment = '/repos/{owner}/{repo}/issues/comments/{comment_id}';
    const getComment = (id: string | undefined, d: string): CommentRecord => {
      const c = this.state.comments.get(Number(id));
      if (!c) throw new HttpError(404, { message: 'Not Found', documentation_url: d, status: '404' });
      return c;
    };
    add('GET', oneComment, (ctx) => ({ status: 200, body: this.commentJson(getComment(ctx.params.comment_id, doc(oneComment, 'get'))) }));

    add('PATCH', oneComment, (ctx) => {
      const d = doc(oneComment, 'patch');
      const id = Number(ctx.params.comment_id);
      const cd = this.faults.commentDeleted;
      if (cd === true || (Array.isArray(cd) && cd.includes(id))) {
        this.state.comments.delete(id);
        ctx.request.fault = 'commentDeleted';
        throw new HttpError(404, { message: 'Not Found', documentation_url: d, status: '404' });
      }
      const c = getComment(ctx.params.comment_id, d);
      this.tooLong(ctx.body?.body, 'IssueComment', d);
      c.body = String(ctx.body.body);
      c.updatedAt = ghTime();
      return { status: 200, body: this.commentJson(c) };
    });

    add('DELETE', oneComment, (ctx) => {
      const c = getComment(ctx.params.comment_id, doc(oneComment, 'delete'));
      this.state.comments.delete(c.id);
      const parent = this.state.issues.get(c.issueNumber);
      if (parent) parent.comments = Math.max(0, parent.comments - 1);
      return { status: 204 };
    });

    // --- issues
    const issuesPath = '/repos/{owner}/{repo}/issues';
    add('GET', issuesPath, (ctx) => {
      const state = ctx.query.get('state') ?? 'open';
      const labels = (ctx.query.get('labels') ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
      const creator = ctx.query.get('creator')?.toLowerCase();
      const assignee = ctx.query.get('assignee');
      const since = ctx.query.get('since');
      const sort = ctx.query.get('sort') ?? 'created';
      const direction = ctx.query.get('direction') ?? 'desc';
      let items = [...this.state.issues.values()].filter((i) => state === 'all' || i.state === state);
      if (labels.length) items = items.filter((i) => labels.every((l) => i.labels.some((x) => x.toLowerCase() === l)));
      if (creator) items = items.filter((i) => i.author.login.toLowerCase() === creator);
      if (assignee === 'none') items = items.filter((i) => i.assignees.length === 0);
      else if (assignee === '*') items = items.filter((i) => i.assignees.length > 0);
      else if (assignee) items = items.filter((i) => i.assignees.some((a) => a.login.toLowerCase() === assignee.toLowerCase()));
      if (since) items = items.filter((i) => Date.parse(i.updatedAt) >= Date.parse(since));
      const key = (i: IssueRecord) =>
        sort === 'updated' ? Date.parse(i.updatedAt) : sort === 'comments' ? i.comments : i.number;
      items.sort((a, b) => (key(a) - key(b)) * (direction === 'asc' ? 1 : -1) || (a.number - b.number) * (direction === 'asc' ? 1 : -1));
      return this.paginate(ctx, items.map((i) => this.issueJson(i)));
    });

    add('POST', issuesPath, (ctx) => {
      const d = doc(issuesPath, 'post');
      this.tooLong(ctx.body?.body, 'Issue', d);
      const title = String(ctx.body.title ?? '');
      if (!title.trim()) {
        throw new HttpError(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
          documentation_url: d,
          status: '422',
        });
      }
      const now = ghTime();
      const rec: IssueRecord = {
        number: this.allocNumber(),
        id: this.nextIssueId++,
        title,
        body: typeof ctx.body.body === 'string' ? ctx.body.body : null,
        state: 'open',
        stateReason: null,
        labels: labelNames(ctx.body.labels).map((l) => this.ensureLabel(l).name),
        author: ctx.identity,
        assignees: [],
        createdAt: now,
        updatedAt: now,
        closedAt: null,
        closedBy: null,
        locked: false,
        comments: 0,
        authorAssociation: this.associationOf(ctx.identity),
      };
      this.state.issues.set(rec.number, rec);
      const json = this.issueJson(rec);
      return { status: 201, body: json, headers: { location: String(json.url) } };
    });

    const oneIssue = '/repos/{owner}/{repo}/issues/{issue_number}';
    add('GET', oneIssue, (ctx) => ({ status: 200, body: this.issueJson(this.getIssue(ctx.params.issue_number, doc(oneIssue, 'get'))) }));

    add('PATCH', oneIssue, (ctx) => {
      const d = doc(oneIssue, 'patch');
      const i = this.getIssue(ctx.params.issue_number, d);
      const b = (ctx.body ?? {}) as Record<string, any>;
      this.tooLong(b.body, 'Issue', d);
      if (b.title !== undefined && b.title !== null) i.title = String(b.title);
      if (b.body !== undefined) i.body = b.body;
      if (b.labels !== undefined) i.labels = labelNames(b.labels).map((l) => this.ensureLabel(l).name);
      if (b.state === 'closed' && i.state !== 'closed') {
        i.state = 'closed';
        i.closedAt = ghTime();
        i.closedBy = ctx.identity;
        i.stateReason = b.state_reason ?? 'completed';
      } else if (b.state === 'open' && i.state !== 'open') {
        i.state = 'open';
        i.closedAt = null;
        i.closedBy = null;
        i.stateReason = 'reopened';
      } else if (b.state_reason !== undefined && i.state === 'closed') {
        i.stateReason = b.state_reason;
      }
      i.updatedAt = ghTime();
      return { status: 200, body: this.issueJson(i) };
    });

    const issueLabels = '/repos/{owner}/{repo}/issues/{issue_number}/labels';
    add('POST', issueLabels, (ctx) => {
      const i = this.getIssue(ctx.params.issue_number, doc(issueLabels, 'post'));
      const names = labelNames(Array.isArray(ctx.body) ? ctx.body : ctx.body?.labels);
      for (const n of names) {
        const l = this.ensureLabel(n);
        if (!i.labels.some((x) => x.toLowerCase() === l.name.toLowerCase())) i.labels.push(l.name);
      }
      i.updatedAt = ghTime();
      return { status: 200, body: i.labels.map(this.labelFor) };
    });

    const issueLabel = '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}';
    add('DELETE', issueLabel, (ctx) => {
      const d = doc(issueLabel, 'delete');
      const i = this.getIssue(ctx.params.issue_number, d);
      const idx = i.labels.findIndex((x) => x.toLowerCase() === String(ctx.params.name).toLowerCase());
      if (idx < 0) throw new HttpError(404, { message: 'Label does not exist', documentation_url: d, status: '404' });
      i.labels.splice(idx, 1);
      return { status: 200, body: i.labels.map(this.labelFor) };
    });

    // --- pull requests
    const onePull = '/repos/{owner}/{repo}/pulls/{pull_number}';
    const getPull = (n: string | undefined, d: string) => {
      const i = this.state.issues.get(Number(n));
      if (!i?.pull) throw new HttpError(404, { message: 'Not Found', documentation_url: d, status: '404' });
      return i;
    };
    add('GET', onePull, (ctx) => ({ status: 200, body: this.pullJson(getPull(ctx.params.pull_number, doc(onePull, 'get'))) }));

    const pullFiles = '/repos/{owner}/{repo}/pulls/{pull_number}/files';
    add('GET', pullFiles, (ctx) => {
      const i = getPull(ctx.params.pull_number, doc(pullFiles, 'get'));
      const p = i.pull!;
      const items = p.files.slice(0, 3000).map((f) => diffEntry(f, { owner: this.owner, name: this.repo }, p.headSha, this.urls));
      return this.paginate(ctx, items);
    });
  }
}

// -------------------------------------------------------------------- vitest helper

/**
 * Registers vitest hooks: starts the fake before all tests of the file,
 * asserts no OpenAPI violations after each test, then `reset()`s it, and
 * stops it after all. Returns a getter (the server exists only after beforeAll).
 */
export function useGitHubApi(options: GitHubApiOptions = {}): () => FakeGitHubApi {
  let api: FakeGitHubApi | undefined;
  beforeAll(async () => {
    api = await startGitHubApi(options);
  });
  afterEach(() => {
    try {
      api?.assertNoViolations();
    } finally {
      api?.reset();
    }
  });
  afterAll(async () => {
    await api?.stop();
  });
  return () => {
    if (!api) throw new Error('useGitHubApi: server not started yet (use it inside tests/hooks)');
    return api;
  };
}

// -------------------------------------------------------------------- utils

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 50 * 1024 * 1024) {
        reject(new Error('request body too large for the fake'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function matches(m: RequestMatch | undefined, method: string | undefined, path: string): boolean {
  if (!m) return true;
  if (m.method && method && m.method.toUpperCase() !== method.toUpperCase()) return false;
  if (m.path === undefined) return true;
  if (m.path instanceof RegExp) return m.path.test(path);
  if (m.path.endsWith('*')) return path.startsWith(m.path.slice(0, -1));
  return path === m.path;
}

function normalizeFlaky(f: Faults['flaky5xx']): FlakyOptions | undefined {
  if (f === undefined) return undefined;
  return typeof f === 'number' ? { count: f } : f;
}

function normalizeRate(f: Faults['rateLimited']): RateLimitOptions | undefined {
  if (f === undefined) return undefined;
  return typeof f === 'number' ? { count: f } : f;
}

function labelNames(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' && 'name' in x ? String((x as { name: unknown }).name) : ''))
    .filter(Boolean);
}

function acceptedPermissions(template: string): string {
  if (template.includes('/pulls')) return 'pull_requests=write';
  if (template.includes('/issues')) return 'issues=write; pull_requests=write';
  return 'contents=write';
}
