// @ts-check
/**
 * Real-Prometheus fixture: synthetic OpenMetrics history -> promtool backfill ->
 * a throw-away `prometheus` server on 127.0.0.1. No mocks.
 *
 * Plain Node ESM with JSDoc types so that both the vitest support module
 * (`__tests__/support/prometheus.ts`, which re-exports this file) and
 * `scripts/live-server.mjs` use the same code without a build step.
 * Types for TypeScript consumers live in `prometheus-fixture.d.mts` and
 * `prometheus-scenarios.d.mts`; they are generated from the JSDoc (do not edit
 * them by hand) with:
 *
 *   rm scripts/lib/prometheus-*.d.mts && npx tsc scripts/lib/prometheus-fixture.mjs scripts/lib/prometheus-scenarios.mjs \
 *     --allowJs --checkJs --strict --declaration --emitDeclarationOnly --skipLibCheck \
 *     --module nodenext --moduleResolution nodenext --target es2022 --types node \
 *     --outDir scripts/lib && \
 *   sed -i '1i // Generated from the JSDoc of the .mjs file next to it; do not edit by hand.' scripts/lib/prometheus-*.d.mts
 *
 * (the same command without --declaration/--emitDeclarationOnly, with --noEmit,
 * type-checks the JSDoc).
 *
 * Time model: every series is described in *relative* seconds, `t`, where
 * t = 0 is the fixture's `now` and t < 0 is the past (t = -3600 is one hour ago).
 * History is sampled every `stepSeconds` from t = -historySeconds to t = 0
 * inclusive, so an instant query evaluated at `time=now` with a range that is a
 * multiple of the step sees a sample exactly on both edges of the range and
 * `increase()` needs no extrapolation: the results are exact.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;
export const DEFAULT_STEP_SECONDS = 60;
/**
 * 31 days: a full 30-day window evaluated at `now` (or a bit later) is entirely
 * covered, so 30d `increase()` never extrapolates at the start of the range.
 */
export const DEFAULT_HISTORY_SECONDS = 31 * DAY;

// ---------------------------------------------------------------------------
// Series model
// ---------------------------------------------------------------------------

/** @typedef {Record<string, string>} Labels */

/**
 * Half-open interval [from, to) in relative seconds (negative = past) with a
 * constant per-second rate. `to` may be `Infinity` ("until further notice";
 * relevant for live continuation).
 * @typedef {{ from: number; to: number; rate: number }} RateSegment
 */

/**
 * Per-second increase rate of a counter over time:
 * - a constant,
 * - a function of relative time `t` (integrated with the midpoint rule, one
 *   evaluation per step),
 * - piecewise: `base` everywhere except the (non-overlapping) segments.
 * Constants and segments are integrated exactly.
 * @typedef {number | ((t: number) => number) | { base?: number; segments: RateSegment[] }} RateSpec
 */

/**
 * A counter. `name` is the family name; a trailing `_total` is accepted and
 * stripped. Samples are written as `<family>_total{labels} value ts`.
 * @typedef {object} CounterSeries
 * @property {'counter'} type
 * @property {string} name
 * @property {Labels} [labels]
 * @property {RateSpec} rate
 * @property {number} [initial] counter value at the first sample (default 0)
 * @property {number[]} [resetsAt] relative times at which the counter restarts from 0
 * @property {number} [until] relative time of the last sample written (a target that stopped reporting); default: none
 * @property {number} [everySeconds] write a sample only where t is a multiple of this (a slower scrape interval than the step)
 */

/**
 * A gauge: `value` is sampled at every step.
 * @typedef {object} GaugeSeries
 * @property {'gauge'} type
 * @property {string} name
 * @property {Labels} [labels]
 * @property {number | ((t: number) => number)} value
 * @property {number} [until] relative time of the last sample written; default: none
 * @property {number} [everySeconds] write a sample only where t is a multiple of this
 */

/**
 * A classic histogram. `rate` is the number of observations per second;
 * `cumulative[i]` is the fraction of observations `<= buckets[i]` (so it is
 * non-decreasing and within [0, 1]); the `+Inf` bucket is implied (fraction 1).
 * A function form is evaluated at the midpoint of each step. Bucket counters are
 * written as `<name>_bucket{...,le="<bound>"}` with `le` formatted by
 * `String(bound)` (0.25 -> "0.25", 1 -> "1"), plus `<name>_count` and
 * `<name>_sum`. `_sum` uses `meanSeconds` if given, otherwise an estimate from
 * the bucket midpoints.
 * @typedef {object} HistogramSeries
 * @property {'histogram'} type
 * @property {string} name
 * @property {Labels} [labels]
 * @property {RateSpec} rate
 * @property {number[]} buckets
 * @property {number[] | ((t: number) => number[])} cumulative
 * @property {number | ((t: number) => number)} [meanSeconds]
 * @property {number} [until] relative time of the last sample written; default: none
 * @property {number} [everySeconds] write a sample only where t is a multiple of this
 */

/** @typedef {CounterSeries | GaugeSeries | HistogramSeries} SyntheticSeries */

/**
 * @typedef {object} HistoryOptions
 * @property {number} [now] unix seconds of the last sample; default: wall clock rounded down to the step
 * @property {number} [stepSeconds] default 60
 * @property {number} [historySeconds] default 31 days (rounded up to a multiple of the step)
 */

/**
 * @typedef {object} WriteStats
 * @property {number} now unix seconds of the last sample
 * @property {number} start unix seconds of the first sample
 * @property {number} stepSeconds
 * @property {number} historySeconds
 * @property {number} series number of distinct sample series written (each bucket counts)
 * @property {number} samples
 * @property {number} bytes
 */

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * @param {number} v
 * @returns {string}
 */
export function formatValue(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** @param {string} v */
function escapeLabelValue(v) {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

/**
 * `name{a="b",c="d"}` (or just `name` with no labels).
 * @param {string} name
 * @param {Labels} labels
 */
export function seriesText(name, labels) {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(String(v))}"`);
  return parts.length ? `${name}{${parts.join(',')}}` : name;
}

/**
 * @param {SyntheticSeries} s
 * @returns {string}
 */
export function familyName(s) {
  return s.type === 'counter' ? s.name.replace(/_total$/, '') : s.name;
}

/**
 * Rate integrator for a RateSpec.
 * @param {RateSpec} spec
 * @param {string} where for error messages
 * @returns {(a: number, b: number) => number} integral of the rate over [a, b]
 */
function integrator(spec, where) {
  if (typeof spec === 'number') {
    if (!(spec >= 0) || !Number.isFinite(spec)) throw new Error(`${where}: rate must be a finite number >= 0, got ${spec}`);
    return (a, b) => spec * (b - a);
  }
  if (typeof spec === 'function') {
    return (a, b) => {
      const n = Math.max(1, Math.ceil((b - a) / DEFAULT_STEP_SECONDS));
      const h = (b - a) / n;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const r = spec(a + (i + 0.5) * h);
        if (!(r >= 0) || !Number.isFinite(r)) throw new Error(`${where}: rate(${a + (i + 0.5) * h}) must be finite and >= 0, got ${r}`);
        sum += r * h;
      }
      return sum;
    };
  }
  if (spec && Array.isArray(spec.segments)) {
    const base = spec.base ?? 0;
    if (!(base >= 0) || !Number.isFinite(base)) throw new Error(`${where}: base rate must be finite and >= 0`);
    const segs = [...spec.segments].sort((x, y) => x.from - y.from);
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      if (!(s.from < s.to)) throw new Error(`${where}: segment from=${s.from} must be < to=${s.to}`);
      if (!(s.rate >= 0) || !Number.isFinite(s.rate)) throw new Error(`${where}: segment rate must be finite and >= 0`);
      if (i > 0 && segs[i - 1].to > s.from) throw new Error(`${where}: segments overlap at t=${s.from}`);
    }
    return (a, b) => {
      let sum = base * (b - a);
      for (const s of segs) {
        const lo = Math.max(a, s.from);
        const hi = Math.min(b, s.to);
        if (hi > lo) sum += (s.rate - base) * (hi - lo);
      }
      return sum;
    };
  }
  throw new Error(`${where}: unsupported rate spec`);
}

/**
 * Internal: a stateful generator that can be advanced to increasing relative
 * times and render the current sample lines. Used for the backfill and for the
 * live exporter that continues the same series after `now`.
 * @typedef {object} SeriesGenerator
 * @property {string} family
 * @property {'counter' | 'gauge' | 'histogram'} type
 * @property {number} seriesCount
 * @property {(t: number) => void} advance
 * @property {(suffix: string) => string} lines `suffix` is appended to each sample line (" <ts>\n" or "\n")
 * @property {number} until relative time of the last sample (Infinity: never stops)
 * @property {(t: number) => boolean} writes whether a sample is written at relative time `t` (`until`, `everySeconds`)
 */

/**
 * @param {SyntheticSeries} s
 * @param {number} t0 relative time of the first sample
 * @returns {SeriesGenerator}
 */
function makeGenerator(s, t0) {
  const generator = makeValueGenerator(s, t0);
  const until = s.until ?? Infinity;
  const every = s.everySeconds;
  if (every !== undefined && !(Number.isInteger(every) && every > 0)) throw new Error(`${seriesText(familyName(s), s.labels ?? {})}: everySeconds must be a positive integer`);
  return { ...generator, until, writes: (t) => t <= until && (every === undefined || t % every === 0) };
}

/**
 * @param {SyntheticSeries} s
 * @param {number} t0 relative time of the first sample
 * @returns {Omit<SeriesGenerator, 'writes' | 'until'>}
 */
function makeValueGenerator(s, t0) {
  const family = familyName(s);
  const labels = s.labels ?? {};
  const where = seriesText(family, labels);
  if (!METRIC_NAME.test(family)) throw new Error(`invalid metric name ${JSON.stringify(s.name)}`);
  for (const k of Object.keys(labels)) {
    if (!LABEL_NAME.test(k) || k.startsWith('__')) throw new Error(`${where}: invalid label name ${JSON.stringify(k)}`);
    if (s.type === 'histogram' && k === 'le') throw new Error(`${where}: histogram labels must not contain "le"`);
  }
  if (s.type === 'counter') {
    const integral = integrator(s.rate, where);
    const prefix = seriesText(`${family}_total`, labels) + ' ';
    const resets = [...(s.resetsAt ?? [])].sort((a, b) => a - b);
    let t = t0;
    let value = s.initial ?? 0;
    let ri = 0;
    while (ri < resets.length && resets[ri] <= t0) ri++;
    return {
      family,
      type: 'counter',
      seriesCount: 1,
      advance(t2) {
        if (t2 <= t) return;
        while (ri < resets.length && resets[ri] <= t2) {
          const r = resets[ri++];
          value += integral(t, r);
          value = 0;
          t = r;
        }
        value += integral(t, t2);
        t = t2;
      },
      lines: (suffix) => prefix + formatValue(value) + suffix,
    };
  }
  if (s.type === 'gauge') {
    const fn = typeof s.value === 'function' ? s.value : (/** @type {number} */ (v) => () => v)(s.value);
    const prefix = seriesText(family, labels) + ' ';
    let value = fn(t0);
    let t = t0;
    return {
      family,
      type: 'gauge',
      seriesCount: 1,
      advance(t2) {
        if (t2 <= t) return;
        t = t2;
        value = fn(t2);
      },
      lines: (suffix) => prefix + formatValue(value) + suffix,
    };
  }
  if (s.type === 'histogram') {
    const integral = integrator(s.rate, where);
    const bounds = s.buckets;
    if (!bounds.length) throw new Error(`${where}: histogram needs at least one finite bucket`);
    for (let i = 0; i < bounds.length; i++) {
      if (!Number.isFinite(bounds[i])) throw new Error(`${where}: bucket bounds must be finite (+Inf is implied)`);
      if (i > 0 && !(bounds[i] > bounds[i - 1])) throw new Error(`${where}: bucket bounds must be strictly increasing`);
    }
    const cumFn = typeof s.cumulative === 'function' ? s.cumulative : (/** @type {number[]} */ (c) => () => c)(s.cumulative);
    /** @param {number} tm */
    const cumAt = (tm) => {
      const c = cumFn(tm);
      if (c.length !== bounds.length) throw new Error(`${where}: cumulative has ${c.length} entries for ${bounds.length} buckets`);
      for (let i = 0; i < c.length; i++) {
        if (!(c[i] >= 0 && c[i] <= 1) || (i > 0 && c[i] < c[i - 1])) {
          throw new Error(`${where}: cumulative fractions must be non-decreasing within [0, 1], got ${JSON.stringify(c)} at t=${tm}`);
        }
      }
      return c;
    };
    /** @param {number} tm @param {number[]} c */
    const meanAt = (tm, c) => {
      if (typeof s.meanSeconds === 'number') return s.meanSeconds;
      if (typeof s.meanSeconds === 'function') return s.meanSeconds(tm);
      let mean = 0;
      let prevB = 0;
      let prevC = 0;
      for (let i = 0; i < bounds.length; i++) {
        mean += (c[i] - prevC) * ((prevB + bounds[i]) / 2);
        prevB = bounds[i];
        prevC = c[i];
      }
      return mean + (1 - prevC) * 2 * prevB;
    };
    const bucketPrefixes = [...bounds.map(String), '+Inf'].map((le) => seriesText(`${family}_bucket`, { ...labels, le }) + ' ');
    const countPrefix = seriesText(`${family}_count`, labels) + ' ';
    const sumPrefix = seriesText(`${family}_sum`, labels) + ' ';
    const values = new Array(bounds.length).fill(0);
    let count = 0;
    let sum = 0;
    let t = t0;
    return {
      family,
      type: 'histogram',
      seriesCount: bounds.length + 3,
      advance(t2) {
        if (t2 <= t) return;
        const dn = integral(t, t2);
        const tm = (t + t2) / 2;
        const c = cumAt(tm);
        for (let i = 0; i < values.length; i++) values[i] += dn * c[i];
        count += dn;
        sum += dn * meanAt(tm, c);
        t = t2;
      },
      lines(suffix) {
        let out = '';
        for (let i = 0; i < values.length; i++) out += bucketPrefixes[i] + formatValue(values[i]) + suffix;
        out += bucketPrefixes[values.length] + formatValue(count) + suffix;
        out += countPrefix + formatValue(count) + suffix;
        out += sumPrefix + formatValue(sum) + suffix;
        return out;
      },
    };
  }
  throw new Error(`unsupported series type ${JSON.stringify(/** @type {any} */ (s).type)}`);
}

/**
 * Groups series by family (families must be contiguous in OpenMetrics),
 * checking type consistency and duplicate label sets.
 * @param {SyntheticSeries[]} series
 * @returns {Map<string, SyntheticSeries[]>}
 */
function groupFamilies(series) {
  /** @type {Map<string, SyntheticSeries[]>} */
  const families = new Map();
  const seen = new Set();
  for (const s of series) {
    const fam = familyName(s);
    const group = families.get(fam) ?? [];
    if (group.length && group[0].type !== s.type) {
      throw new Error(`metric family ${fam} used as both ${group[0].type} and ${s.type}`);
    }
    const key = seriesText(fam, Object.fromEntries(Object.entries(s.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))));
    if (seen.has(key)) throw new Error(`duplicate series ${key}`);
    seen.add(key);
    group.push(s);
    families.set(fam, group);
  }
  return families;
}

/**
 * @param {HistoryOptions} [opts]
 */
function resolveHistory(opts = {}) {
  const stepSeconds = opts.stepSeconds ?? DEFAULT_STEP_SECONDS;
  if (!Number.isInteger(stepSeconds) || stepSeconds <= 0) throw new Error(`stepSeconds must be a positive integer`);
  const historySeconds = Math.ceil((opts.historySeconds ?? DEFAULT_HISTORY_SECONDS) / stepSeconds) * stepSeconds;
  const now = opts.now ?? Math.floor(Date.now() / 1000 / stepSeconds) * stepSeconds;
  if (!Number.isInteger(now)) throw new Error(`now must be integer unix seconds, got ${now}`);
  return { stepSeconds, historySeconds, now, start: now - historySeconds };
}

/**
 * Writes the history and returns stats plus the generators positioned at t = 0.
 * @param {string} file
 * @param {SyntheticSeries[]} series
 * @param {HistoryOptions} [opts]
 * @returns {Promise<{ stats: WriteStats; generators: SeriesGenerator[] }>}
 */
async function writeHistory(file, series, opts) {
  const { stepSeconds, historySeconds, now, start } = resolveHistory(opts);
  const families = groupFamilies(series);
  const steps = historySeconds / stepSeconds;
  // Validate everything (names, labels, rate specs) before touching the file.
  /** @type {Array<[string, SeriesGenerator[]]>} */
  const plan = [...families].map(([fam, group]) => [fam, group.map((s) => makeGenerator(s, -historySeconds))]);
  const out = fs.createWriteStream(file);
  const closed = once(out, 'close');
  closed.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile
  /** @type {unknown} */
  let streamError;
  out.on('error', (e) => {
    streamError = e;
  });
  let buf = '';
  let bytes = 0;
  /** @param {string} s */
  const write = async (s) => {
    buf += s;
    if (buf.length >= 1 << 20) {
      bytes += Buffer.byteLength(buf);
      const ok = out.write(buf);
      buf = '';
      if (streamError) throw streamError;
      if (!ok) await once(out, 'drain');
    }
  };
  const generators = plan.flatMap(([, gens]) => gens);
  let samples = 0;
  let seriesCount = 0;
  try {
    for (const [fam, gens] of plan) {
      await write(`# TYPE ${fam} ${gens[0].type}\n`);
      for (const g of gens) {
        seriesCount += g.seriesCount;
        for (let k = 0; k <= steps; k++) {
          const t = -historySeconds + k * stepSeconds;
          g.advance(t);
          if (!g.writes(t)) continue;
          await write(g.lines(` ${start + k * stepSeconds}\n`));
          samples += g.seriesCount;
        }
      }
    }
    await write('# EOF\n');
    bytes += Buffer.byteLength(buf);
    out.end(buf);
    await closed;
  } catch (e) {
    out.destroy();
    await closed.catch(() => undefined);
    await fsp.rm(file, { force: true });
    throw e;
  }
  if (streamError) throw streamError;
  return { stats: { now, start, stepSeconds, historySeconds, series: seriesCount, samples, bytes }, generators };
}

/**
 * Writes an OpenMetrics text file (as accepted by
 * `promtool tsdb create-blocks-from openmetrics`): one `# TYPE <family> <type>`
 * line per family (counter families without `_total`), the family's series
 * contiguous, each series' samples in ascending time with a timestamp in
 * integer unix seconds, terminated by `# EOF`.
 * @param {string} file
 * @param {SyntheticSeries[]} series
 * @param {HistoryOptions} [opts]
 * @returns {Promise<WriteStats>}
 */
export async function writeOpenMetrics(file, series, opts) {
  return (await writeHistory(file, series, opts)).stats;
}

// ---------------------------------------------------------------------------
// Locating / installing Prometheus
// ---------------------------------------------------------------------------

/**
 * @typedef {{ available: true; prometheus: string; promtool: string; version: string } | { available: false; reason: string }} PrometheusEnv
 */

/**
 * @typedef {object} EnsureOptions
 * @property {boolean} [install] try `apt-get install -y prometheus` when missing (root only); default true unless SLO_GATE_NO_APT is set
 * @property {number} [installTimeoutMs] overall bound for apt-get (update + install); default 300000
 * @property {(msg: string) => void} [log] progress messages; default: stderr
 */

/** @type {Promise<PrometheusEnv> | undefined} */
let ensured;

/**
 * Finds `prometheus` and `promtool` (env PROMETHEUS_BIN / PROMTOOL_BIN, then
 * /usr/bin, then PATH). If missing and we are root on a system with apt-get,
 * installs the Debian `prometheus` package (bounded by `installTimeoutMs`;
 * `apt-get update` is run and the install retried once if the first attempt
 * fails). Otherwise resolves to `{ available: false, reason }`; it never
 * rejects. Memoised per process (the options of the first call win).
 * Set SLO_GATE_SKIP_PROMETHEUS=1 to force "unavailable" (e.g. to check skips).
 * @param {EnsureOptions} [opts]
 * @returns {Promise<PrometheusEnv>}
 */
export function ensurePrometheus(opts = {}) {
  ensured ??= doEnsure(opts).catch((e) => ({ available: /** @type {const} */ (false), reason: `unexpected error: ${e instanceof Error ? e.message : String(e)}` }));
  return ensured;
}

/** @param {string} p */
function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** @param {string} name */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** @param {string} name @param {string | undefined} override */
function locate(name, override) {
  if (override) return isExecutable(override) ? override : undefined;
  const std = `/usr/bin/${name}`;
  return isExecutable(std) ? std : which(name);
}

function locateBoth() {
  const prometheus = locate('prometheus', process.env.PROMETHEUS_BIN);
  const promtool = locate('promtool', process.env.PROMTOOL_BIN);
  return prometheus && promtool ? { prometheus, promtool } : undefined;
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {number} timeoutMs
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ code: number | null; output: string; timedOut: boolean }>}
 */
function run(cmd, args, timeoutMs, env) {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    /** @param {Buffer} d */
    const collect = (d) => {
      output = (output + d.toString()).slice(-20000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, Math.max(1, timeoutMs));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, output: output + String(e), timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/** @param {string} s */
const tail = (s, n = 600) => s.trim().slice(-n).replace(/\s+/g, ' ');

/**
 * @param {{ prometheus: string; promtool: string }} bins
 * @returns {Promise<PrometheusEnv>}
 */
async function verify(bins) {
  const r = await run(bins.promtool, ['--version'], 20000);
  if (r.code !== 0) return { available: false, reason: `${bins.promtool} --version failed: ${tail(r.output)}` };
  const version = /version (\S+)/.exec(r.output)?.[1] ?? 'unknown';
  return { available: true, ...bins, version };
}

/**
 * @param {EnsureOptions} opts
 * @returns {Promise<PrometheusEnv>}
 */
async function doEnsure(opts) {
  const skip = process.env.SLO_GATE_SKIP_PROMETHEUS;
  if (skip && skip !== '0') return { available: false, reason: `disabled by SLO_GATE_SKIP_PROMETHEUS=${skip}` };
  for (const v of ['PROMETHEUS_BIN', 'PROMTOOL_BIN']) {
    const o = process.env[v];
    if (o && !isExecutable(o)) return { available: false, reason: `${v}=${o} is not an executable file` };
  }
  const found = locateBoth();
  if (found) return verify(found);
  const missing = 'prometheus/promtool not found in /usr/bin or PATH (or PROMETHEUS_BIN/PROMTOOL_BIN)';
  const install = opts.install ?? !process.env.SLO_GATE_NO_APT;
  if (!install) return { available: false, reason: `${missing}; auto-install disabled` };
  if (process.platform !== 'linux') return { available: false, reason: `${missing}; auto-install only on Linux` };
  if (process.getuid?.() !== 0) return { available: false, reason: `${missing}; not root, so not running apt-get (install with: sudo apt-get install -y prometheus)` };
  const aptGet = which('apt-get');
  if (!aptGet) return { available: false, reason: `${missing}; apt-get not available` };
  const log = opts.log ?? ((m) => process.stderr.write(`[prometheus-fixture] ${m}\n`));
  const deadline = Date.now() + (opts.installTimeoutMs ?? 300_000);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for a concurrent apt/dpkg (bounded by the deadline) instead of failing on the lock.
  const lockWait = ['-o', `DPkg::Lock::Timeout=${Math.floor((deadline - Date.now()) / 1000 / 2)}`];
  log(`installing prometheus with apt-get (bounded to ${Math.round((deadline - Date.now()) / 1000)} s)…`);
  let r = await run(aptGet, [...lockWait, 'install', '-y', '--no-install-recommends', 'prometheus'], deadline - Date.now(), env);
  if (r.code !== 0 && !r.timedOut && Date.now() < deadline) {
    log('apt-get install failed; running apt-get update and retrying…');
    const u = await run(aptGet, [...lockWait, 'update'], deadline - Date.now(), env);
    if (u.code === 0 && Date.now() < deadline) {
      r = await run(aptGet, [...lockWait, 'install', '-y', '--no-install-recommends', 'prometheus'], deadline - Date.now(), env);
    } else {
      r = u;
    }
  }
  const after = locateBoth();
  if (after) return verify(after);
  return {
    available: false,
    reason: `${missing}; apt-get install prometheus ${r.timedOut ? 'timed out' : r.code === 0 ? 'succeeded but the binaries are still missing' : `failed (exit ${r.code})`}: ${tail(r.output, 300)}`,
  };
}

// ---------------------------------------------------------------------------
// Running Prometheus
// ---------------------------------------------------------------------------

/**
 * @typedef {object} StartOptions
 * @property {SyntheticSeries[]} series
 * @property {number} [now] unix seconds of the last sample (default: wall clock rounded down to the step)
 * @property {number} [stepSeconds] default 60
 * @property {number} [historySeconds] default 31 days
 * @property {boolean | { scrapeIntervalSeconds?: number }} [live] keep the series going after `now`: a
 *   tiny exporter on 127.0.0.1 serves the continued values and Prometheus scrapes it (job/instance
 *   labels are dropped so the scraped series are the backfilled ones). Default false: no scrape targets.
 * @property {string} [maxBlockDuration] promtool `--max-block-duration`, default "240h"
 * @property {number} [readyTimeoutMs] default 30000
 * @property {string} [retention] default "90d"
 * @property {string} [tmpRoot] parent of the temporary directory (default os.tmpdir())
 * @property {number} [port] listen on 127.0.0.1:<port> instead of a free port (no retry if it is taken)
 */

/**
 * @typedef {object} QueryResultItem
 * @property {Labels} metric
 * @property {number} value
 */

/**
 * @typedef {object} RunningPrometheus
 * @property {string} url e.g. http://127.0.0.1:41234 (no trailing slash)
 * @property {number} port
 * @property {string} dir temporary root (config, data dir); removed by stop()
 * @property {string} dataDir TSDB directory
 * @property {number} now unix seconds of the last backfilled sample; query with `time=now` for exact answers
 * @property {number} stepSeconds
 * @property {number} historySeconds
 * @property {string} version
 * @property {WriteStats & { blocks: number }} stats
 * @property {{ writeMs: number; blocksMs: number; startupMs: number; totalMs: number }} timings
 * @property {string | undefined} exporterUrl live mode only
 * @property {(expr: string, time?: number) => Promise<QueryResultItem[]>} query instant query (default time: `now`); vector or scalar results
 * @property {() => string} logs last ~64 KiB of Prometheus output
 * @property {Promise<{ code: number | null; signal: string | null }>} exited resolves when the Prometheus process exits (also after stop())
 * @property {() => Promise<void>} stop kill Prometheus (SIGTERM, then SIGKILL after 5 s), stop the exporter, remove `dir`. Idempotent.
 */

/** @type {Set<() => void>} */
const exitCleanups = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const fn of exitCleanups) {
      try {
        fn();
      } catch {
        // best effort
      }
    }
  });
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Instant query against a Prometheus HTTP API.
 * @param {string} url base URL
 * @param {string} expr PromQL
 * @param {number} [time] unix seconds
 * @returns {Promise<QueryResultItem[]>}
 */
export async function queryPrometheus(url, expr, time) {
  const params = new URLSearchParams({ query: expr });
  if (time !== undefined) params.set('time', String(time));
  const res = await fetch(`${url}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: params.toString(),
  });
  /** @type {any} */
  const body = await res.json().catch(() => undefined);
  if (!res.ok || body?.status !== 'success') {
    throw new Error(`query ${JSON.stringify(expr)} failed: HTTP ${res.status} ${body?.errorType ?? ''} ${body?.error ?? ''}`.trim());
  }
  const { resultType, result } = body.data;
  if (resultType === 'scalar') return [{ metric: {}, value: Number(result[1]) }];
  if (resultType === 'vector') return result.map((/** @type {any} */ r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  throw new Error(`query ${JSON.stringify(expr)}: unsupported result type ${resultType}`);
}

/**
 * Starts a watchdog shell that kills Prometheus and removes `dir` if this Node
 * process dies without running its exit hooks (SIGKILL, worker termination).
 * @param {number} childPid
 * @param {string} dir
 */
function startWatchdog(childPid, dir) {
  if (process.platform === 'win32' || !fs.existsSync('/bin/sh')) return undefined;
  const script =
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ' +
    'if kill -0 "$2" 2>/dev/null; then kill -TERM "$2"; sleep 3; kill -KILL "$2" 2>/dev/null; fi; ' +
    'if ! kill -0 "$1" 2>/dev/null; then rm -rf -- "$3"; fi';
  const wd = spawn('/bin/sh', ['-c', script, 'prometheus-fixture-watchdog', String(process.pid), String(childPid), dir], {
    detached: true,
    stdio: 'ignore',
  });
  wd.unref();
  return wd;
}

/**
 * Starts a tiny OpenMetrics exporter that continues the generators in wall-clock time.
 * @param {SeriesGenerator[]} generators
 * @param {number} now
 * @returns {Promise<{ server: http.Server; url: string }>}
 */
async function startExporter(generators, now) {
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    const t = Date.now() / 1000 - now;
    let body = '';
    let fam = '';
    for (const g of generators) {
      g.advance(t);
      if (t > g.until) continue; // a stopped target stays stopped
      if (g.family !== fam) {
        fam = g.family;
        body += `# TYPE ${fam} ${g.type}\n`;
      }
      body += g.lines('\n');
    }
    body += '# EOF\n';
    res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { server, url: `http://127.0.0.1:${port}` };
}

/**
 * Generates the history, backfills it with promtool into a temporary TSDB and
 * starts Prometheus on 127.0.0.1:<free port>. Resolves once `/-/ready` is 200
 * and the last hour of the first series is queryable at `now`.
 * Throws (with the Prometheus log tail) if Prometheus is unavailable or fails.
 * @param {StartOptions} opts
 * @returns {Promise<RunningPrometheus>}
 */
export async function startPrometheus(opts) {
  const t0 = performance.now();
  const env = await ensurePrometheus();
  if (!env.available) throw new Error(`Prometheus is not available: ${env.reason}`);
  const dir = await fsp.mkdtemp(path.join(opts.tmpRoot ?? os.tmpdir(), 'slo-gate-prometheus-'));
  installExitHook();
  const rmDirSync = () => fs.rmSync(dir, { recursive: true, force: true });
  exitCleanups.add(rmDirSync);
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let watchdog;
  /** @type {http.Server | undefined} */
  let exporter;
  let logBuf = '';
  const killSync = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    exitCleanups.delete(killSync);
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (watchdog?.pid) {
      try {
        process.kill(-watchdog.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (exporter) await new Promise((r) => exporter?.close(() => r(undefined)));
    await fsp.rm(dir, { recursive: true, force: true });
    exitCleanups.delete(rmDirSync);
  };
  try {
    // 1. synthetic history
    const omFile = path.join(dir, 'history.om.txt');
    const { stats, generators } = await writeHistory(omFile, opts.series, opts);
    const { now, stepSeconds, historySeconds } = stats;
    const t1 = performance.now();

    // 2. backfill into TSDB blocks (large blocks: one pass over the file per block)
    const dataDir = path.join(dir, 'data');
    await fsp.mkdir(dataDir);
    let blocks = 0;
    if (stats.samples > 0) {
      const r = await run(
        env.promtool,
        ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', `--max-block-duration=${opts.maxBlockDuration ?? '240h'}`, omFile, dataDir],
        120_000,
      );
      if (r.code !== 0) throw new Error(`promtool create-blocks-from failed (exit ${r.code}${r.timedOut ? ', timed out' : ''}): ${tail(r.output, 2000)}`);
      blocks = (await fsp.readdir(dataDir)).filter((n) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(n)).length;
    }
    await fsp.rm(omFile, { force: true });
    const t2 = performance.now();

    // 3. Prometheus
    const live = opts.live ? (typeof opts.live === 'object' ? opts.live : {}) : undefined;
    let exporterUrl;
    if (live) {
      const ex = await startExporter(generators, now);
      exporter = ex.server;
      exporterUrl = ex.url;
    }
    const configFile = path.join(dir, 'prometheus.yml');
    const scrape = live
      ? [
          'scrape_configs:',
          '  - job_name: synthetic',
          `    scrape_interval: ${live.scrapeIntervalSeconds ?? 15}s`,
          '    honor_labels: true',
          '    static_configs:',
          `      - targets: ['${exporterUrl?.replace('http://', '')}']`,
          '    metric_relabel_configs:',
          '      - action: labeldrop',
          '        regex: job|instance',
        ]
      : ['scrape_configs: []'];
    await fsp.writeFile(configFile, ['global:', '  scrape_interval: 15s', '  evaluation_interval: 15s', ...scrape, ''].join('\n'));

    let port = 0;
    let url = '';
    for (let attempt = 1; ; attempt++) {
      port = opts.port ?? (await freePort());
      url = `http://127.0.0.1:${port}`;
      logBuf = '';
      child = spawn(
        env.prometheus,
        [
          `--config.file=${configFile}`,
          `--storage.tsdb.path=${dataDir}`,
          `--storage.tsdb.retention.time=${opts.retention ?? '90d'}`,
          `--web.listen-address=127.0.0.1:${port}`,
        ],
        // Own process group: a terminal Ctrl-C goes to us, not straight to
        // Prometheus, so stop() stays in charge of the shutdown order.
        { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
      );
      exitCleanups.add(killSync);
      /** @param {Buffer} d */
      const collect = (d) => {
        logBuf = (logBuf + d.toString()).slice(-65536);
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      if (child.pid) watchdog = startWatchdog(child.pid, dir);
      const ready = await waitReady(child, url, opts.readyTimeoutMs ?? 30_000);
      if (ready === 'ready') break;
      if (watchdog?.pid) {
        try {
          process.kill(-watchdog.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      if (ready === 'exited' && /address already in use/.test(logBuf) && attempt < 3 && opts.port === undefined) continue;
      killSync();
      throw new Error(`prometheus ${ready === 'exited' ? `exited (code ${child.exitCode})` : 'did not become ready'}: ${tail(logBuf, 3000)}`);
    }

    // 4. the backfilled blocks are queryable and the last hour is populated
    const running = child;
    /** @type {Promise<{ code: number | null; signal: string | null }>} */
    const exited =
      running.exitCode !== null || running.signalCode !== null
        ? Promise.resolve({ code: running.exitCode, signal: running.signalCode })
        : once(running, 'exit').then(([code, signal]) => ({ code, signal }));
    const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
    const first = opts.series.find((s) => s.type !== 'histogram') ?? opts.series[0];
    if (first) {
      const name = first.type === 'counter' ? `${familyName(first)}_total` : first.type === 'histogram' ? `${first.name}_count` : first.name;
      const sel = seriesText(name, first.labels ?? {});
      const want = Math.min(HOUR, historySeconds) / stepSeconds;
      for (;;) {
        const r = await queryPrometheus(url, `count_over_time(${sel}[1h])`, now).catch(() => []);
        if (r.length && r[0].value >= want) break;
        if (Date.now() > deadline) {
          throw new Error(`backfilled data not queryable: count_over_time(${sel}[1h]) @${now} = ${JSON.stringify(r)}; ${tail(logBuf, 2000)}`);
        }
        await sleep(100);
      }
    }
    const t3 = performance.now();
    return {
      url,
      port,
      dir,
      dataDir,
      now,
      stepSeconds,
      historySeconds,
      version: env.version,
      stats: { ...stats, blocks },
      timings: { writeMs: Math.round(t1 - t0), blocksMs: Math.round(t2 - t1), startupMs: Math.round(t3 - t2), totalMs: Math.round(t3 - t0) },
      exporterUrl,
      query: (expr, time = now) => queryPrometheus(url, expr, time),
      logs: () => logBuf,
      exited,
      stop,
    };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} url
 * @param {number} timeoutMs
 * @returns {Promise<'ready' | 'exited' | 'timeout'>}
 */
async function waitReady(child, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = child.exitCode !== null || child.signalCode !== null;
  child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) return 'exited';
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return 'ready';
    } catch {
      // not listening yet
    }
    await sleep(exited ? 0 : 100);
  }
  return exited ? 'exited' : 'timeout';
}

/**
 * Synchronous check used by tooling: are both binaries present right now?
 * (No install attempt, no memoisation.)
 * @returns {{ prometheus: string; promtool: string } | undefined}
 */
export function findPrometheusBinaries() {
  return locateBoth();
}
