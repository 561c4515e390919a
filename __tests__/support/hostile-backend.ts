/**
 * A Prometheus-compatible backend that behaves as an attacker (or a careless proxy) would, on
 * 127.0.0.1: it echoes the request headers in its error body and reason phrase, redirects to
 * another origin, streams a huge answer, or answers with null values, NaN and ±Inf. Every request
 * is recorded with its headers. Nothing it sends is unbounded: the huge answer stops at `maxBytes`
 * or as soon as the client hangs up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour =
  | { kind: 'echo-json' } // 500, Prometheus error JSON quoting every header, reason phrase quoting them too
  | { kind: 'echo-html' } // 502, an HTML error page quoting every header
  | { kind: 'redirect'; to: string; status?: number } // to another origin, keeping the path
  | { kind: 'redirect-loop' } // same origin, forever
  | { kind: 'huge'; maxBytes: number } // 200, a valid-looking matrix that never ends (until maxBytes)
  | { kind: 'answer'; range: unknown; instant: unknown }; // 200 with these `data.result` values

export interface HostileBackend {
  url: string;
  requests: { path: string; method: string; headers: http.IncomingHttpHeaders }[];
  /** Body bytes written by the `huge` behaviour, across requests. */
  bytesSent: number;
  set(behaviour: Behaviour): void;
  close(): Promise<void>;
}

export async function startHostileBackend(initial: Behaviour): Promise<HostileBackend> {
  let behaviour = initial;
  const state: HostileBackend = {
    url: '',
    requests: [],
    bytesSent: 0,
    set: (next) => {
      behaviour = next;
      state.requests = [];
      state.bytesSent = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer((req, res) => {
    state.requests.push({ path: req.url ?? '', method: req.method ?? '', headers: req.headers });
    req.resume();
    const echoed = Object.entries(req.headers)
      .map(([name, value]) => `${name}=${String(value)}`)
      .join(' ');
    switch (behaviour.kind) {
      case 'echo-json':
        res.writeHead(500, `Upstream rejected ${String(req.headers.authorization)} ${String(req.headers['x-api-key'])}`, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'error', errorType: 'internal', error: `bad request with headers: ${echoed}\n${JSON.stringify(req.headers)}` }));
        return;
      case 'echo-html':
        res.writeHead(502, `Bad Gateway for ${String(req.headers['x-scope-orgid'])}`, { 'content-type': 'text/html' });
        res.end(`<html><body><pre>${echoed}</pre></body></html>`);
        return;
      case 'redirect':
        res.writeHead(behaviour.status ?? 307, { location: `${behaviour.to}${req.url}` }).end();
        return;
      case 'redirect-loop':
        res.writeHead(308, { location: `/again${req.url}` }).end();
        return;
      case 'answer': {
        const range = (req.url ?? '').includes('query_range');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'success', data: range ? { resultType: 'matrix', result: behaviour.range } : { resultType: 'vector', result: behaviour.instant } }));
        return;
      }
      case 'huge':
        streamHuge(res, behaviour.maxBytes, (n) => (state.bytesSent += n));
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** One series after another, each a full day of points, written as the socket drains. */
function streamHuge(res: http.ServerResponse, maxBytes: number, count: (bytes: number) => void): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const point = `[1700000000,"0.5"],`.repeat(1000);
  let sent = 0;
  let series = 0;
  const head = '{"status":"success","data":{"resultType":"matrix","result":[';
  const write = (text: string): boolean => {
    sent += text.length;
    count(text.length);
    return res.write(text);
  };
  write(head);
  const pump = () => {
    while (sent < maxBytes && !res.destroyed) {
      const chunk = `${series++ ? ',' : ''}{"metric":{"n":"${series}"},"values":[${point}[1700000001,"1"]]}`;
      if (!write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(']}}');
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}
