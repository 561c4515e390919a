/**
 * A seeded fuzz run through the real CLI (in process): the example monitoring repository's rule
 * file, dashboards and SLO policy, and PromQL expressions inside them, mutated at random. Every
 * run must end with exit status 0 or 1 (findings, never an internal fault), print no stack trace,
 * and finish in bounded time. Bounded in count and in total time; the seed is printed on failure
 * and can be replayed with SLO_GATE_FUZZ_SEED=<seed> (SLO_GATE_FUZZ_SEED=random picks a new one);
 * a failing case's files are kept in a temporary directory named in the failure.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { workspace } from '../helpers/workspace.js';

const CASES = 60;
const TOTAL_MS = 60_000;
const CASE_MS = 20_000;
// A fixed seed keeps CI reproducible; SLO_GATE_FUZZ_SEED=random (or a number) explores further.
const SEED_SETTING = process.env.SLO_GATE_FUZZ_SEED ?? '20261202';
const SEED = SEED_SETTING === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(SEED_SETTING);

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'agentaskit');
const SOURCES: Record<string, string> = {
  'alerts/slo-alerts.yaml': readFileSync(path.join(EXAMPLE, 'alerts/slo-alerts.yaml'), 'utf8'),
  'dashboards/slo-overview.json': readFileSync(path.join(EXAMPLE, 'dashboards/slo-overview.json'), 'utf8'),
  'slo/policies.yaml': readFileSync(path.join(EXAMPLE, 'slo/policies.yaml'), 'utf8'),
};

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const YAML_BITS = ['\n', ': ', '- ', '  ', '{', '}', '[', ']', '"', "'", '#', '&a ', '*a', '!!str ', '|', '>', '%', '@', '`', '\t', '\r', '\u0000', '\u001b[31m', '\ufeff', '---\n', '...\n', '? ', '<<: *a\n'];
const JSON_BITS = ['{', '}', '[', ']', ',', ':', '"', '\\', '\\u0000', 'null', 'true', '1e999', '-0', '"targets":', '"panels":[', '{"expr":"', '"'];
const PROMQL_BITS = ['(', ')', 'sum by (job) (', 'rate(', '[5m]', '[1h:5m]', '{', '}', '=~', '!~', '"', 'offset 5m', '@ end()', ' or ', ' and ', ' unless ', '/', '-', '- - -', '^', 'histogram_quantile(0.9, ', 'le=', '1e308', 'NaN', 'Inf', '{{ $value }}', '{{.window}}', '$__rate_interval', '\\', '\n', 'ignoring(a) group_left ', 'without ()', 'bool ', '0x', '#'];

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

function mutateText(rng: Rng, text: string, bits: readonly string[]): string {
  let out = text;
  const edits = 1 + Math.floor(rng() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rng() * (out.length + 1));
    const span = Math.floor(rng() * 40);
    switch (Math.floor(rng() * 6)) {
      case 0:
        out = out.slice(0, at) + pick(rng, bits) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + span);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(at, at + span).repeat(1 + Math.floor(rng() * 50)) + out.slice(at);
        break;
      case 3:
        out = out.slice(0, at);
        break;
      case 4: {
        const bit = pick(rng, bits);
        out = out.slice(0, at) + bit.repeat(1 + Math.floor(rng() * 2000)) + out.slice(at);
        break;
      }
      default:
        out = out.slice(0, at) + String.fromCharCode(Math.floor(rng() * 0x3000)) + out.slice(at + 1);
    }
  }
  return out;
}

/** Mutates the PromQL of `expr:` lines and `"expr":` fields only, so the files still parse and the expressions reach the analyser. */
function mutateExpressions(rng: Rng, text: string): string {
  return text.replace(/(expr"?:\s*"?)([^"\n]+)/g, (whole, head: string, expr: string) => (rng() < 0.5 ? whole : head + mutateText(rng, expr, PROMQL_BITS).replace(/["\n]/g, ' ')));
}

function mutate(rng: Rng): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(SOURCES)) {
    const roll = rng();
    if (roll < 0.3) files[name] = text;
    else if (roll < 0.6) files[name] = mutateExpressions(rng, text);
    else files[name] = mutateText(rng, text, name.endsWith('.json') ? JSON_BITS : YAML_BITS);
  }
  return files;
}

/** A failing case's files, kept for a look outside the test. */
function keep(files: Record<string, string>, index: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `slo-gate-fuzz-${SEED}-${index}-`));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('fuzzing the CLI with mutated YAML, JSON and PromQL', () => {
  it(`${CASES} mutated repositories: exit 0 or 1, no stack trace, no hang (seed ${SEED})`, { timeout: TOTAL_MS + CASE_MS + 30_000 }, async () => {
    const rng = random(SEED);
    const started = Date.now();
    let ran = 0;
    let reachedParsers = 0;
    for (let index = 0; index < CASES && Date.now() - started < TOTAL_MS; index++) {
      const files = mutate(rng);
      const dir = await workspace(files);
      let output = '';
      const io = { stdout: (t: string) => (output += t), stderr: (t: string) => (output += t) };
      const format = pick(rng, ['text', 'markdown', 'json'] as const);
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), CASE_MS)));
      const code = await Promise.race([runCli(['check', dir, '--format', format], io).catch((error: Error) => `threw ${error?.stack ?? error}`), hang]);
      clearTimeout(timer);
      const ok = (code === 0 || code === 1) && !/\n\s+at .+[:(]\d+:\d+\)?\n|Maximum call stack|internal error/.test(output);
      const kept = ok ? '' : `; files kept in ${keep(files, index)}`;
      const where = `seed ${SEED}, case ${index} (replay: SLO_GATE_FUZZ_SEED=${SEED})${kept}`;
      expect(code, `${where}: exit status; output:\n${output.slice(0, 2000)}`).toSatisfy((c: unknown) => c === 0 || c === 1);
      expect(output, `${where}: a stack trace was printed`).not.toMatch(/\n\s+at .+[:(]\d+:\d+\)?\n|Maximum call stack|internal error/);
      if (/file\/parse|promql\/syntax/.test(output)) reachedParsers++;
      ran++;
    }
    // The time bound may cut the run short on a loaded machine, but never to nothing.
    expect(ran).toBeGreaterThanOrEqual(Math.min(CASES, 10));
    // The mutations did break files and expressions, so the parsers' error paths ran.
    expect(reachedParsers, `seed ${SEED}`).toBeGreaterThan(0);
  });
});
