/**
 * A local fake of the GitHub Actions "results" service used by
 * `@actions/artifact` v2+ (here v6): the Twirp JSON API
 * `github.actions.results.api.v1.ArtifactService` on 127.0.0.1, with blob
 * storage served by a real Azurite (started by this module, or shared).
 *
 * What `@actions/artifact` needs in the environment (see `env()`):
 *  - ACTIONS_RUNTIME_TOKEN: a JWT whose `scp` claim contains
 *    `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>`
 *    (decoded with jwt-decode; the signature is never checked client-side);
 *  - ACTIONS_RESULTS_URL: the service origin (only the origin is used);
 *  - GITHUB_SERVER_URL unset, `https://github.com`, `*.ghe.com` or
 *    `*.localhost`, otherwise the client assumes GHES and throws
 *    GHESNotSupportedError;
 *  - optionally GITHUB_RETENTION_DAYS (client-side cap of retentionDays).
 *
 * Protocol (JSON, proto field names, int64 as strings):
 *   CreateArtifact {workflow_run_backend_id, workflow_job_run_backend_id, name,
 *                   version: 7, mime_type: "application/zip", expires_at?: RFC3339}
 *     -> {ok: true, signed_upload_url}
 *   (client uploads the zip with BlockBlobClient.uploadStream to that URL)
 *   FinalizeArtifact {..., name, size: "123", hash?: "sha256:<hex>"}
 *     -> {ok: true, artifact_id: "42"}
 *   Errors: HTTP status + {code, msg}; a second artifact with the same name in
 *   a run -> 409 {code: "already_exists", msg: "an artifact with this name
 *   already exists on the workflow run"} (what github.com answers).
 *
 * Usage:
 *   const svc = await startArtifactService();         // beforeAll
 *   Object.assign(process.env, svc.env());            // or runAction({ artifacts: svc })
 *   await new DefaultArtifactClient().uploadArtifact('report', files, root, { retentionDays: 5 });
 *   const files = await svc.files('report');          // { 'report.md': '...' }
 *   await svc.stop();                                  // afterAll
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { Azurite } from './azurite.js';
import { type ZipEntry, readZip, zipToText } from './zip.js';

export const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export type TwirpMethod = 'CreateArtifact' | 'FinalizeArtifact' | 'ListArtifacts' | 'GetSignedArtifactURL' | 'DeleteArtifact';

/** Twirp error codes and their HTTP statuses (twirp spec). */
export const TWIRP_STATUS: Record<string, number> = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
};

export const ALREADY_EXISTS_MSG = 'an artifact with this name already exists on the workflow run';

export interface ArtifactFailure {
  method: TwirpMethod;
  /** Twirp code, e.g. `internal`, `unavailable`, `permission_denied`. */
  code: string;
  msg?: string;
  /** HTTP status (default from the code). */
  status?: number;
  /** How many calls fail (default 1). */
  count?: number;
}

export interface ArtifactFaults {
  /** CreateArtifact -> 409 already_exists (true = every name, array = those names). */
  nameClash?: boolean | string[];
  /** Scripted failures (consumed in order). Note: the client retries 5xx/429 after 3 s, 4.5 s, ... */
  failures?: ArtifactFailure[];
}

export interface StoredArtifact {
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  version?: number;
  mimeType?: string;
  /** `expires_at` exactly as requested (RFC 3339), or null if the client sent none. */
  requestedExpiresAt: string | null;
  /** Requested, or createdAt + defaultRetentionDays. */
  expiresAt: string;
  createdAt: string;
  finalized: boolean;
  /** Size reported by FinalizeArtifact. */
  size?: number;
  /** Size of the blob in Azurite at finalize time. */
  blobSize?: number;
  /** `sha256:<hex>` as reported by FinalizeArtifact. */
  digest?: string;
  blobName: string;
}

export interface ArtifactRequest {
  method: string;
  rpc?: string;
  body: unknown;
  status: number;
  response: unknown;
  at: number;
}

export interface ArtifactServiceOptions {
  /** Share a running Azurite (the service then won't stop it). */
  azurite?: Azurite;
  container?: string;
  workflowRunBackendId?: string;
  workflowJobRunBackendId?: string;
  /** Retention applied when CreateArtifact carries no expires_at (default 90). */
  defaultRetentionDays?: number;
  faults?: ArtifactFaults;
}

export async function startArtifactService(options: ArtifactServiceOptions = {}): Promise<FakeArtifactService> {
  const s = new FakeArtifactService(options);
  await s.start();
  return s;
}

/**
 * The service for a test file, as `useGitHubApi` is for the API: started before its tests, checked
 * for protocol violations and emptied after each, stopped after all. Call the accessor in tests and hooks.
 */
export function useArtifactService(options: ArtifactServiceOptions = {}): () => FakeArtifactService {
  let service: FakeArtifactService | undefined;
  beforeAll(async () => {
    service = await startArtifactService(options);
  });
  afterEach(async () => {
    try {
      service?.assertNoViolations();
    } finally {
      await service?.reset();
    }
  });
  afterAll(async () => {
    await service?.stop();
  });
  return () => {
    if (!service) throw new Error('useArtifactService: service not started yet (use it inside tests/hooks)');
    return service;
  };
}

/**
 * An unsigned but well-formed JWT (RFC 7519 "unsecured": alg none, empty
 * signature) shaped like an Actions runtime token.
 */
export function makeRuntimeToken(workflowRunBackendId: string, workflowJobRunBackendId: string, extra: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = { typ: 'JWT', alg: 'none' };
  const payload = {
    nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
    scp: `Actions.ExampleScope Actions.Results:${workflowRunBackendId}:${workflowJobRunBackendId}`,
    ac: JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]),
    iss: 'vstoken.actions.githubusercontent.localhost',
    aud: 'vso:00000000-0000-0000-0000-000000000000',
    nbf: now - 60,
    iat: now - 60,
    exp: now + 6 * 3600,
    ...extra,
  };
  return `${b64(header)}.${b64(payload)}.`;
}

export class FakeArtifactService {
  readonly azurite: Azurite;
  readonly container: string;
  readonly workflowRunBackendId: string;
  readonly workflowJobRunBackendId: string;
  readonly runtimeToken: string;
  readonly defaultRetentionDays: number;
  readonly artifacts: StoredArtifact[] = [];
  readonly requests: ArtifactRequest[] = [];
  /** Protocol problems seen (bad ids, unknown fields, size mismatch...). */
  readonly violations: string[] = [];
  faults: ArtifactFaults;

  private readonly ownsAzurite: boolean;
  private server?: Server;
  private port = 0;
  private nextId = 1_000_000_001;
  private readonly initialFaults: ArtifactFaults;

  constructor(options: ArtifactServiceOptions = {}) {
    this.azurite = options.azurite ?? new Azurite();
    this.ownsAzurite = !options.azurite;
    this.container = options.container ?? 'actions-results';
    this.workflowRunBackendId = options.workflowRunBackendId ?? randomUUID();
    this.workflowJobRunBackendId = options.workflowJobRunBackendId ?? randomUUID();
    this.runtimeToken = makeRuntimeToken(this.workflowRunBackendId, this.workflowJobRunBackendId);
    this.defaultRetentionDays = options.defaultRetentionDays ?? 90;
    this.initialFaults = options.faults ?? {};
    this.faults = structuredClone(this.initialFaults);
  }

  /** `http://127.0.0.1:<port>/` (ACTIONS_RESULTS_URL). */
  get url(): string {
    if (!this.server) throw new Error('artifact service not started');
    return `http://127.0.0.1:${this.port}/`;
  }

  /**
   * Env for @actions/artifact. GITHUB_SERVER_URL is *not* included: leave it
   * unset or make it end in `.localhost` (runAction does the latter).
   */
  env(): Record<string, string> {
    return { ACTIONS_RUNTIME_TOKEN: this.runtimeToken, ACTIONS_RESULTS_URL: this.url };
  }

  async start(): Promise<void> {
    if (this.server) return;
    if (this.ownsAzurite) await this.azurite.start();
    await this.azurite.createContainer(this.container);
    const server = await listenTwirp('fake artifact service', (req, res) => this.handle(req, res), this.violations);
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await closeServer(s);
    if (this.ownsAzurite) await this.azurite.stop();
  }

  setFaults(f: ArtifactFaults): void {
    this.faults = { ...this.faults, ...structuredClone(f) };
  }

  /** Forgets artifacts (and deletes their blobs), requests, violations; restores initial faults. */
  async reset(): Promise<void> {
    for (const a of this.artifacts.splice(0)) await this.azurite.delete(this.container, a.blobName).catch(() => undefined);
    this.requests.length = 0;
    this.violations.length = 0;
    this.faults = structuredClone(this.initialFaults);
  }

  assertNoViolations(): void {
    if (this.violations.length) {
      throw new Error(`artifact service fake: ${this.violations.length} violation(s):\n  ${this.violations.join('\n  ')}`);
    }
  }

  /** Pretend an artifact already exists in this run (e.g. from another job). */
  seedArtifact(name: string, content: Buffer = Buffer.alloc(0)): StoredArtifact {
    const now = new Date();
    const a: StoredArtifact = {
      id: this.nextId++,
      name,
      workflowRunBackendId: this.workflowRunBackendId,
      workflowJobRunBackendId: randomUUID(),
      requestedExpiresAt: null,
      expiresAt: new Date(now.getTime() + this.defaultRetentionDays * 86_400_000).toISOString(),
      createdAt: now.toISOString(),
      finalized: true,
      size: content.length,
      blobSize: content.length,
      digest: `sha256:${createHash('sha256').update(content).digest('hex')}`,
      blobName: `${this.workflowRunBackendId}/seed/${name}`,
    };
    this.artifacts.push(a);
    return a;
  }

  /** Finalized artifact by name (newest) or id. */
  artifact(nameOrId: string | number, opts: { includeUnfinalized?: boolean } = {}): StoredArtifact | undefined {
    const list = this.artifacts.filter((a) => (opts.includeUnfinalized || a.finalized) && (typeof nameOrId === 'number' ? a.id === nameOrId : a.name === nameOrId));
    return list.sort((x, y) => y.id - x.id)[0];
  }

  /** Raw bytes of the uploaded blob (the zip, unless skipArchive was used). */
  async download(nameOrId: string | number, opts: { includeUnfinalized?: boolean } = {}): Promise<Buffer> {
    const a = this.artifact(nameOrId, opts);
    if (!a) throw new Error(`no ${opts.includeUnfinalized ? '' : 'finalized '}artifact ${String(nameOrId)}`);
    return this.azurite.download(this.container, a.blobName);
  }

  async readZip(nameOrId: string | number): Promise<ZipEntry[]> {
    return readZip(await this.download(nameOrId));
  }

  /** `{ 'path/in/zip': 'utf8 content' }` of an uploaded zip artifact. */
  async files(nameOrId: string | number): Promise<Record<string, string>> {
    return zipToText(await this.download(nameOrId));
  }

  // ------------------------------------------------------------------ HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const rec: ArtifactRequest = { method: req.method ?? '?', body: undefined, status: 0, response: undefined, at: Date.now() };
    this.requests.push(rec);
    const reply = (status: number, body: unknown) => {
      rec.status = status;
      rec.response = body;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const twirpError = (code: string, msg: string, status = TWIRP_STATUS[code] ?? 500) => reply(status, { code, msg });

    if (req.method !== 'POST' || !url.pathname.startsWith(TWIRP_PREFIX)) {
      return twirpError('bad_route', `no handler for path "${url.pathname}"`);
    }
    const rpc = url.pathname.slice(TWIRP_PREFIX.length) as TwirpMethod;
    rec.rpc = rpc;
    if (req.headers.authorization !== `Bearer ${this.runtimeToken}`) {
      return twirpError('unauthenticated', 'invalid or missing runtime token');
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      this.violations.push(`${rpc}: content-type ${String(req.headers['content-type'])} (expected application/json)`);
      return twirpError('bad_route', 'unexpected Content-Type');
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return twirpError('malformed', 'the json request could not be decoded');
    }
    rec.body = body;

    const failure = this.faults.failures?.find((f) => f.method === rpc && (f.count ?? 1) > 0);
    if (failure) {
      failure.count = (failure.count ?? 1) - 1;
      return twirpError(failure.code, failure.msg ?? `injected ${failure.code}`, failure.status);
    }

    switch (rpc) {
      case 'CreateArtifact':
        return this.createArtifact(body, reply, twirpError);
      case 'FinalizeArtifact':
        return this.finalizeArtifact(body, reply, twirpError);
      case 'ListArtifacts':
        return this.listArtifacts(body, reply, twirpError);
      case 'GetSignedArtifactURL':
        return this.getSignedUrl(body, reply, twirpError);
      case 'DeleteArtifact':
        return this.deleteArtifact(body, reply, twirpError);
      default:
        return twirpError('bad_route', `unknown method ${String(rpc)}`);
    }
  }

  private checkFields(rpc: string, body: Record<string, unknown>, allowed: string[]): void {
    for (const k of Object.keys(body)) if (!allowed.includes(k)) this.violations.push(`${rpc}: unknown field "${k}"`);
  }

  private checkIds(rpc: string, body: Record<string, unknown>, twirpError: (c: string, m: string) => void): boolean {
    if (body.workflow_run_backend_id !== this.workflowRunBackendId || body.workflow_job_run_backend_id !== this.workflowJobRunBackendId) {
      this.violations.push(
        `${rpc}: backend ids ${String(body.workflow_run_backend_id)}/${String(body.workflow_job_run_backend_id)} do not match the runtime token`,
      );
      twirpError('permission_denied', 'backend ids do not match the token');
      return false;
    }
    return true;
  }

  private createArtifact(
    body: Record<string, unknown>,
    reply: (s: number, b: unknown) => void,
    twirpError: (c: string, m: string) => void,
  ): void {
    this.checkFields('CreateArtifact', body, ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'expires_at', 'version', 'mime_type']);
    if (!this.checkIds('CreateArtifact', body, twirpError)) return;
    const name = body.name;
    if (typeof name !== 'string' || !name) return twirpError('invalid_argument', 'name is required');
    let requestedExpiresAt: string | null = null;
    if (body.expires_at !== undefined) {
      if (typeof body.expires_at !== 'string' || Number.isNaN(Date.parse(body.expires_at))) {
        this.violations.push(`CreateArtifact: expires_at is not an RFC 3339 string: ${JSON.stringify(body.expires_at)}`);
        return twirpError('invalid_argument', 'invalid expires_at');
      }
      requestedExpiresAt = body.expires_at;
    }
    if (body.mime_type !== undefined && typeof body.mime_type !== 'string') {
      this.violations.push(`CreateArtifact: mime_type should be a bare string (google.protobuf.StringValue JSON): ${JSON.stringify(body.mime_type)}`);
    }
    const clash = this.faults.nameClash;
    const exists = this.artifacts.some((a) => a.name === name && a.workflowRunBackendId === this.workflowRunBackendId);
    if (exists || clash === true || (Array.isArray(clash) && clash.includes(name))) {
      return twirpError('already_exists', ALREADY_EXISTS_MSG);
    }
    const now = new Date();
    const a: StoredArtifact = {
      id: this.nextId++,
      name,
      workflowRunBackendId: this.workflowRunBackendId,
      workflowJobRunBackendId: this.workflowJobRunBackendId,
      version: typeof body.version === 'number' ? body.version : undefined,
      mimeType: typeof body.mime_type === 'string' ? body.mime_type : undefined,
      requestedExpiresAt,
      expiresAt: requestedExpiresAt ?? new Date(now.getTime() + this.defaultRetentionDays * 86_400_000).toISOString(),
      createdAt: now.toISOString(),
      finalized: false,
      blobName: `${this.workflowRunBackendId}/${this.workflowJobRunBackendId}/${name}`,
    };
    this.artifacts.push(a);
    reply(200, { ok: true, signed_upload_url: this.azurite.blobSasUrl(this.container, a.blobName, 'cw') });
  }

  private async finalizeArtifact(
    body: Record<string, unknown>,
    reply: (s: number, b: unknown) => void,
    twirpError: (c: string, m: string) => void,
  ): Promise<void> {
    this.checkFields('FinalizeArtifact', body, ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'size', 'hash']);
    if (!this.checkIds('FinalizeArtifact', body, twirpError)) return;
    const a = this.artifacts.find((x) => !x.finalized && x.name === body.name && x.workflowJobRunBackendId === this.workflowJobRunBackendId);
    if (!a) return twirpError('not_found', `no pending artifact named ${String(body.name)}`);
    if (typeof body.size !== 'string' || !/^\d+$/.test(body.size)) {
      this.violations.push(`FinalizeArtifact: size should be an int64 string: ${JSON.stringify(body.size)}`);
    }
    if (!(await this.azurite.exists(this.container, a.blobName))) {
      return twirpError('failed_precondition', 'artifact content was not uploaded');
    }
    a.blobSize = await this.azurite.size(this.container, a.blobName);
    a.size = Number(body.size ?? 0);
    if (a.blobSize !== a.size) this.violations.push(`FinalizeArtifact: reported size ${a.size} != blob size ${a.blobSize}`);
    if (body.hash !== undefined) {
      if (typeof body.hash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(body.hash)) {
        this.violations.push(`FinalizeArtifact: hash should be "sha256:<hex>": ${JSON.stringify(body.hash)}`);
      } else {
        const content = await this.azurite.download(this.container, a.blobName);
        const actual = `sha256:${createHash('sha256').update(content).digest('hex')}`;
        if (actual !== body.hash) this.violations.push(`FinalizeArtifact: hash ${body.hash} != uploaded content ${actual}`);
      }
      a.digest = typeof body.hash === 'string' ? body.hash : undefined;
    }
    a.finalized = true;
    reply(200, { ok: true, artifact_id: String(a.id) });
  }

  private listArtifacts(
    body: Record<string, unknown>,
    reply: (s: number, b: unknown) => void,
    twirpError: (c: string, m: string) => void,
  ): void {
    this.checkFields('ListArtifacts', body, ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name_filter', 'id_filter']);
    if (!this.checkIds('ListArtifacts', body, twirpError)) return;
    const list = this.artifacts
      .filter((a) => a.finalized && a.workflowRunBackendId === this.workflowRunBackendId)
      .filter((a) => body.name_filter === undefined || a.name === body.name_filter)
      .filter((a) => body.id_filter === undefined || String(a.id) === String(body.id_filter));
    reply(200, {
      artifacts: list.map((a) => ({
        workflow_run_backend_id: a.workflowRunBackendId,
        workflow_job_run_backend_id: a.workflowJobRunBackendId,
        database_id: String(a.id),
        name: a.name,
        size: String(a.size ?? 0),
        created_at: a.createdAt,
        ...(a.digest ? { digest: a.digest } : {}),
      })),
    });
  }

  private getSignedUrl(
    body: Record<string, unknown>,
    reply: (s: number, b: unknown) => void,
    twirpError: (c: string, m: string) => void,
  ): void {
    this.checkFields('GetSignedArtifactURL', body, ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name']);
    if (body.workflow_run_backend_id !== this.workflowRunBackendId) return twirpError('permission_denied', 'wrong run');
    const a = this.artifacts.find((x) => x.finalized && x.name === body.name && x.workflowJobRunBackendId === body.workflow_job_run_backend_id);
    if (!a) return twirpError('not_found', 'artifact not found');
    reply(200, { signed_url: this.azurite.blobSasUrl(this.container, a.blobName, 'r') });
  }

  private async deleteArtifact(
    body: Record<string, unknown>,
    reply: (s: number, b: unknown) => void,
    twirpError: (c: string, m: string) => void,
  ): Promise<void> {
    this.checkFields('DeleteArtifact', body, ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name']);
    if (body.workflow_run_backend_id !== this.workflowRunBackendId) return twirpError('permission_denied', 'wrong run');
    const idx = this.artifacts.findIndex((x) => x.finalized && x.name === body.name && x.workflowJobRunBackendId === body.workflow_job_run_backend_id);
    if (idx < 0) return twirpError('not_found', 'artifact not found');
    const [a] = this.artifacts.splice(idx, 1);
    await this.azurite.delete(this.container, a!.blobName);
    reply(200, { ok: true, artifact_id: String(a!.id) });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A Twirp-style service on a free 127.0.0.1 port. A handler that throws is a violation of the fake
 * itself (the test then fails on it), answered with Twirp's `internal` error.
 */
export async function listenTwirp(name: string, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, violations: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      violations.push(`${name} crashed: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'internal', msg: 'fake crashed' }));
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return server;
}

/** Closes the server and every connection still open on it. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
