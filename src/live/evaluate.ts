// One SLO, measured: error ratio over its period, remaining budget, burn rate over each window,
// which burn-rate alerts would fire now, and the budget trend. Two requests per SLO:
//
//   1. a range query over the period in ≤ 200 steps, errors and total per step (tagged with a
//      label). Summed, the steps are the period's figures; accumulated, they are the burn-down.
//      Reading the period once serves both: it is the expensive part (30 days of samples).
//   2. an instant query carrying every burn-rate window, each tagged with a label.
//
// Arithmetic: src/model/burn-rate.ts.

import { budgetMinutes, errorBudget, slothWindows } from '../model/burn-rate.js';
import type { BurnWindow, Slo } from '../model/types.js';
import { PrometheusError, type PrometheusClient, type RangeSeries, type Sample } from './client.js';
import { type EventsPlan, type RatioPlan } from './queries.js';
import { formatDurationInOneUnit as promDuration } from '../model/units.js';
import type { LiveSloResult, LiveTrend, LiveWindow } from './types.js';

/** Most points a trend may have: enough for a chart, few enough for any backend's limits. */
export const MAX_TREND_POINTS = 200;
const WINDOW_LABEL = 'slo_gate_window';
const PART_LABEL = 'slo_gate_part';
const HINT = 'a wrong metric name or label is the usual cause';
const INFINITE = 'errors divided by a total of 0 (the total query misses requests the error query counts)';

export interface Measurable {
  slo: Slo & { target: number; periodSeconds: number };
  plan: EventsPlan | RatioPlan;
}

/** Measure one SLO at `time`. PrometheusError of kind 'unreachable' or 'budget' propagates. */
export async function evaluateSlo({ slo, plan }: Measurable, client: PrometheusClient, time: number): Promise<LiveSloResult> {
  const budget = errorBudget(slo.target);
  const period = slo.periodSeconds;
  const result: LiveSloResult = {
    ...identity(slo),
    status: 'ok',
    target: slo.target,
    periodSeconds: period,
    windows: [],
    notes: [...plan.notes],
  };
  if (slo.periodKind === 'calendar') result.notes.push('calendar period evaluated as a rolling window of the same length');
  if (slo.burnWindows.length === 0) result.notes.push(`no burn-rate windows declared: the default table for ${promDuration(period)} is used`);

  const steps = trendSteps(period);
  const step = promDuration(steps.seconds);
  result.query = plan.kind === 'ratio' ? plan.ratio(step) : `${tag(plan.errors(step), PART_LABEL, 'errors')} or ${tag(plan.total(step), PART_LABEL, 'total')}`;
  const start = time - (steps.count - 1) * steps.seconds;
  let series: RangeSeries[];
  try {
    series = await client.queryRange(result.query, start, time, steps.seconds);
  } catch (error) {
    return failed(result, error);
  }
  const times = Array.from({ length: steps.count }, (_, k) => start + k * steps.seconds);
  const measured = plan.kind === 'ratio' ? ratioTrend(plan, series, times, budget) : eventsTrend(plan, series, times, budget);
  if ('problem' in measured) {
    result.status = measured.problem.status;
    result.reason = measured.problem.reason;
    return result;
  }
  if (measured.emptyErrorQuery) result.emptyErrorQuery = measured.emptyErrorQuery;
  result.errorRatio = measured.errorRatio;
  result.budgetRemaining = 1 - measured.errorRatio / budget;
  result.budgetRemainingMinutes = result.budgetRemaining * budgetMinutes(slo.target, period);
  result.trend = { stepSeconds: steps.seconds, points: [{ time: time - steps.count * steps.seconds, remaining: 1 }, ...measured.points] };

  const windows = declaredWindows(slo);
  const seconds = [...new Set(windows.flatMap((w) => (w.shortSeconds ? [w.longSeconds, w.shortSeconds] : [w.longSeconds])))];
  let samples: Sample[] = [];
  if (seconds.length) {
    try {
      samples = await client.query(seconds.map((s) => tag(windowRatio(plan, promDuration(s)), WINDOW_LABEL, String(s))).join(' or '), time);
    } catch (error) {
      return failed(result, error);
    }
  }
  // NaN over a window is 0/0: no events in it, so no burn rate. ±Inf is errors over a total of 0.
  const infinite = samples.find((sample) => sample.value === Infinity || sample.value === -Infinity);
  if (infinite) {
    result.status = 'failed';
    result.reason = `the error ratio over the ${promDuration(Number(infinite.labels[WINDOW_LABEL]))} window is ${infinite.value > 0 ? '+Inf' : '-Inf'}: ${INFINITE}`;
    return result;
  }
  const ratioOver = (s: number): number | undefined => {
    const value = samples.find((sample) => Number(sample.labels[WINDOW_LABEL]) === s)?.value;
    return value === undefined || Number.isNaN(value) ? undefined : value;
  };
  result.windows = windows.map((w): LiveWindow => {
    const burn = (s: number | undefined) => {
      const ratio = s === undefined ? undefined : ratioOver(s);
      return ratio === undefined ? undefined : ratio / budget;
    };
    const burnRate = burn(w.longSeconds);
    const shortBurnRate = burn(w.shortSeconds);
    const over = (rate: number | undefined) => rate !== undefined && w.factor !== undefined && rate > w.factor;
    return {
      longSeconds: w.longSeconds,
      shortSeconds: w.shortSeconds,
      factor: w.factor,
      severity: w.severity,
      page: isPage(w),
      source: w.source,
      burnRate,
      shortBurnRate,
      firing: over(burnRate) && (w.shortSeconds === undefined || over(shortBurnRate)),
    };
  });
  if (result.budgetRemaining <= 0) result.status = 'exhausted';
  else if (result.windows.some((w) => w.firing)) result.status = 'burning';
  return result;
}

export function identity(slo: Slo): Pick<LiveSloResult, 'key' | 'name' | 'file' | 'line'> {
  return { key: slo.key, name: slo.name, file: slo.file, line: slo.position.line };
}

/** The SLO's own windows; without any, the multiwindow table for its period (SRE workbook at 30 d). */
export function declaredWindows(slo: Slo & { periodSeconds: number }): BurnWindow[] {
  if (slo.burnWindows.length) return [...slo.burnWindows].sort((a, b) => a.longSeconds - b.longSeconds);
  return slothWindows(slo.periodSeconds).map((w) => ({ ...w, source: 'default' as const }));
}

/**
 * Page-level windows are the ones that wake someone. Severity names vary (Sloth "page",
 * Prometheus rules "critical"); an unnamed window pages when it is a fast one (factor ≥ 6, the
 * workbook's page threshold for 30 days).
 */
export function isPage(window: BurnWindow): boolean {
  if (window.severity) return /^(page|critical|p[01]|high|urgent)$/i.test(window.severity);
  return window.factor !== undefined && window.factor >= 6;
}

/**
 * Steps that tile the period exactly, at most MAX_TREND_POINTS of them, each a whole number of
 * minutes where the period allows (30 d: 200 × 216 min; 28 d: 192 × 210 min).
 */
export function trendSteps(period: number): { count: number; seconds: number } {
  const unit = period % 60 === 0 ? 60 : 1;
  const units = period / unit;
  for (let count = Math.min(MAX_TREND_POINTS, units); count >= 1; count--) if (units % count === 0) return { count, seconds: (units / count) * unit };
  return { count: 1, seconds: period };
}

type Measured = { errorRatio: number; points: LiveTrend['points']; emptyErrorQuery?: string } | { problem: { status: 'no-data' | 'failed'; reason: string } };

/** Event-weighted: errors so far ÷ (budget × all events of the period). */
function eventsTrend(plan: EventsPlan, series: RangeSeries[], times: number[], budget: number): Measured {
  const part = (name: string) => series.filter((s) => s.labels[PART_LABEL] === name);
  const errors = part('errors');
  const total = part('total');
  const window = `the ${describeSteps(times)}`;
  if (errors.length > 1 || total.length > 1) return tooMany(Math.max(errors.length, total.length), errors.length > 1 ? plan.errorsQuery : plan.totalQuery);
  if (total.length === 0) return { problem: { status: 'no-data', reason: `the total query returns no series over ${window} (${HINT}): ${plan.totalQuery}` } };
  if (errors.length === 0 && !plan.missingErrorsAreZero) return { problem: { status: 'no-data', reason: `the good-events query returns no series over ${window} (${HINT}): ${plan.errorsQuery}` } };
  // Event counts are never NaN or infinite; when one is, the query divides somewhere, and no figure built on it means anything.
  for (const [what, s, query] of [
    ['total', total[0], plan.totalQuery],
    ['good-events', errors[0], plan.errorsQuery],
  ] as const) {
    const odd = notFinite(s);
    if (odd) return { problem: { status: 'failed', reason: `the ${what} query returns ${odd} where a count of events is needed: ${query}` } };
  }
  const byTime = (s: RangeSeries | undefined) => new Map((s?.points ?? []).map(([t, v]) => [Math.round(t), v]));
  const bad = byTime(errors[0]);
  const all = byTime(total[0]);
  const events = [...all.values()].reduce((sum, v) => sum + v, 0);
  if (!(events > 0)) return { problem: { status: 'no-data', reason: `no events over ${window}: the total query counts 0 (${plan.totalQuery})` } };
  let spent = 0;
  const points = times.map((t) => {
    spent += bad.get(Math.round(t)) ?? 0;
    return { time: t, remaining: 1 - spent / (budget * events) };
  });
  return { errorRatio: spent / events, points, ...(errors.length === 0 ? { emptyErrorQuery: plan.errorsQuery } : {}) };
}

/** Time-weighted: each step's error ratio counts for its share of the period (as Sloth's own period figure does). */
function ratioTrend(plan: RatioPlan, series: RangeSeries[], times: number[], budget: number): Measured {
  if (series.length > 1) return tooMany(series.length, plan.ratioQuery);
  const steps = series[0]?.points ?? [];
  const infinite = steps.filter(([, v]) => v === Infinity || v === -Infinity).length;
  if (infinite) return { problem: { status: 'failed', reason: `the error-ratio query returns ±Inf at ${infinite} of ${steps.length} step(s): ${INFINITE}: ${plan.ratioQuery}` } };
  // A NaN step is 0/0: no requests in it. It does not count, as a step without a value does not.
  const values = new Map(steps.filter(([, v]) => !Number.isNaN(v)).map(([t, v]) => [Math.round(t), v]));
  if (values.size === 0 && steps.length > 0) {
    return { problem: { status: 'no-data', reason: `the error-ratio query returns NaN (0/0: no requests counted) at every step over the ${describeSteps(times)}: ${plan.ratioQuery}` } };
  }
  if (values.size === 0) return { problem: { status: 'no-data', reason: `the error-ratio query returns no series over the ${describeSteps(times)} (${HINT}): ${plan.ratioQuery}` } };
  // Steps without a value (no traffic) do not count: the ratio is averaged over the steps that have one.
  const share = 1 / values.size;
  let spent = 0;
  const points = times.map((t) => {
    spent += (values.get(Math.round(t)) ?? 0) * share;
    return { time: t, remaining: 1 - spent / budget };
  });
  return { errorRatio: spent, points };
}

/** "NaN at 3 of 200 steps" (and ±Inf), or undefined when every value is a number. */
function notFinite(series: RangeSeries | undefined): string | undefined {
  const points = series?.points ?? [];
  const count = (test: (v: number) => boolean) => points.filter(([, v]) => test(v)).length;
  const parts = [
    [count(Number.isNaN), 'NaN'],
    [count((v) => v === Infinity), '+Inf'],
    [count((v) => v === -Infinity), '-Inf'],
  ] as const;
  const found = parts.filter(([n]) => n > 0).map(([n, name]) => `${name} at ${n} of ${points.length} step(s)`);
  return found.length ? found.join(' and ') : undefined;
}

function tooMany(count: number, query: string): Measured {
  return { problem: { status: 'failed', reason: `the SLI returns ${count} series where one is needed (aggregate it, e.g. with sum()): ${query}` } };
}

function describeSteps(times: number[]): string {
  const span = times.length > 1 ? (times[1] - times[0]) * times.length : 0;
  return `${promDuration(span)} period`;
}

/** The error ratio over a burn-rate window. A missing error series there only means no errors yet. */
function windowRatio(plan: EventsPlan | RatioPlan, window: string): string {
  if (plan.kind === 'ratio') return plan.ratio(window);
  const errors = `(${plan.errors(window)})`;
  const tolerant = plan.missingErrorsAreZero ? `(${errors} or (${plan.total(window)}) * 0)` : errors;
  return `(${tolerant}) / (${plan.total(window)})`;
}

function tag(query: string, label: string, value: string): string {
  return `label_replace(${query}, "${label}", "${value}", "", "")`;
}

function failed(result: LiveSloResult, error: unknown): LiveSloResult {
  if (error instanceof PrometheusError && error.kind === 'query') {
    result.status = 'failed';
    result.reason = error.message;
    return result;
  }
  throw error;
}
