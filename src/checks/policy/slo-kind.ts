// What an SLO promises, told from how its indicator is written: availability (good or failed
// requests), latency (requests faster than a threshold) or something else. Generator formats
// (Sloth, OpenSLO, Pyrra, slo-generator) write every SLI as a ratio of queries, so a ratio is
// availability unless the SLI marks it as latency: a latency indicator, a histogram bucket
// selected by `le` (or VictoriaMetrics' `vmrange`) in its queries, or an OpenSLO threshold metric.

import { analyseQuery } from '../../lang/promql/analyse.js';
import { withWindow } from '../../formats/sli.js';
import type { Slo } from '../../model/types.js';

export type SloKind = 'availability' | 'latency' | 'throughput' | 'unknown';

export function sloKind(slo: Slo): SloKind {
  const { indicator } = slo;
  switch (indicator.type) {
    case 'availability':
    case 'error-rate':
      return 'availability';
    case 'latency':
      return 'latency';
    case 'throughput':
      return 'throughput';
    case 'ratio':
      return readsLatencyBuckets([indicator.goodQuery, indicator.errorQuery, indicator.totalQuery, indicator.errorRatioQuery]) ? 'latency' : 'availability';
    default:
      return indicator.declaredType === 'thresholdMetric' ? 'latency' : 'unknown';
  }
}

// Prometheus histograms name a bucket by `le`; VictoriaMetrics histograms by `vmrange`.
const BUCKET_LABELS = new Set(['le', 'vmrange']);

/** A query that selects histogram buckets by their bound counts requests under a latency threshold. */
function readsLatencyBuckets(queries: (string | undefined)[]): boolean {
  return queries.some(
    (query) => query !== undefined && analyseQuery(withWindow(query)).facts.selectors.some((selector) => selector.matchers.some((matcher) => BUCKET_LABELS.has(matcher.label))),
  );
}
