// Differential test against Prometheus itself: every rule expression of the corpus, and mutations
// of each (a dropped parenthesis, a misspelled function, a broken duration, an unbalanced matcher
// brace), is written into generated rule files — one group per expression, so promtool runs once
// for thousands of them and names each failing group — and checked by slo-gate's promql/syntax
// and by `promtool check rules`. The verdicts must agree; where they do not, the difference must be
// one of the documented ones between promtool 2.42 (Debian's package) and Prometheus 3, which
// slo-gate follows (docs/promql.md).

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../../src/config/config.js';
import { runEngine } from '../../../src/engine/engine.js';
import { analyseQuery } from '../../../src/lang/promql/analyse.js';
import { TOO_DEEP_MESSAGE } from '../../../src/lang/promql/depth.js';
import { CORPUS, corpusAvailable, corpusSkipReason } from '../../helpers/corpus.js';
import { ensurePrometheus, prometheusSkipReason } from '../../support/prometheus.js';

const env = corpusAvailable ? await ensurePrometheus() : undefined;
const skipReason = !corpusAvailable ? corpusSkipReason : env && !env.available ? prometheusSkipReason(env) : undefined;
if (skipReason) {
  it.skip(`SKIPPED — ${skipReason}`, () => {});
  console.warn(`[differential] SKIPPED — ${skipReason}`);
}

const SOURCES = ['awesome-prometheus-alerts', 'kube-prometheus', 'sloth/examples/_gen', 'prometheus'];
const GROUPS_PER_FILE = 2000;

/**
 * What Prometheus 3 accepts and promtool 2.42 rejects, or the reverse. Each entry is a language
 * change, recognised from the expression's text, never from its file.
 */
const VERSION_DIFFERENCES: { why: string; accepts: 'slo-gate' | 'promtool'; test: (expr: string) => boolean }[] = [
  {
    why: 'Prometheus 3 accepts UTF-8 metric and label names written as quoted strings ({"my.metric"}, {"a.b"="c"}, by ("a.b"))',
    accepts: 'slo-gate',
    test: (e) => /[{,]\s*"(?:[^"\\]|\\.)*"\s*(?:[,}]|[=!]~?)|\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*"/.test(e),
  },
  { why: 'float literals and durations are interchangeable in Prometheus 3 (up[300], offset 60)', accepts: 'slo-gate', test: (e) => /\[\s*\d+(\.\d+)?\s*[:\]]|\boffset\s+-?\d+(\.\d+)?(?![\d.smhdwy])/.test(e) },
  { why: 'holt_winters() was renamed double_exponential_smoothing() and made experimental in Prometheus 3', accepts: 'promtool', test: (e) => /\bholt_winters\s*\(/.test(e) },
  { why: 'native-histogram functions added after 2.42 and enabled by default in Prometheus 3', accepts: 'slo-gate', test: (e) => /\bhistogram_(stddev|stdvar|avg)\s*\(/.test(e) },
];

// Hand-written expressions on both sides of each version difference, and near it, so the list
// above is exercised even when the corpus has no such expression.
const VERSION_PROBES = [
  '{"my.metric", job="a"}',
  'http_requests_total{"service.name"="api"}',
  'sum by ("service.name") (rate(http_requests_total[5m]))',
  'holt_winters(node_load1[10m], 0.5, 0.5)',
  'double_exponential_smoothing(node_load1[10m], 0.5, 0.5)',
  'histogram_stddev(rate(http_request_duration_seconds[5m]))',
  'histogram_avg(rate(http_request_duration_seconds[5m]))',
  'histogram_fraction(0, 0.2, rate(http_request_duration_seconds[5m]))',
  'mad_over_time(node_load1[10m])',
  'limitk(2, up)',
  'sort_by_label(up, "instance")',
  'info(up)',
  'up[5]',
  'rate(up[1_000s])',
  'rate(up[5m] @ start())',
  'up offset -5m',
];

// RE2 at its limits, where JavaScript's RegExp and a hand-written parser are easy to get wrong.
const REGEX_PROBES = [
  'x{a=~"a{1000}"}',
  'x{a=~"a{1001}"}',
  'x{a=~"(a{10}){100}"}',
  'x{a=~"((a{100}){100}){100}"}',
  `x{a=~"${'('.repeat(998)}a${')'.repeat(998)}"}`,
  `x{a=~"${'('.repeat(999)}a${')'.repeat(999)}"}`,
  `x{a=~"${'('.repeat(1001)}a${')'.repeat(1001)}"}`,
  `x{a=~"${'(a|'.repeat(1001)}b${')'.repeat(1001)}"}`,
  'x{a=~"(?P<n>a)(?P<n>b)"}',
  'x{a=~"(?P<n>a)(?P<n>b)[z-a]"}',
  'x{a=~"a(?U){2}"}',
  'x{a=~"(-(?i)+"}',
  'x{a=~"a{2,1}"}',
];

interface Case {
  expr: string;
  origin: string;
}

describe.skipIf(skipReason !== undefined)(`differential: promql/syntax agrees with promtool check rules${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('gives the same verdict on every corpus expression and its mutations', async () => {
    const promtool = (env as { promtool: string }).promtool;
    const cases = await corpusCases();
    expect(cases.length).toBeGreaterThan(2000);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'slo-gate-differential-'));
    dirs.push(dir);
    const files: string[] = [];
    for (let start = 0; start < cases.length; start += GROUPS_PER_FILE) {
      const file = path.join(dir, `rules-${files.length}.yaml`);
      const groups = cases.slice(start, start + GROUPS_PER_FILE).map((c, i) => `- name: g${start + i}\n  rules:\n  - record: r${start + i}\n    expr: ${JSON.stringify(c.expr)}\n`);
      await writeFile(file, `groups:\n${groups.join('')}`);
      files.push(file);
    }

    const promtoolRejects = new Set<number>();
    const output = await run(promtool, ['check', 'rules', '--lint=none', ...files]);
    for (const match of output.matchAll(/group "g(\d+)", rule 1, "r\d+": could not parse expression/g)) promtoolRejects.add(Number(match[1]));
    expect(output).toMatch(/SUCCESS|FAILED/); // promtool ran and reported

    const result = await runEngine(dir, mergeConfig());
    const sloGateRejects = new Set(result.findings.filter((f) => f.check === 'promql/syntax').map((f) => Number(/^g(\d+)\//.exec(f.subject ?? '')?.[1])));
    expect(result.linked.model.rules).toHaveLength(cases.length);

    const unexplained: string[] = [];
    const explained = new Map<string, number>();
    cases.forEach((c, i) => {
      const slo = sloGateRejects.has(i);
      const prom = promtoolRejects.has(i);
      if (slo === prom) return;
      const difference = VERSION_DIFFERENCES.find((d) => d.test(c.expr) && d.accepts === (slo ? 'promtool' : 'slo-gate'));
      if (difference) explained.set(difference.why, (explained.get(difference.why) ?? 0) + 1);
      else unexplained.push(`${slo ? 'slo-gate rejects, promtool accepts' : 'promtool rejects, slo-gate accepts'}: ${JSON.stringify(c.expr)} (${c.origin})`);
    });
    const rejected = cases.filter((_, i) => promtoolRejects.has(i)).length;
    console.log(
      `[differential] ${cases.length} expressions, promtool rejects ${rejected}; disagreements explained by Prometheus 2.42 vs 3: ` +
        (explained.size ? [...explained].map(([why, n]) => `${n} × ${why}`).join('; ') : 'none'),
    );
    expect(rejected).toBeGreaterThan(cases.length / 10); // the mutations do break queries
    expect(unexplained).toEqual([]);
  });
});

// Generated deep input, which needs no corpus: Prometheus' parser has no depth limit, so what it
// accepts slo-gate must accept too, up to the bound it documents (past it: one clear error).
// Sizes are what promtool checks in a few seconds (its time grows faster than linearly: 50k unary
// minus take it 50 s); the full sizes are in depth.test.ts, against the analyser alone.
const deepEnv = await ensurePrometheus();
const terms = (n: number, op: string, term: (i: number) => string) => Array.from({ length: n }, (_, i) => term(i)).join(op);
const DEEP_CASES: { name: string; expr: string; beyondBound?: true }[] = [
  { name: '10k parentheses', expr: `${'('.repeat(10_000)}up${')'.repeat(10_000)}` },
  { name: '10k parentheses, one unclosed', expr: `${'('.repeat(10_000)}up${')'.repeat(9_999)}` },
  { name: '10k unary minus', expr: `${'-'.repeat(10_000)}up` },
  { name: '10k unary minus and plus before a number', expr: `${'- +'.repeat(5_000)}1 > bool 0` },
  { name: '10k-term sum', expr: terms(10_000, ' + ', (i) => `m${i}`) },
  { name: '3k-term or of selectors with ranges and modifiers', expr: terms(3_000, ' or ', (i) => `rate(m${i}{job="a"}[5m] offset 1m)`) },
  { name: '3k-term comparison chain with vector matching', expr: terms(3_000, ' > bool on(job) group_left(x) ', (i) => `sum by (job) (m${i})`) },
  { name: '3k-term sum with a range vector inside', expr: terms(3_000, ' + ', (i) => (i === 2_000 ? `m${i}[5m]` : `m${i}`)) },
  { name: '1k nested calls', expr: `${'abs('.repeat(1_000)}up${')'.repeat(1_000)}` },
  { name: '3k nested calls', expr: `${'abs('.repeat(3_000)}up${')'.repeat(3_000)}`, beyondBound: true },
];

describe.skipIf(!deepEnv.available)(`differential: deep input, generated${deepEnv.available ? '' : ` (skipped: ${prometheusSkipReason(deepEnv)})`}`, () => {
  it('accepts what promtool accepts, rejects what it rejects, and names its own bound', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'slo-gate-deep-'));
    try {
      const file = path.join(dir, 'deep.yaml');
      await writeFile(file, `groups:\n${DEEP_CASES.map((c, i) => `- name: g${i}\n  rules:\n  - record: r${i}\n    expr: ${JSON.stringify(c.expr)}\n`).join('')}`);
      const output = await run((deepEnv as { promtool: string }).promtool, ['check', 'rules', '--lint=none', file]);
      const promtoolRejects = new Set([...output.matchAll(/group "g(\d+)", rule 1, "r\d+": could not parse expression/g)].map((m) => Number(m[1])));
      const verdicts = DEEP_CASES.map((c, i) => {
        const errors = analyseQuery(c.expr).errors;
        return { name: c.name, promtool: promtoolRejects.has(i) ? 'rejects' : 'accepts', sloGate: c.beyondBound && errors[0]?.message === TOO_DEEP_MESSAGE ? 'bound' : errors.length > 0 ? 'rejects' : 'accepts', first: errors[0]?.message };
      });
      const expected = DEEP_CASES.map((c) => (c.beyondBound ? 'bound' : undefined));
      for (const [i, v] of verdicts.entries()) {
        if (expected[i] === 'bound') expect({ name: v.name, promtool: v.promtool, sloGate: v.sloGate }).toEqual({ name: v.name, promtool: 'accepts', sloGate: 'bound' });
        else expect({ name: v.name, sloGate: v.sloGate, first: v.first }).toEqual({ name: v.name, sloGate: v.promtool, first: v.first });
      }
      // The mutated cases do break: promtool rejects the unclosed parenthesis and the range vector in a sum.
      expect(promtoolRejects.size).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

async function corpusCases(): Promise<Case[]> {
  const seen = new Set<string>();
  const cases: Case[] = [];
  const add = (expr: string, origin: string) => {
    if (expr.trim() === '' || seen.has(expr)) return;
    seen.add(expr);
    cases.push({ expr, origin });
  };
  for (const probe of VERSION_PROBES) add(probe, 'version probe');
  for (const probe of REGEX_PROBES) add(probe, 'regex probe');
  for (const source of SOURCES) {
    const result = await runEngine(path.join(CORPUS, source), mergeConfig());
    for (const rule of result.linked.model.rules) {
      const origin = `${source}/${rule.file}:${rule.expr.position.line}`;
      add(rule.expr.text, origin);
      for (const [kind, mutated] of mutations(rule.expr.text)) add(mutated, `${kind} of ${origin}`);
    }
  }
  return cases;
}

/** Small, deterministic breakages of the kinds people make by hand. */
function mutations(expr: string): [string, string][] {
  const out: [string, string][] = [];
  const replaceAt = (index: number, length: number, replacement: string) => expr.slice(0, index) + replacement + expr.slice(index + length);
  const close = expr.lastIndexOf(')');
  if (close >= 0) out.push(['dropped parenthesis', replaceAt(close, 1, '')]);
  const call = /\b([a-z_]{4,})\s*\(/.exec(expr);
  if (call) out.push(['misspelled function', replaceAt(call.index, call[1].length, call[1][1] + call[1][0] + call[1].slice(2))]);
  const duration = /\[(\d+)([smhdwy])/.exec(expr);
  if (duration) out.push(['broken duration', replaceAt(duration.index + 1, duration[1].length + 1, `${duration[2]}${duration[1]}`)]);
  const brace = expr.indexOf('}');
  if (brace >= 0) out.push(['unbalanced matcher brace', replaceAt(brace, 1, '')]);
  return out;
}

function run(command: string, args: string[]): Promise<string> {
  return promisify(execFile)(command, args, { maxBuffer: 256 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => `${stdout}${stderr}`,
    (error: { stdout?: string; stderr?: string; code?: number }) => {
      if (typeof error.code !== 'number') throw error;
      return `${error.stdout ?? ''}${error.stderr ?? ''}`;
    },
  );
}
