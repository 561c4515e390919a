/**
 * Live mode against a hostile backend (__tests__/support/hostile-backend.ts), through the CLI:
 * - a backend that echoes the request headers in its error body and reason phrase gets them
 *   quoted nowhere: every byte the CLI writes (stdout, stderr, the report file, in every format)
 *   is searched for each header value, the URL's password and the Basic credential;
 * - a redirect to another origin is refused with one finding, and the other origin receives
 *   nothing; a same-origin redirect loop ends;
 * - an endless answer is abandoned at the size limit, once (no retry), with memory bounded;
 * - `values: null`, NaN and ±Inf are reported for what they are.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLive, type LiveSettings } from '../../src/live/run-live.js';
import { runCli } from '../../src/cli/cli.js';
import { startHostileBackend, type HostileBackend } from '../support/hostile-backend.js';
import { workspace } from '../helpers/workspace.js';
import { eventsSlo, modelOf, slo } from './slos.js';
import { MEASURED_SLO_REPOSITORY } from '../helpers/slo-fixtures.js';

const BEARER = 's3cr3t-bearer-token-7781';
const API_KEY = 'k3y-9f8e7d6c5b4a';
const TENANT = 'tenant-4242-x';
const PASSWORD = 'pa55-w0rd-in-url';
const BASIC = Buffer.from(`bot:${PASSWORD}`).toString('base64');
const SECRETS = [BEARER, API_KEY, TENANT, PASSWORD, BASIC, encodeURIComponent(PASSWORD)];

const FILES = MEASURED_SLO_REPOSITORY;

interface CliRun {
  code: number;
  /** stdout, stderr and the report file, as written. */
  written: string;
  report?: { findings: { check: string; message: string; severity: string }[] };
}

async function cli(url: string, headers: string[], format: 'text' | 'json' | 'markdown', extra: string[] = []): Promise<CliRun> {
  const dir = await workspace(FILES);
  const out = path.join(dir, `report.${format}`);
  let written = '';
  const io = { stdout: (t: string) => (written += t), stderr: (t: string) => (written += t) };
  const args = ['check', dir, '--format', format, '--output', out, '--prometheus-url', url, '--prometheus-timeout', '5s', ...headers.flatMap((h) => ['--prometheus-headers', h]), ...extra];
  const code = await runCli(args, io);
  const file = await readFile(out, 'utf8');
  written += file;
  // The same run printed to stdout, as CI steps usually do.
  const printed = await runCli(args.filter((_, i) => args[i] !== '--output' && args[i - 1] !== '--output'), io);
  expect(printed).toBe(code);
  return { code, written, report: format === 'json' ? JSON.parse(file) : undefined };
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

describe('live mode against a hostile backend', () => {
  let backend: HostileBackend;
  let other: HostileBackend;
  beforeAll(async () => {
    backend = await startHostileBackend({ kind: 'echo-json' });
    other = await startHostileBackend({ kind: 'answer', range: [], instant: [] });
  });
  afterAll(async () => {
    await backend?.close();
    await other?.close();
  });

  const withUserinfo = () => backend.url.replace('http://', `http://bot:${encodeURIComponent(PASSWORD)}@`);

  for (const kind of ['echo-json', 'echo-html'] as const) {
    for (const format of ['text', 'markdown', 'json'] as const) {
      it(`${kind}, ${format}: no header value, password or Basic credential in anything written`, async () => {
        backend.set({ kind });
        const basic = await cli(withUserinfo(), [`X-Api-Key: ${API_KEY}`, `X-Scope-OrgID: ${TENANT}`], format);
        // The backend did receive them: this is the echo the report must not repeat.
        expect(backend.requests[0].headers).toMatchObject({ authorization: `Basic ${BASIC}`, 'x-api-key': API_KEY, 'x-scope-orgid': TENANT });
        expect(basic.code).toBe(1);
        expectNoSecret(basic.written);
        expect(basic.written).toMatch(kind === 'echo-json' ? /live\/query-failed/ : /live\/unreachable/);
        expect(basic.written).toMatch(/\*\*\*|\\\*\\\*\\\*/);

        backend.set({ kind });
        const bearer = await cli(backend.url, [`Authorization: Bearer ${BEARER}`, `X-Api-Key: ${API_KEY}`], format);
        expect(backend.requests[0].headers.authorization).toBe(`Bearer ${BEARER}`);
        expectNoSecret(bearer.written);
        if (bearer.report) {
          const live = bearer.report.findings.filter((f) => f.check.startsWith('live/') && f.severity !== 'notice');
          expect(live).toHaveLength(1);
          // Quoted, but cut short: the echo is far longer than what a message may quote.
          expect(live[0].message.length).toBeLessThan(800);
        }
      });
    }
  }

  it('a redirect to another origin is refused with one finding; that origin receives nothing', async () => {
    backend.set({ kind: 'redirect', to: other.url });
    other.set({ kind: 'answer', range: [], instant: [] });
    const run = await cli(withUserinfo(), [`X-Api-Key: ${API_KEY}`, `X-Scope-OrgID: ${TENANT}`], 'json');
    expect(other.requests).toEqual([]);
    const live = run.report!.findings.filter((f) => f.check.startsWith('live/') && f.severity !== 'notice');
    expect(live).toEqual([expect.objectContaining({ check: 'live/unreachable' })]);
    expect(live[0].message).toContain(`HTTP 307 redirect to another origin (${other.url}) refused`);
    expectNoSecret(run.written);
  });

  it('a same-origin redirect loop ends after a few hops', async () => {
    backend.set({ kind: 'redirect-loop' });
    const run = await cli(backend.url, [`X-Api-Key: ${API_KEY}`], 'json');
    const live = run.report!.findings.filter((f) => f.check.startsWith('live/') && f.severity !== 'notice');
    expect(live).toEqual([expect.objectContaining({ check: 'live/unreachable', message: expect.stringContaining('more than 5 redirects') })]);
    // Each request was redirected five times, then given up on.
    expect(Math.max(...backend.requests.map((r) => r.path.split('/again').length - 1))).toBe(5);
  });

  it('an endless answer is abandoned at the limit, once, with memory bounded', async () => {
    backend.set({ kind: 'huge', maxBytes: 512 * 1024 * 1024 });
    const before = process.memoryUsage().rss;
    const run = await cli(backend.url, [], 'json', ['--live-max-response-mb', '2']);
    const grown = process.memoryUsage().rss - before;
    const live = run.report!.findings.filter((f) => f.check.startsWith('live/') && f.severity !== 'notice');
    expect(live).toEqual([expect.objectContaining({ check: 'live/query-failed', message: expect.stringContaining('larger than the 2 MiB limit for one query') })]);
    // Two CLI runs, one request each: never retried.
    expect(backend.requests.filter((r) => r.path.includes('query_range'))).toHaveLength(2);
    // The backend stopped when the client hung up, far short of what it was ready to send.
    expect(backend.bytesSent).toBeLessThan(64 * 1024 * 1024);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('live values that are not numbers', () => {
  let backend: HostileBackend;
  let settings: LiveSettings;
  beforeAll(async () => {
    backend = await startHostileBackend({ kind: 'answer', range: [], instant: [] });
    settings = { url: backend.url, timeoutSeconds: 5, budgetSeconds: 30, failOn: 'exhausted', time: 1_700_000_000, retries: 0 };
  });
  afterAll(async () => {
    await backend?.close();
  });

  const part = (name: string, values: unknown) => ({ metric: { slo_gate_part: name }, values });
  const ratioSlo = slo('ratio', { errorRatioQuery: 'sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))' });

  async function measure(range: unknown, instant: unknown = [], model = modelOf(eventsSlo('svc'))) {
    backend.set({ kind: 'answer', range, instant });
    return runLive(model, settings);
  }

  it('values: null is an empty series, not an internal error', async () => {
    const run = await measure([part('errors', null), part('total', null)]);
    expect(run.summary.slos[0].status).toBe('no-data');
    expect(run.summary.slos[0].reason).toMatch(/^no events over the 30d period: the total query counts 0/);
    expect(JSON.stringify(run)).not.toContain('internal error');
    expect(run.findings.filter((f) => f.subject === 'svc').map((f) => f.check)).toEqual(['live/no-data']);
  });

  it('NaN and +Inf event counts are named as such', async () => {
    const nan = await measure([part('errors', [[1, '0']]), part('total', [[1, 'NaN'], [2, 'NaN']])]);
    expect(nan.summary.slos[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^the total query returns NaN at 2 of 2 step\(s\) where a count of events is needed: /) });
    const inf = await measure([part('errors', [[1, '+Inf']]), part('total', [[1, '10']])]);
    expect(inf.summary.slos[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^the good-events query returns \+Inf at 1 of 1 step\(s\)/) });
    expect(inf.findings.filter((f) => f.subject === 'svc').map((f) => f.check)).toEqual(['live/query-failed']);
  });

  it('an error ratio of NaN at every step is 0/0, not "no series"; ±Inf is a division by a total of 0', async () => {
    const nan = await measure([{ metric: {}, values: [[1, 'NaN'], [2, 'NaN']] }], [], modelOf(ratioSlo));
    expect(nan.summary.slos[0]).toMatchObject({ status: 'no-data', reason: expect.stringContaining('returns NaN (0/0: no requests counted) at every step') });
    const inf = await measure([{ metric: {}, values: [[1, '0.1'], [2, '-Inf']] }], [], modelOf(ratioSlo));
    expect(inf.summary.slos[0]).toMatchObject({ status: 'failed', reason: expect.stringContaining('returns ±Inf at 1 of 2 step(s): errors divided by a total of 0') });
  });

  it('+Inf over a burn-rate window is reported, not shown as an endless burn', async () => {
    const run = await measure([part('errors', [[1, '0']]), part('total', [[1, '100']])], [{ metric: { slo_gate_window: '3600' }, value: [1, '+Inf'] }]);
    expect(run.summary.slos[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^the error ratio over the 1h window is \+Inf: errors divided by a total of 0/) });
    // An instant value of null is a series without a sample, not a crash.
    const empty = await measure([part('errors', [[1, '0']]), part('total', [[1, '100']])], [{ metric: { slo_gate_window: '3600' }, value: null }]);
    expect(empty.summary.slos[0].status).toBe('ok');
  });
});
