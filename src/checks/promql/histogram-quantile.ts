import type { ModelCheck } from '../check.js';
import type { QueryFacts } from '../../lang/promql/analyse.js';
import { queryPosition } from '../../model/placement.js';

// Aggregations that select series and keep their labels as they are.
const LABEL_KEEPING = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);

export const promqlHistogramQuantile: ModelCheck = {
  meta: {
    id: 'promql/histogram-quantile',
    severity: 'warning',
    kind: 'model',
    description: 'histogram_quantile() over _bucket series aggregated without keeping the le label, which returns no data.',
    docs: 'docs/checks/promql/histogram-quantile.md',
  },
  run({ model }, context) {
    for (const rule of model.rules) {
      const { errors, facts } = rule.expr.analysis;
      if (errors.length > 0) continue;
      for (const call of facts.histogramQuantiles) {
        if (!dropsLe(facts, call)) continue;
        context.report({
          file: rule.file,
          ...queryPosition(rule.expr, call.from),
          subject: `${rule.group}/${rule.name}`,
          message: `${rule.kind} "${rule.name}": histogram_quantile() gets buckets aggregated without le, so it has no buckets to interpolate and returns nothing; keep le in by (...)`,
        });
      }
    }
  },
};

/**
 * True when every classic `_bucket` selector inside the call loses `le` to an aggregation on its
 * way to histogram_quantile. Only aggregations that enclose the bucket selector count: in
 * `sum by (le) (rate(x_bucket[5m])) * on (job) group_left max by (job) (info)` the `max` does not.
 * Native histograms (no `_bucket`) have no le and are never reported.
 */
function dropsLe(facts: QueryFacts, call: { from: number; to: number }): boolean {
  const buckets = facts.selectors.filter((s) => s.from >= call.from && s.to <= call.to && s.metric?.endsWith('_bucket'));
  if (buckets.length === 0) return false;
  return buckets.every((bucket) =>
    facts.aggregations.some(
      (agg) =>
        agg.from >= call.from && agg.to <= call.to && agg.from <= bucket.from && bucket.to <= agg.to && !LABEL_KEEPING.has(agg.op) &&
        (agg.without ? agg.without.includes('le') : !(agg.by ?? []).includes('le')),
    ),
  );
}
