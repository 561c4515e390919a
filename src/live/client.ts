// A small client for the Prometheus HTTP API (/api/v1/query, /api/v1/query_range). It speaks
// only what Prometheus, Thanos Query, Mimir/Cortex and VictoriaMetrics all answer, and lets the
// server do the arithmetic: we never download raw samples.
//
// Failures come back as PrometheusError with a kind the caller can act on: 'unreachable' means
// no query can succeed (connection refused, TLS, timeout, 401/403, not a Prometheus API), so the
// client stops trying after the first one; 'query' means the backend answered with an error for
// this one query; 'budget' means the run's total time budget ran out before the query ran;
// 'missing' means an optional endpoint (metadata, targets) is not offered by this backend, which
// says nothing about the others.
//
// The backend is not trusted with more than it needs:
// - Header values, URL credentials and the Basic credential built from them never appear in any
//   message: whatever the backend says (error body, reason phrase) is scrubbed of them and cut
//   to MAX_QUOTED characters before it is quoted.
// - Credentials go to prometheus-url's origin only: a redirect to another origin is refused
//   (one 'unreachable' failure naming the origin), a same-origin one is followed at most
//   MAX_REDIRECTS times.
// - An answer is read as a stream and abandoned past maxResponseBytes (one 'query' failure,
//   never retried), so a runaway query or a hostile backend cannot exhaust memory.

import { basicCredential, Scrubber } from '../secrets/scrubber.js';

export type FailureKind = 'unreachable' | 'query' | 'budget' | 'missing';

export class PrometheusError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  /** Base URL, e.g. http://prometheus:9090 or https://mimir.example/prometheus. */
  url: string;
  /** Sent with every request (Authorization, X-Scope-OrgID). */
  headers?: Record<string, string>;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Retries after the first attempt, on 5xx, 429 and network errors. */
  retries?: number;
  /** First backoff; doubled per retry. */
  backoffMs?: number;
  /** Epoch ms after which no request starts and running ones are cut off. */
  deadline?: number;
  /** Debug log: one line per request (endpoint and parameters; never a header value). */
  log?: (message: string) => void;
  /** Largest answer read per query (default DEFAULT_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
/** Longest piece of a backend's own text (error, reason phrase) quoted in a message. */
export const MAX_QUOTED = 300;

/** One series of an instant query. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** One series of a range query. */
export interface RangeSeries {
  labels: Record<string, string>;
  points: [time: number, value: number][];
}

export interface ClientStats {
  requests: number;
  retries: number;
}

export class PrometheusClient {
  readonly baseUrl: string;
  /** Base URL without credentials or query string, safe to print. */
  readonly displayUrl: string;
  readonly stats: ClientStats = { requests: 0, retries: 0 };
  private readonly headers: Record<string, string>;
  private readonly origin: string;
  private readonly scrubber: Scrubber;
  private down: PrometheusError | undefined;

  constructor(private readonly options: ClientOptions) {
    const parsed = parseBaseUrl(options.url);
    this.baseUrl = parsed.base;
    this.displayUrl = parsed.display;
    this.origin = new URL(parsed.base).origin;
    this.headers = { ...(parsed.authorization ? { authorization: parsed.authorization } : {}), ...options.headers };
    this.scrubber = new Scrubber([...Object.values(this.headers), ...parsed.credentials]);
  }

  /** Instant query at `time` (unix seconds; default: the server's now). Vector or scalar results. */
  async query(expr: string, time?: number): Promise<Sample[]> {
    const params = new URLSearchParams({ query: expr });
    if (time !== undefined) params.set('time', String(time));
    const data = await this.request('/api/v1/query', params);
    if (data.resultType === 'scalar') return [{ labels: {}, value: sampleValue(data.result) }];
    if (data.resultType !== 'vector') throw new PrometheusError('query', `expected an instant vector, got ${this.quote(String(data.resultType))}`);
    // A series without a sample (value null or missing) has nothing to say at this instant.
    return seriesList(data.result)
      .filter((item) => Array.isArray(item.value))
      .map((item) => ({ labels: labelsOf(item.metric), value: sampleValue(item.value) }));
  }

  /** Range query over [start, end] every `step` seconds. */
  async queryRange(expr: string, start: number, end: number, step: number): Promise<RangeSeries[]> {
    const params = new URLSearchParams({ query: expr, start: String(start), end: String(end), step: String(step) });
    const data = await this.request('/api/v1/query_range', params);
    if (data.resultType !== 'matrix') throw new PrometheusError('query', `expected a range vector, got ${this.quote(String(data.resultType))}`);
    return matrixOf(data.result);
  }

  /** The first 'unreachable' failure, once the client has given up on the backend. */
  get unreachable(): PrometheusError | undefined {
    return this.down;
  }

  /** Raw samples of a range selector (`x[10m]`) at `time`: for sample spacing, on one series only. */
  async queryMatrix(expr: string, time: number): Promise<RangeSeries[]> {
    const data = await this.request('/api/v1/query', new URLSearchParams({ query: expr, time: String(time) }));
    if (data.resultType !== 'matrix') throw new PrometheusError('query', `expected a range vector, got ${this.quote(String(data.resultType))}`);
    return matrixOf(data.result);
  }

  /** `/api/v1/metadata` for one metric name: the types its exporters declare (empty when unknown). Not every backend has it. */
  async metadata(metric: string): Promise<{ type: string; help?: string; unit?: string }[]> {
    const data = (await this.request('/api/v1/metadata', new URLSearchParams({ metric }), { optional: true })) as unknown as Record<string, unknown>;
    const entries = data[metric];
    return Array.isArray(entries) ? entries.filter((e): e is { type: string } => isRecord(e) && typeof e.type === 'string') : [];
  }

  /** `/api/v1/targets?state=active`: each scrape target's labels and configured interval. Not every backend has it. */
  async targets(): Promise<{ labels: Record<string, string>; scrapeInterval?: string }[]> {
    const data = (await this.request('/api/v1/targets', new URLSearchParams({ state: 'active' }), { optional: true })) as unknown as Record<string, unknown>;
    const active = Array.isArray(data.activeTargets) ? data.activeTargets : [];
    return active.filter(isRecord).map((t) => ({ labels: labelsOf(t.labels), scrapeInterval: typeof t.scrapeInterval === 'string' ? t.scrapeInterval : undefined }));
  }

  private async request(path: string, params: URLSearchParams, options: { optional?: boolean } = {}): Promise<{ resultType: unknown; result: unknown }> {
    if (this.down) throw this.down;
    this.options.log?.(`prometheus ${path} ${params.toString()}`);
    const retries = this.options.retries ?? 2;
    const backoff = this.options.backoffMs ?? 250;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(path, params, options.optional ?? false);
      if (outcome.ok) return outcome.data;
      const { error, retry } = outcome;
      const wait = backoff * 2 ** attempt;
      const deadline = this.options.deadline ?? Infinity;
      if (!retry || attempt >= retries || Date.now() + wait >= deadline) {
        if (error.kind === 'unreachable') this.down ??= error;
        throw error;
      }
      this.stats.retries++;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async attempt(path: string, params: URLSearchParams, optional: boolean): Promise<{ ok: true; data: { resultType: unknown; result: unknown } } | { ok: false; error: PrometheusError; retry: boolean }> {
    const left = (this.options.deadline ?? Infinity) - Date.now();
    if (left <= 0) return { ok: false, error: new PrometheusError('budget', 'the live run used up its time budget before this query ran'), retry: false };
    const timeoutMs = Math.min(this.options.timeoutMs, left);
    const signal = AbortSignal.timeout(timeoutMs);
    this.stats.requests++;
    let exchange: Exchange;
    try {
      // The metadata and targets endpoints are GET only.
      exchange = await this.exchange(`${this.baseUrl}${path}`, params, signal, optional ? 'GET' : 'POST');
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        const cut = timeoutMs < this.options.timeoutMs;
        const message = cut ? 'the live run used up its time budget while waiting for an answer' : `no answer within ${formatSeconds(timeoutMs)} (prometheus-timeout)`;
        // A hung backend is not retried: every retry would wait the full timeout again.
        return { ok: false, error: new PrometheusError(cut ? 'budget' : 'unreachable', message), retry: false };
      }
      return { ok: false, error: new PrometheusError('unreachable', this.quote(networkMessage(error))), retry: true };
    }
    if ('failure' in exchange) return { ok: false, error: exchange.failure, retry: false };

    const { status, reason, text } = exchange;
    const body = parseJson(text);
    const statusLine = `HTTP ${status}${reason ? ` ${this.quote(reason)}` : ''}`;
    if (status === 401 || status === 403) {
      return { ok: false, error: new PrometheusError('unreachable', `${statusLine}: the backend refused the credentials (check prometheus-headers)`), retry: false };
    }
    if (body?.status === 'success' && isRecord(body.data)) return { ok: true, data: body.data as { resultType: unknown; result: unknown } };
    // An optional endpoint this backend does not serve (Thanos and some Mimir setups have no metadata or targets).
    if (optional && (status === 404 || status === 405 || status === 501)) return { ok: false, error: new PrometheusError('missing', `${path} is not available on this backend (HTTP ${status})`), retry: false };
    const retry = status >= 500 || status === 429;
    if (body?.status === 'error') {
      const message = `${body.errorType ? `${this.quote(String(body.errorType))}: ` : ''}${this.quote(String(body.error ?? `HTTP ${status}`))}`;
      return { ok: false, error: new PrometheusError('query', message), retry };
    }
    // Not Prometheus API JSON: a proxy's error page, a login page, or the wrong base URL.
    const what = status >= 200 && status < 300 ? `HTTP ${status} but not a Prometheus API answer` : statusLine;
    const hint = status === 404 || (status >= 200 && status < 300) ? ` from ${this.displayUrl}${path} (is prometheus-url the API base URL?)` : '';
    return { ok: false, error: new PrometheusError('unreachable', `${what}${hint}`), retry };
  }

  /**
   * One request and its answer, following same-origin redirects. Credentials are never sent to
   * another origin: such a redirect ends the exchange with a failure instead.
   */
  private async exchange(url: string, params: URLSearchParams, signal: AbortSignal, firstMethod: 'POST' | 'GET'): Promise<Exchange> {
    let target = new URL(url);
    let method = firstMethod;
    for (let redirects = 0; ; redirects++) {
      // POST keeps long queries out of URL length limits; every Prometheus-compatible API accepts it for queries.
      const response = await fetch(method === 'GET' ? withParams(target, params) : target, {
        method,
        headers: { ...this.headers, ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), accept: 'application/json' },
        body: method === 'POST' ? params.toString() : undefined,
        signal,
        redirect: 'manual',
      });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) {
        const read = await readCapped(response, this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
        if (read.over) {
          const limit = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
          return { failure: new PrometheusError('query', `the answer is larger than the ${formatMiB(limit)} limit for one query (live-max-response-mb); it was not read further`) };
        }
        return { status: response.status, reason: response.statusText, text: read.text };
      }
      await response.body?.cancel().catch(() => undefined);
      let next: URL;
      try {
        next = new URL(location, target);
      } catch {
        return { failure: new PrometheusError('unreachable', `HTTP ${response.status} redirect to an address that is not a URL`) };
      }
      if (next.origin !== this.origin) {
        return {
          failure: new PrometheusError(
            'unreachable',
            `HTTP ${response.status} redirect to another origin (${this.quote(next.origin)}) refused: credentials are sent to the origin of prometheus-url only; set prometheus-url to the address the backend answers on`,
          ),
        };
      }
      if (redirects >= MAX_REDIRECTS) return { failure: new PrometheusError('unreachable', `more than ${MAX_REDIRECTS} redirects from ${this.displayUrl}`) };
      // 303 asks for a GET; the others repeat the request as it was.
      if (response.status === 303) method = 'GET';
      target = next;
    }
  }

  /** Text from the backend, fit to quote: without any secret, on one line, cut short. */
  private quote(text: string): string {
    return oneLine(this.scrubber.scrub(text));
  }
}

type Exchange = { status: number; reason: string; text: string } | { failure: PrometheusError };

/** The body as text, or `over` as soon as it passes `limit` bytes (the rest is never read). */
async function readCapped(response: Response, limit: number): Promise<{ over: false; text: string } | { over: true }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return { over: true };
  }
  if (!response.body) return { over: false, text: '' };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { over: true };
    }
    chunks.push(value);
  }
  return { over: false, text: Buffer.concat(chunks).toString('utf8') };
}

function withParams(url: URL, params: URLSearchParams): URL {
  const out = new URL(url);
  for (const [key, value] of params) out.searchParams.append(key, value);
  return out;
}

/** `values: null` (some backends, for a series without samples in the range) is an empty series. */
function matrixOf(result: unknown): RangeSeries[] {
  return seriesList(result).map((item) => ({
    labels: labelsOf(item.metric),
    points: (Array.isArray(item.values) ? item.values : []).filter(Array.isArray).map((point) => [Number(point[0]), sampleValue(point)] as [number, number]),
  }));
}

function seriesList(result: unknown): Record<string, unknown>[] {
  if (result === null || result === undefined) return [];
  if (!Array.isArray(result)) throw new PrometheusError('query', 'the backend answered with a malformed result (not a list of series)');
  return result.filter(isRecord);
}

function labelsOf(metric: unknown): Record<string, string> {
  return isRecord(metric) ? Object.fromEntries(Object.entries(metric).map(([key, value]) => [key, String(value)])) : {};
}

/**
 * A sample's value as Prometheus writes it: a string, including "NaN", "+Inf" and "-Inf"
 * (which Number() would read as NaN). Anything unreadable is NaN.
 */
export function sampleValue(point: unknown): number {
  const text = Array.isArray(point) ? point[1] : undefined;
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return Number.NaN;
  const trimmed = text.trim();
  if (/^\+?inf(inity)?$/i.test(trimmed)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(trimmed)) return Number.NEGATIVE_INFINITY;
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** `Name: value` lines (blank lines and `#` comments ignored). Errors name the line, never its value. */
export function parseHeaders(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  (text ?? '').split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new Error(`prometheus-headers line ${index + 1} is not "Name: value"`);
    headers[name] = line.slice(colon + 1).trim();
  });
  return headers;
}

function parseBaseUrl(url: string): { base: string; display: string; authorization?: string; credentials: string[] } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error('prometheus-url is not a URL (expected e.g. http://prometheus:9090)');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`prometheus-url must be http or https, not ${parsed.protocol.replace(':', '')}`);
  // fetch refuses URLs with credentials; send them as Basic auth instead, and never print them.
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  const authorization = user || password ? basicCredential(user, password) : undefined;
  const credentials = authorization ? [authorization, password, parsed.password] : [];
  parsed.username = '';
  parsed.password = '';
  const base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}`;
  return { base, display: base, authorization, credentials };
}

function networkMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException)?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_SOCKET: 'connection closed by the server',
  };
  if (code && known[code]) return `${known[code]} (${code})`;
  if (code && /CERT|SSL|TLS/i.test(code)) return `TLS error: ${oneLine(cause?.message ?? code)}`;
  return oneLine(cause?.message ?? (error as Error)?.message ?? String(error));
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneLine(text: string): string {
  // Control characters (ESC, C1, NUL) would reach terminals and reports raw; whitespace folds to one space.
  const line = text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd').trim();
  return line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED)}…` : line;
}

function formatMiB(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(2))} MiB`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
