// VictoriaMetrics' vmalert reads the same rule-file format with MetricsQL, a superset of PromQL.
// A rule file written for it is recognised by what only MetricsQL has, so its queries are not
// reported as broken PromQL, only as not portable to Prometheus.

import type { Rule } from '../../model/types.js';

// MetricsQL functions Prometheus does not have (docs.victoriametrics.com/metricsql), and the
// `vmrange` bucket label of VictoriaMetrics histograms.
const METRICSQL_ONLY = new RegExp(
  '\\b(' +
    [
      'histogram_share', 'histogram_over_time', 'histogram_avg_over_time', 'prometheus_buckets', 'buckets_limit',
      'rollup', 'rollup_rate', 'rollup_increase', 'rollup_delta', 'rollup_deriv', 'rollup_scrape_interval', 'rollup_candlestick',
      'range_avg', 'range_max', 'range_min', 'range_sum', 'range_first', 'range_last', 'range_median', 'range_quantile',
      'label_set', 'label_del', 'label_keep', 'label_map', 'label_copy', 'label_move', 'label_transform', 'label_value', 'label_match', 'label_mismatch', 'label_uppercase', 'label_lowercase',
      'aggr_over_time', 'median_over_time', 'mode_over_time', 'share_gt_over_time', 'share_le_over_time', 'share_eq_over_time',
      'count_eq_over_time', 'count_gt_over_time', 'count_le_over_time', 'count_ne_over_time', 'distinct_over_time', 'increases_over_time', 'decreases_over_time',
      'tfirst_over_time', 'tlast_over_time', 'tlast_change_over_time', 'tmax_over_time', 'tmin_over_time', 'duration_over_time', 'lag', 'lifetime',
      'increase_pure', 'increase_prometheus', 'rate_over_sum', 'running_sum', 'running_avg', 'running_max', 'running_min', 'remove_resets',
      'keep_last_value', 'keep_next_value', 'interpolate', 'limit_offset', 'outliersk', 'outliers_mad', 'outliers_iqr', 'any', 'distinct', 'geomean', 'zscore', 'zscore_over_time', 'ideriv', 'integrate', 'union',
    ].join('|') +
    ')\\s*\\(|\\bvmrange\\b|^\\s*WITH\\s*\\(',
);

export function metricsqlHint(text: string): string | undefined {
  return METRICSQL_ONLY.exec(text)?.[0].replace(/\s*\($/, '').trim();
}

/** Files whose rules use MetricsQL, with the first construct that gives it away. */
export function metricsqlFiles(rules: readonly Rule[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of rules) {
    if (files.has(rule.file) || rule.expr.analysis.errors.length === 0) continue;
    const hint = metricsqlHint(rule.expr.text);
    if (hint) files.set(rule.file, hint);
  }
  return files;
}
