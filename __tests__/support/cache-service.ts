/**
 * A local fake of the GitHub Actions cache service v2 used by `@actions/cache` (here v6): the
 * Twirp JSON API `github.actions.results.api.v1.CacheService` on 127.0.0.1, with the archives in
 * a real Azurite (started by this module, or shared with the artifact fake).
 *
 * What `@actions/cache` needs in the environment (see `env()`): ACTIONS_CACHE_SERVICE_V2 set,
 * ACTIONS_RESULTS_URL (the service origin), ACTIONS_RUNTIME_TOKEN (bearer token), and
 * GITHUB_SERVER_URL unset or `*.localhost` (otherwise the client assumes GHES and speaks v1).
 *
 * Protocol (JSON, proto field names, int64 as strings), as github.com answers:
 *   GetCacheEntryDownloadURL {key, restore_keys[], version}
 *     -> {ok: true, signed_download_url, matched_key}: `key` matched exactly, else the newest
 *        entry whose key starts with a restore key (in order); same `version` only
 *     -> {ok: false} when nothing matches (HTTP 200)
 *   CreateCacheEntry {key, version} -> {ok: true, signed_upload_url}; an existing key and
 *     version -> 409 {code: "already_exists"} (cache entries are immutable)
 *   FinalizeCacheEntryUpload {key, version, size_bytes} -> {ok: true, entry_id}
 *   Errors: HTTP status + {code, msg}.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, listenTwirp, makeRuntimeToken, TWIRP_STATUS } from './artifact-service.js';
import { Azurite } from './azurite.js';

export const CACHE_TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/';

export type CacheMethod = 'GetCacheEntryDownloadURL' | 'CreateCacheEntry' | 'FinalizeCacheEntryUpload';

export interface StoredCacheEntry {
  id: number;
  key: string;
  version: string;
  blobName: string;
  finalized: boolean;
  size?: number;
  createdAt: number;
}

export interface CacheRequest {
  rpc?: string;
  body: unknown;
  status: number;
  response: unknown;
}

export interface CacheFailure {
  method: CacheMethod;
  code: string;
  status?: number;
  count?: number;
}

export async function startCacheService(options: { azurite?: Azurite } = {}): Promise<FakeCacheService> {
  const service = new FakeCacheService(options.azurite);
  await service.start();
  return service;
}

export class FakeCacheService {
  readonly azurite: Azurite;
  readonly container = 'actions-cache';
  readonly runtimeToken = makeRuntimeToken(randomUUID(), randomUUID());
  readonly entries: StoredCacheEntry[] = [];
  readonly requests: CacheRequest[] = [];
  readonly violations: string[] = [];
  failures: CacheFailure[] = [];
  private readonly ownsAzurite: boolean;
  private server?: Server;
  private port = 0;
  private nextId = 1;
  private clock = 0;

  constructor(azurite?: Azurite) {
    this.azurite = azurite ?? new Azurite();
    this.ownsAzurite = !azurite;
  }

  get url(): string {
    if (!this.server) throw new Error('cache service not started');
    return `http://127.0.0.1:${this.port}/`;
  }

  env(): Record<string, string> {
    return { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: this.url, ACTIONS_RUNTIME_TOKEN: this.runtimeToken };
  }

  async start(): Promise<void> {
    if (this.server) return;
    if (this.ownsAzurite) await this.azurite.start();
    await this.azurite.createContainer(this.container);
    const server = await listenTwirp('fake cache service', (req, res) => this.handle(req, res), this.violations);
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await closeServer(server);
    if (this.ownsAzurite) await this.azurite.stop();
  }

  async reset(): Promise<void> {
    for (const entry of this.entries.splice(0)) await this.azurite.delete(this.container, entry.blobName).catch(() => undefined);
    this.requests.length = 0;
    this.violations.length = 0;
    this.failures = [];
  }

  assertNoViolations(): void {
    if (this.violations.length) throw new Error(`cache service fake: ${this.violations.length} violation(s):\n  ${this.violations.join('\n  ')}`);
  }

  /** The stored archive (a tar, zstd- or gzip-compressed as the client chose) of a finalized entry. */
  async archive(key: string): Promise<Buffer> {
    const entry = this.entries.find((candidate) => candidate.key === key && candidate.finalized);
    if (!entry) throw new Error(`no finalized cache entry ${key}`);
    return this.azurite.download(this.container, entry.blobName);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const record: CacheRequest = { body: undefined, status: 0, response: undefined };
    this.requests.push(record);
    const reply = (status: number, body: unknown) => {
      record.status = status;
      record.response = body;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const twirpError = (code: string, msg: string, status = TWIRP_STATUS[code] ?? 500) => reply(status, { code, msg });
    if (req.method !== 'POST' || !url.pathname.startsWith(CACHE_TWIRP_PREFIX)) return twirpError('bad_route', `no handler for path "${url.pathname}"`);
    const rpc = url.pathname.slice(CACHE_TWIRP_PREFIX.length);
    record.rpc = rpc;
    if (req.headers.authorization !== `Bearer ${this.runtimeToken}`) return twirpError('unauthenticated', 'invalid or missing runtime token');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      this.violations.push(`${rpc}: content-type ${String(req.headers['content-type'])}`);
      return twirpError('bad_route', 'unexpected Content-Type');
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return twirpError('malformed', 'the json request could not be decoded');
    }
    record.body = body;
    const failure = this.failures.find((candidate) => candidate.method === rpc && (candidate.count ?? 1) > 0);
    if (failure) {
      failure.count = (failure.count ?? 1) - 1;
      return twirpError(failure.code, `injected ${failure.code}`, failure.status);
    }
    const version = body.version;
    if (typeof version !== 'string' || version === '') return twirpError('invalid_argument', 'version is required');
    if (typeof body.key !== 'string' || body.key === '') return twirpError('invalid_argument', 'key is required');
    const key = body.key;

    switch (rpc) {
      case 'GetCacheEntryDownloadURL': {
        this.checkFields(rpc, body, ['key', 'restore_keys', 'version', 'metadata']);
        const restoreKeys = (body.restore_keys ?? []) as unknown[];
        if (!Array.isArray(restoreKeys) || restoreKeys.some((k) => typeof k !== 'string')) return twirpError('invalid_argument', 'restore_keys must be strings');
        const usable = this.entries.filter((entry) => entry.finalized && entry.version === version).sort((a, b) => b.createdAt - a.createdAt);
        const match = usable.find((entry) => entry.key === key) ?? (restoreKeys as string[]).map((prefix) => usable.find((entry) => entry.key.startsWith(prefix))).find(Boolean);
        if (!match) return reply(200, { ok: false, signed_download_url: '', matched_key: '' });
        return reply(200, { ok: true, signed_download_url: this.azurite.blobSasUrl(this.container, match.blobName, 'r'), matched_key: match.key });
      }
      case 'CreateCacheEntry': {
        this.checkFields(rpc, body, ['key', 'version', 'metadata']);
        if (this.entries.some((entry) => entry.key === key && entry.version === version)) return twirpError('already_exists', 'cache entry with the same key and version already exists');
        const entry: StoredCacheEntry = { id: this.nextId++, key, version, blobName: `${randomUUID()}.tar`, finalized: false, createdAt: ++this.clock };
        this.entries.push(entry);
        return reply(200, { ok: true, signed_upload_url: this.azurite.blobSasUrl(this.container, entry.blobName, 'cw') });
      }
      case 'FinalizeCacheEntryUpload': {
        this.checkFields(rpc, body, ['key', 'version', 'size_bytes', 'metadata']);
        const entry = this.entries.find((candidate) => !candidate.finalized && candidate.key === key && candidate.version === version);
        if (!entry) return twirpError('not_found', 'no cache entry is being uploaded under this key and version');
        if (typeof body.size_bytes !== 'string' || !/^\d+$/.test(body.size_bytes)) this.violations.push(`FinalizeCacheEntryUpload: size_bytes should be an int64 string: ${JSON.stringify(body.size_bytes)}`);
        if (!(await this.azurite.exists(this.container, entry.blobName))) return twirpError('failed_precondition', 'cache archive was not uploaded');
        entry.size = await this.azurite.size(this.container, entry.blobName);
        if (String(entry.size) !== body.size_bytes) this.violations.push(`FinalizeCacheEntryUpload: size_bytes ${String(body.size_bytes)} != uploaded ${entry.size}`);
        entry.finalized = true;
        return reply(200, { ok: true, entry_id: String(entry.id) });
      }
      default:
        return twirpError('bad_route', `unknown method ${rpc}`);
    }
  }

  private checkFields(rpc: string, body: Record<string, unknown>, allowed: string[]): void {
    for (const field of Object.keys(body)) if (!allowed.includes(field)) this.violations.push(`${rpc}: unknown field "${field}"`);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
