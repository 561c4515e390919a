import type { LiveCheck } from '../check.js';
import { histogramFamilies, rawCounterUses } from '../promql/counters.js';
import type { MetricType, RuleMeasurements } from '../../live/measure-rules.js';
import { queryPosition } from '../../model/placement.js';
import type { Rule } from '../../model/types.js';
import { weigh } from './rule-input.js';

// rate() reads every drop of its input as a counter reset: over a gauge it adds up noise.
const RATE_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'resets']);
const HISTOGRAM_TYPES = new Set(['histogram', 'gaugehistogram']);

export const liveMetricType: LiveCheck = {
  meta: {
    id: 'live/metric-type',
    severity: 'warning',
    kind: 'live',
    description: 'The backend declares a metric a type the query misreads: rate() over a gauge, a counter compared raw, histogram_quantile() over a non-histogram.',
    docs: 'docs/checks/live/metric-type.md',
    gates: 'always',
  },
  run(input, context) {
    const measured = input.summary.rules;
    if (!measured) return;
    const severity = weigh(liveMetricType.meta.severity, input.settings.failOn);
    const unavailable = measured.unavailable.get('metadata');
    if (unavailable) {
      context.report({ file: '', severity: 'notice', subject: 'metadata', message: `Metric types not checked against the backend's metadata: ${unavailable}; promql/counter keeps its name-based findings.` });
    }
    const model = input.linked.model;
    const families = histogramFamilies(model);
    for (const rule of model.rules) {
      if (rule.expr.analysis.errors.length > 0) continue;
      const at = (from: number, metric: string) => ({ file: rule.file, ...queryPosition(rule.expr, from), subject: `${rule.group}/${rule.name}/${metric}` });
      const who = `${rule.kind} "${rule.name}"`;
      const reported = new Set<string>();
      for (const selector of rule.expr.analysis.facts.selectors) {
        const metric = selector.metric;
        const known = metric !== undefined ? measured.types.get(metric) : undefined;
        if (!metric || !known) continue;
        const fn = selector.functions[0];
        if (fn && RATE_FUNCTIONS.has(fn) && known.type === 'gauge' && !reported.has(`rate ${metric}`)) {
          reported.add(`rate ${metric}`);
          context.report({ ...at(selector.from, metric), severity, message: `${who}: ${fn}() over ${metric}, which the backend declares a gauge: a gauge goes down as well as up and ${fn}() reads every drop as a counter reset; use deriv() or delta() for its change` });
        }
        if (selector.functions.includes('histogram_quantile') && !isHistogramSeries(metric, known) && !reported.has(`quantile ${metric}`)) {
          reported.add(`quantile ${metric}`);
          const what = known.family ? `the ${known.family} family is declared a ${known.type}` : `the backend declares it a ${known.type}`;
          context.report({ ...at(selector.from, metric), severity, message: `${who}: histogram_quantile() over ${metric}, but ${what}: there are no cumulative buckets to interpolate, so the result means nothing` });
        }
      }
      for (const use of rawCounterUses(rule.expr, families, (metric) => counterLike(metric, measured.types.get(metric)) ?? false)) {
        const declared = describeType(use.metric, measured.types.get(use.metric)!);
        context.report({ ...at(use.selector.from, use.metric), severity, message: `${who}: ${use.metric} is ${use.how} raw, and the backend declares ${declared}: its value only grows and resets on restart, so it says nothing about now; use rate() or increase()` });
      }
    }
  },
};

/**
 * The promql/counter findings this check replaces: where the backend knows a metric's type, its
 * name no longer decides (the finding is this check's, or there is none).
 */
export function metricTypeSupersedes(measured: RuleMeasurements | undefined, rules: readonly Rule[]): { check: string; file: string; subject: string }[] {
  if (!measured) return [];
  const out: { check: string; file: string; subject: string }[] = [];
  for (const rule of rules) {
    for (const selector of rule.expr.analysis.facts.selectors) {
      if (selector.metric && measured.types.has(selector.metric)) out.push({ check: 'promql/counter', file: rule.file, subject: `${rule.group}/${rule.name}/${selector.metric}` });
    }
  }
  return out;
}

/** Counter-like by declaration: a counter, or the cumulative parts of a histogram or summary. Undefined when unknown. */
function counterLike(metric: string, known: MetricType | undefined): boolean | undefined {
  if (!known) return undefined;
  if (!known.family) return known.type === 'counter';
  const suffix = metric.slice(known.family.length + 1);
  if (known.type === 'counter') return suffix === 'total';
  if (known.type === 'histogram' || known.type === 'summary') return suffix === 'bucket' || suffix === 'count' || suffix === 'sum';
  return false;
}

function isHistogramSeries(metric: string, known: MetricType): boolean {
  if (!HISTOGRAM_TYPES.has(known.type)) return false;
  // A native histogram is the family itself; a classic one is read through its _bucket series.
  return known.family ? metric === `${known.family}_bucket` : true;
}

function describeType(metric: string, known: MetricType): string {
  return known.family ? `${known.family} a ${known.type}` : `${metric} a ${known.type}`;
}
