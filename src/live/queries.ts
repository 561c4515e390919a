// SLI → PromQL. Each SLO's indicator becomes a plan that can write its error ratio over any
// window, so the server computes every figure (we never pull raw samples):
//
//   events  error/total (Sloth events, Pyrra ratio): errors(w) / total(w)
//           good/total (OpenSLO good, Pyrra latency):  (total(w) - good(w)) / total(w)
//           latency from a histogram:                  good = _bucket{le="<threshold>"}, total = _count
//   ratio   a query that is the error ratio itself (Sloth raw error_ratio_query)
//
// A query is put over a window in one of three ways: Sloth's `{{.window}}` placeholder is
// substituted; a bare selector (Pyrra's `http_requests_total{code=~"5.."}`) is wrapped in
// sum(increase(…[w])); any other expression (OpenSLO's `sum(rate(x[5m]))`) is averaged over the
// window with a subquery, which is an approximation and is said so.

import type { Slo } from '../model/types.js';
import { formatDurationInOneUnit, parseDuration } from '../model/units.js';

export interface EventsPlan {
  kind: 'events';
  /** PromQL counting bad events over `window` (a Prometheus duration such as "5m"). */
  errors(window: string): string;
  total(window: string): string;
  /**
   * True when `errors` is the author's own query: a counter with no 5xx series yet is normal
   * (client libraries create a label set on its first event), so a missing series is 0 errors.
   * False when errors are derived from a good-events query, where a missing series is a fault.
   */
  missingErrorsAreZero: boolean;
  /** What to name when the SLI returns nothing. */
  errorsQuery: string;
  totalQuery: string;
  notes: string[];
}

export interface RatioPlan {
  kind: 'ratio';
  ratio(window: string): string;
  ratioQuery: string;
  notes: string[];
}

export type SliPlan = EventsPlan | RatioPlan | { kind: 'unmeasurable'; reason: string };

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/;
// A metric name with optional matchers, or matchers alone: nothing to aggregate or window yet.
const BARE_SELECTOR = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*(?:\{((?:[^{}"]|"(?:[^"\\]|\\.)*")*)\})?\s*$/;

export function planSli(slo: Slo): SliPlan {
  const { errorQuery, goodQuery, totalQuery, errorRatioQuery, type, thresholdSeconds, metrics } = slo.indicator;
  const notes: string[] = [];
  const over = (query: string) => (window: string) => windowed(query, window, notes);
  if (errorRatioQuery) {
    // A ratio averages per unit of time, not per request: a quiet hour weighs as much as a busy one.
    notes.push('error-ratio SLI: the budget is averaged per unit of time, not per request');
    return { kind: 'ratio', ratio: over(errorRatioQuery), ratioQuery: errorRatioQuery, notes };
  }
  if (slo.indicator.declaredType === 'latencyNative' && totalQuery && thresholdSeconds !== undefined) return nativeLatencyPlan(totalQuery, thresholdSeconds);
  if (slo.indicator.declaredType === 'bool_gauge' && goodQuery) {
    // A 0/1 gauge of "good right now": the error ratio is the share of time it was 0.
    return { kind: 'ratio', ratio: (w) => `1 - avg(avg_over_time(${goodQuery.trim()}[${w}]))`, ratioQuery: goodQuery, notes: ['boolean gauge SLI: the budget is averaged per unit of time'] };
  }
  if (errorQuery && totalQuery) {
    return { kind: 'events', errors: over(errorQuery), total: over(totalQuery), missingErrorsAreZero: true, errorsQuery: errorQuery, totalQuery, notes };
  }
  if (goodQuery && totalQuery) {
    const good = over(goodQuery);
    const total = over(totalQuery);
    return { kind: 'events', errors: (w) => `(${total(w)} - ${good(w)})`, total, missingErrorsAreZero: false, errorsQuery: goodQuery, totalQuery, notes };
  }
  if (type === 'latency' && thresholdSeconds !== undefined) {
    const histogram = histogramSelector(totalQuery, metrics);
    if (histogram) return latencyPlan(histogram.name, histogram.matchers, thresholdSeconds);
    return { kind: 'unmeasurable', reason: 'latency SLI names no histogram metric (a `_bucket` series) to read the threshold from' };
  }
  if (errorQuery) return { kind: 'unmeasurable', reason: 'the SLI has an error query but no total query' };
  if (slo.indicator.declaredType === 'thresholdMetric') return { kind: 'unmeasurable', reason: 'threshold-metric SLIs are not measured live (only ratio SLIs)' };
  if (goodQuery) return { kind: 'unmeasurable', reason: 'the SLI has a good-events query but no total query' };
  if (type === 'latency') return { kind: 'unmeasurable', reason: 'latency SLI without a threshold' };
  return { kind: 'unmeasurable', reason: `the SLO declares no SLI query (indicator "${slo.indicator.declaredType ?? type}" has no error/total, good/total or error-ratio query)` };
}

/** Share of requests slower than the threshold, from a classic histogram's cumulative buckets. */
export function latencyPlan(metric: string, matchers: string, thresholdSeconds: number): EventsPlan {
  const base = metric.replace(/_(bucket|count|sum)$/, '');
  const braces = (...parts: string[]) => {
    const inner = [matchers.trim(), ...parts].filter(Boolean).join(', ');
    return inner ? `{${inner}}` : '';
  };
  const good = `${base}_bucket${braces(leMatcher(thresholdSeconds))}`;
  const total = `${base}_count${braces()}`;
  const sumIncrease = (selector: string) => (window: string) => `sum(increase(${selector}[${window}]))`;
  const goodOver = sumIncrease(good);
  const totalOver = sumIncrease(total);
  return {
    kind: 'events',
    errors: (w) => `(${totalOver(w)} - ${goodOver(w)})`,
    total: totalOver,
    missingErrorsAreZero: false,
    errorsQuery: good,
    totalQuery: total,
    notes: [],
  };
}

/** Native histograms (Pyrra latencyNative): the share under the threshold is histogram_fraction. */
export function nativeLatencyPlan(selector: string, thresholdSeconds: number): EventsPlan {
  const sum = (w: string) => `sum(increase(${selector.trim()}[${w}]))`;
  return {
    kind: 'events',
    errors: (w) => `(histogram_count(${sum(w)}) * (1 - histogram_fraction(0, ${thresholdSeconds}, ${sum(w)})))`,
    total: (w) => `histogram_count(${sum(w)})`,
    missingErrorsAreZero: false,
    errorsQuery: selector,
    totalQuery: selector,
    notes: [],
  };
}

/**
 * Bucket bounds are label strings, and client libraries print whole numbers differently
 * (Go "1", Python "1.0"), so a whole-second threshold matches both spellings.
 */
export function leMatcher(thresholdSeconds: number): string {
  const text = String(thresholdSeconds);
  if (Number.isInteger(thresholdSeconds)) return `le=~"${text}|${text}\\\\.0"`;
  return `le="${text}"`;
}

/** `query` evaluated over `window`; pushes a note when only an approximation is possible. */
export function windowed(query: string, window: string, notes: string[] = []): string {
  const trimmed = query.trim();
  if (WINDOW_PLACEHOLDER.test(trimmed)) return trimmed.replace(new RegExp(WINDOW_PLACEHOLDER, 'g'), window);
  if (isBareSelector(trimmed)) return `sum(increase(${trimmed}[${window}]))`;
  const note = 'query has no {{.window}} placeholder: averaged over each window with a subquery (approximate)';
  if (!notes.includes(note)) notes.push(note);
  return `avg_over_time((${trimmed})[${window}:${subqueryResolution(window)}])`;
}

export function isBareSelector(query: string): boolean {
  const match = BARE_SELECTOR.exec(query);
  return match !== null && (match[1] !== undefined || match[2] !== undefined);
}

/** About 500 evaluations per window, and never finer than a minute: enough for an average. */
function subqueryResolution(window: string): string {
  const seconds = parseDuration(window) ?? 0;
  return formatDurationInOneUnit(Math.max(60, Math.ceil(seconds / 500 / 60) * 60));
}

function histogramSelector(totalQuery: string | undefined, metrics: string[]): { name: string; matchers: string } | undefined {
  if (totalQuery) {
    const match = BARE_SELECTOR.exec(totalQuery.trim());
    if (match?.[1]) return { name: match[1], matchers: match[2] ?? '' };
    return undefined;
  }
  const bucket = metrics.find((name) => name.endsWith('_bucket'));
  return bucket ? { name: bucket, matchers: '' } : undefined;
}
