// Every unit the product reads is parsed here and nowhere else: durations,
// latencies, and SLO targets written as a ratio or as a percent.

const DURATION_UNITS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

// Prometheus duration syntax: one or more <number><unit> parts, largest unit first ("1h30m").
const PROM_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const PROM_DURATION_ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/**
 * Seconds in a duration exactly as Prometheus' parser reads one ("5m", "1h30m", "30d"): no
 * surrounding space, no bare number. Undefined when it is not one.
 */
export function parsePromDuration(text: string): number | undefined {
  const match = PROM_DURATION.exec(text);
  if (!match) return undefined;
  let seconds = 0;
  let any = false;
  PROM_DURATION_ORDER.forEach((unit, index) => {
    const part = match[index + 1];
    if (part !== undefined) {
      any = true;
      seconds += Number(part) * DURATION_UNITS[unit];
    }
  });
  return any ? seconds : undefined;
}

/** Seconds in a Prometheus-style duration ("5m", "1h30m", "30d", "1w") as configuration writes one (spaces and "0" allowed), or undefined. */
export function parseDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  return parsePromDuration(trimmed);
}

/** A duration written as "1h", "90s" or a plain number of seconds (some formats allow both). */
export function parseDurationOrSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  return parseDuration(value);
}

/** The shortest Prometheus duration that names exactly these seconds ("1h30m", "50ms"). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds === 0) return '0s';
  let rest = Math.round(seconds * 1000);
  let out = '';
  // Weeks only when the span is whole weeks: periods read as "30d", not "4w2d".
  const units = rest % (DURATION_UNITS.w * 1000) === 0 ? ['w'] : ['d', 'h', 'm', 's', 'ms'];
  for (const unit of units) {
    const size = Math.round(DURATION_UNITS[unit] * 1000);
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}

/** A span in its largest whole unit ("30d", "6h", "90m", else seconds): the form every Prometheus-compatible backend accepts. */
export function formatDurationInOneUnit(seconds: number): string {
  for (const unit of ['d', 'h', 'm'] as const) if (seconds % DURATION_UNITS[unit] === 0) return `${seconds / DURATION_UNITS[unit]}${unit}`;
  return `${Math.max(1, Math.round(seconds))}s`;
}

/** A human reading of a long span: "50h", "2.1d", "26s". Rounded, for reports only. */
export function describeSpan(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  const abs = Math.abs(seconds);
  const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 1 : 0));
  if (abs < 1) return `${round(seconds * 1000)}ms`;
  if (abs < 120) return `${round(seconds)}s`;
  if (abs < 7200) return `${round(seconds / 60)}m`;
  if (abs < 3 * 86_400) return `${round(Math.round((seconds / 3600) * 10) / 10)}h`;
  return `${round(Math.round((seconds / 86_400) * 10) / 10)}d`;
}

const LATENCY = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ns|us|µs|ms|s|m)?\s*$/;
const LATENCY_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60 };

/**
 * Seconds in a latency such as "50ms", "0.5s" or a bare number.
 * A bare number is read in `bareUnit` (the field name says it: `p95_ms` is milliseconds).
 */
export function parseLatency(value: unknown, bareUnit: 'ms' | 's' = 's'): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * LATENCY_UNITS[bareUnit] : undefined;
  if (typeof value !== 'string') return undefined;
  const match = LATENCY.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * LATENCY_UNITS[match[2] ?? bareUnit];
}

/** "50ms", "1.5s": how a latency in seconds reads best. */
export function formatLatency(seconds: number): string {
  if (seconds < 1) return `${roundTo(seconds * 1000, 6)}ms`;
  return `${roundTo(seconds, 6)}s`;
}

export type TargetNotation = 'ratio' | 'percent';

/**
 * An SLO target as a ratio in (0, 1). `notation` says how the format writes it: Sloth, Pyrra, the
 * flat seed shape and OpenSLO's targetPercent use percent (99.9), the seed policy and OpenSLO's
 * target use a ratio (0.999). A percent string ("99.9%" or "99.9") is accepted for either.
 */
export function parseTarget(value: unknown, notation: TargetNotation): number | undefined {
  let number: number;
  let percent = notation === 'percent';
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.endsWith('%')) percent = true;
    number = Number(trimmed.replace(/%$/, ''));
    if (trimmed === '' || Number.isNaN(number)) return undefined;
  } else return undefined;
  if (!Number.isFinite(number)) return undefined;
  // 99.99 / 100 is 0.9998999999999999 in binary floats; 12 significant digits is more than any target needs.
  return percent ? Number((number / 100).toPrecision(12)) : number;
}

/** "99.9 %" for 0.999, without float noise. */
export function formatPercent(ratio: number, digits = 4): string {
  return `${roundTo(ratio * 100, digits)} %`;
}

/** Round away binary float noise (0.1 + 0.2) for display and comparison. */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Equal within a relative tolerance: generators print 0.001 as 0.0009999999999999432. */
export function nearlyEqual(a: number, b: number, relative = 1e-6): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
}

const SHORTHAND = /^\s*(\d+)\s*(m|h|d|w|M|Q|Y)\s*$/;
// Calendar units are read at their usual accounting length; calendar-aligned windows vary by a day or two.
const SHORTHAND_UNITS: Record<string, number> = { m: 60, h: 3600, d: 86_400, w: 604_800, M: 30 * 86_400, Q: 90 * 86_400, Y: 365 * 86_400 };

/** Seconds in an OpenSLO duration shorthand ("28d", "2w", "1M" = 30 days, "1Q", "1Y"); lower-case `m` is minutes. */
export function parseDurationShorthand(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = SHORTHAND.exec(text);
  return match ? Number(match[1]) * SHORTHAND_UNITS[match[2]] : undefined;
}

const UNIT_NAMES: Record<string, number> = { minute: 60, hour: 3600, day: 86_400, week: 604_800, month: 30 * 86_400, quarter: 90 * 86_400, year: 365 * 86_400 };

/** Seconds in a count of named units, as OpenSLO v1alpha writes periods: `{count: 30, unit: Day}`. */
export function parseCountUnit(count: unknown, unit: unknown): number | undefined {
  if (typeof count !== 'number' || !Number.isFinite(count) || count <= 0 || typeof unit !== 'string') return undefined;
  const size = UNIT_NAMES[unit.toLowerCase().replace(/s$/, '')];
  return size === undefined ? undefined : count * size;
}

/** Targets and latencies a free text states, such as a panel title "P95 Latency (50ms Target)" or "Availability (99.9% Target)". */
export function statedFigures(text: string | undefined): { percents: number[]; latencies: number[] } {
  const percents = [...(text ?? '').matchAll(/(\d+(?:\.\d+)?)\s*%/g)].map((m) => Number(m[1]));
  const latencies = [...(text ?? '').matchAll(/(\d+(?:\.\d+)?)\s*(ms|s)\b/g)].map((m) => parseLatency(`${m[1]}${m[2]}`)!).filter((v) => v !== undefined);
  return { percents, latencies };
}
