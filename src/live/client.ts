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
// Header values never appear in any message.

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
}

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
  private down: PrometheusError | undefined;

  constructor(private readonly options: ClientOptions) {
    const parsed = parseBaseUrl(options.url);
    this.baseUrl = parsed.base;
    this.displayUrl = parsed.display;
    this.headers = { ...(parsed.authorization ? { authorization: parsed.authorization } : {}), ...options.headers };
  }

  /** Instant query at `time` (unix seconds; default: the server's now). Vector or scalar results. */
  async query(expr: string, time?: number): Promise<Sample[]> {
    const params = new URLSearchParams({ query: expr });
    if (time !== undefined) params.set('time', String(time));
    const data = await this.request('/api/v1/query', params);
    if (data.resultType === 'scalar') return [{ labels: {}, value: Number((data.result as [number, string])[1]) }];
    if (data.resultType !== 'vector') throw new PrometheusError('query', `expected an instant vector, got ${String(data.resultType)}`);
    return (data.result as { metric: Record<string, string>; value: [number, string] }[]).map((item) => ({ labels: item.metric ?? {}, value: Number(item.value[1]) }));
  }

  /** Range query over [start, end] every `step` seconds. */
  async queryRange(expr: string, start: number, end: number, step: number): Promise<RangeSeries[]> {
    const params = new URLSearchParams({ query: expr, start: String(start), end: String(end), step: String(step) });
    const data = await this.request('/api/v1/query_range', params);
    if (data.resultType !== 'matrix') throw new PrometheusError('query', `expected a range vector, got ${String(data.resultType)}`);
    return (data.result as { metric: Record<string, string>; values: [number, string][] }[]).map((item) => ({
      labels: item.metric ?? {},
      points: item.values.map(([t, v]) => [Number(t), Number(v)] as [number, number]),
    }));
  }

  /** The first 'unreachable' failure, once the client has given up on the backend. */
  get unreachable(): PrometheusError | undefined {
    return this.down;
  }

  /** Raw samples of a range selector (`x[10m]`) at `time`: for sample spacing, on one series only. */
  async queryMatrix(expr: string, time: number): Promise<RangeSeries[]> {
    const data = await this.request('/api/v1/query', new URLSearchParams({ query: expr, time: String(time) }));
    if (data.resultType !== 'matrix') throw new PrometheusError('query', `expected a range vector, got ${String(data.resultType)}`);
    return (data.result as { metric: Record<string, string>; values: [number, string][] }[]).map((item) => ({
      labels: item.metric ?? {},
      points: item.values.map(([t, v]) => [Number(t), Number(v)] as [number, number]),
    }));
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
    return active.filter(isRecord).map((t) => ({ labels: isRecord(t.labels) ? (t.labels as Record<string, string>) : {}, scrapeInterval: typeof t.scrapeInterval === 'string' ? t.scrapeInterval : undefined }));
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
    this.stats.requests++;
    let response: Response;
    let text: string;
    try {
      // POST keeps long queries out of URL length limits; every Prometheus-compatible API accepts it
      // for queries. The metadata and targets endpoints are GET only.
      const get = optional;
      response = await fetch(get ? `${this.baseUrl}${path}?${params.toString()}` : `${this.baseUrl}${path}`, {
        method: get ? 'GET' : 'POST',
        headers: get ? { ...this.headers, accept: 'application/json' } : { ...this.headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        ...(get ? {} : { body: params.toString() }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
      });
      text = await response.text();
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        const cut = timeoutMs < this.options.timeoutMs;
        const message = cut ? 'the live run used up its time budget while waiting for an answer' : `no answer within ${formatSeconds(timeoutMs)} (prometheus-timeout)`;
        // A hung backend is not retried: every retry would wait the full timeout again.
        return { ok: false, error: new PrometheusError(cut ? 'budget' : 'unreachable', message), retry: false };
      }
      return { ok: false, error: new PrometheusError('unreachable', networkMessage(error)), retry: true };
    }

    const body = parseJson(text);
    const status = response.status;
    if (status === 401 || status === 403) {
      return { ok: false, error: new PrometheusError('unreachable', `HTTP ${status} ${response.statusText || ''}`.trim() + ': the backend refused the credentials (check prometheus-headers)'), retry: false };
    }
    if (body?.status === 'success' && isRecord(body.data)) return { ok: true, data: body.data as { resultType: unknown; result: unknown } };
    // An optional endpoint this backend does not serve (Thanos and some Mimir setups have no metadata or targets).
    if (optional && (status === 404 || status === 405 || status === 501)) return { ok: false, error: new PrometheusError('missing', `${path} is not available on this backend (HTTP ${status})`), retry: false };
    const retry = status >= 500 || status === 429;
    if (body?.status === 'error') {
      const message = `${body.errorType ? `${String(body.errorType)}: ` : ''}${oneLine(String(body.error ?? `HTTP ${status}`))}`;
      return { ok: false, error: new PrometheusError('query', message), retry };
    }
    // Not Prometheus API JSON: a proxy's error page, a login page, or the wrong base URL.
    const what = status >= 200 && status < 300 ? `HTTP ${status} but not a Prometheus API answer` : `HTTP ${status} ${response.statusText || ''}`.trim();
    const hint = status === 404 || (status >= 200 && status < 300) ? ` from ${this.displayUrl}${path} (is prometheus-url the API base URL?)` : '';
    return { ok: false, error: new PrometheusError('unreachable', `${what}${hint}`), retry };
  }
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

function parseBaseUrl(url: string): { base: string; display: string; authorization?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error('prometheus-url is not a URL (expected e.g. http://prometheus:9090)');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`prometheus-url must be http or https, not ${parsed.protocol.replace(':', '')}`);
  // fetch refuses URLs with credentials; send them as Basic auth instead, and never print them.
  const authorization =
    parsed.username || parsed.password ? `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}` : undefined;
  parsed.username = '';
  parsed.password = '';
  const base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}`;
  return { base, display: base, authorization };
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
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
