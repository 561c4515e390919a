// Which selectors read a counter's raw value. Shared by promql/counter (rules) and
// dashboard/counter (panels) so both agree on what counts as a counter and as a safe use.
//
// Without the metric metadata of a live Prometheus, a counter is recognised by its name, which
// exporters do not always get right: the rules below keep to the names that are counters with
// little doubt, and leave out what the repository itself shows to be something else.

import type { Model, QueryField } from '../../model/types.js';
import type { SelectorFact } from '../../lang/promql/analyse.js';

// Functions that read a counter the way it is meant to be read: per-second rates and increases
// (which handle resets), or only whether and when samples exist.
const COUNTER_SAFE_FUNCTIONS = new Set([
  'rate', 'irate', 'increase', 'resets', 'changes',
  'absent', 'absent_over_time', 'present_over_time', 'count_over_time', 'timestamp',
  'histogram_count', 'histogram_sum', 'histogram_avg', 'histogram_fraction',
]);
// Aggregations that count series instead of adding up their values.
const COUNTING_AGGREGATIONS = new Set(['count', 'group', 'count_values']);

export interface RawCounterUse {
  selector: SelectorFact;
  metric: string;
  /** How the raw value is used, for the message: "compared", "aggregated with sum", "used". */
  how: string;
}

/**
 * Histogram and summary families the repository's queries show: `x` when `x_bucket` is read, or
 * both `x_sum` and `x_count`. A lone `pg_stat_activity_count` is a gauge that happens to end in
 * _count, and CloudWatch's `_sum` statistics are gauges too.
 */
export function histogramFamilies(model: Model): Set<string> {
  const names = new Set<string>();
  const add = (query: QueryField | undefined) => {
    for (const selector of query?.analysis.facts.selectors ?? []) if (selector.metric) names.add(selector.metric);
  };
  for (const rule of model.rules) add(rule.expr);
  for (const dashboard of model.dashboards) for (const panel of dashboard.panels) for (const target of panel.targets) add(target.expr);
  const families = new Set<string>();
  for (const name of names) {
    if (name.endsWith('_bucket')) families.add(name.slice(0, -'_bucket'.length));
    if (name.endsWith('_sum') && names.has(`${name.slice(0, -4)}_count`)) families.add(name.slice(0, -4));
  }
  return families;
}

/** By convention (OpenMetrics) counters end in _total, and histograms and summaries expose cumulative _bucket, _count and _sum. */
function isCounter(metric: string, families: Set<string>, query: QueryField): boolean {
  if (metric.endsWith('_bucket')) return true;
  const family = /^(.*)_(count|sum)$/.exec(metric);
  if (family) return families.has(family[1]);
  if (!metric.endsWith('_total')) return false;
  // `x_free / x_total`, `x_total - x_active`: a _total read beside its own breakdown is the
  // capacity of that breakdown, a gauge (container_fs_inodes_total, ceph_pg_total).
  const prefix = metric.slice(0, -'total'.length);
  return !query.analysis.facts.selectors.some((s) => s.metric !== undefined && s.metric !== metric && s.metric.startsWith(prefix) && !s.metric.endsWith('_total'));
}

/**
 * Counter selectors in `query` read without rate()/increase() or a counting wrapper, one per metric.
 * `isCounterMetric` decides what a counter is when something better than its name knows (a
 * backend's metadata); without it, or where it returns undefined, the name decides.
 */
export function rawCounterUses(query: QueryField, families: Set<string>, isCounterMetric?: (metric: string) => boolean | undefined): RawCounterUse[] {
  const facts = query.analysis.facts;
  const uses: RawCounterUse[] = [];
  const seen = new Set<string>();
  for (const selector of facts.selectors) {
    const metric = selector.metric;
    if (!metric || seen.has(metric) || !(isCounterMetric?.(metric) ?? isCounter(metric, families, query))) continue;
    if (selector.functions.some((fn) => COUNTER_SAFE_FUNCTIONS.has(fn))) continue;
    if (selector.aggregations.some((agg) => COUNTING_AGGREGATIONS.has(agg))) continue;
    seen.add(metric);
    const compared = facts.comparisons.some((c) => !c.bool && c.from <= selector.from && selector.to <= c.to);
    const how = compared ? 'compared' : selector.aggregations.length > 0 ? `aggregated with ${selector.aggregations[0]}` : 'used';
    uses.push({ selector, metric, how });
  }
  return uses;
}

export function rawCounterMessage(use: RawCounterUse): string {
  const advice = 'its value only grows and resets on restart, so it says nothing about now; use rate() or increase()';
  // _bucket, _count and _sum are counters when the repository reads the family as a histogram;
  // _total is only a naming convention, which gauges (inventory totals, capacities) break.
  if (use.metric.endsWith('_total')) return `${use.metric} is ${use.how} raw and its _total name says it is a counter (a guess from the name alone: no metric metadata is read): ${advice}`;
  return `counter ${use.metric} is ${use.how} raw: ${advice}`;
}
