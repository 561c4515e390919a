// The public shape of a PromQL analysis: errors with offsets, the facts later checks read, and
// the Prometheus feature flags that change what the parser accepts.

export interface QueryError {
  from: number;
  to: number;
  message: string;
}

export interface LabelMatcherFact {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

export interface SelectorFact {
  /** Metric name, from the bare name or a `__name__="..."` matcher; undefined when neither. */
  metric?: string;
  matchers: LabelMatcherFact[];
  /** Range in seconds for `x[5m]` (also the subquery range), undefined for an instant selector. */
  rangeSeconds?: number;
  /** Functions that enclose the selector, innermost first (`sum(rate(x[5m]))` → ['rate']; aggregations are not functions). */
  functions: string[];
  /** Aggregations that enclose the selector, innermost first (['sum']). */
  aggregations: string[];
  from: number;
  to: number;
}

export interface ComparisonFact {
  op: '>' | '<' | '>=' | '<=' | '==' | '!=';
  bool: boolean;
  /** The number literal on one side of the comparison, when one side is a plain number (after folding constants). */
  threshold?: number;
  /** Which side the threshold is on: 'right' for `x > 5`, 'left' for `5 < x`. */
  thresholdSide?: 'left' | 'right';
  /** When the other side is `expr * N` or `expr / N`, N is recorded: `* 1000 > 50` on seconds means 50 ms. */
  scale?: number;
  /** Whether `scale` multiplies (`expr * N`, `N * expr`) or divides (`expr / N`) the other side. */
  scaleOp?: '*' | '/';
  from: number;
  to: number;
}

export interface AggregationFact {
  op: string;
  by?: string[];
  without?: string[];
  from: number;
  to: number;
}

export interface QueryFacts {
  selectors: SelectorFact[];
  comparisons: ComparisonFact[];
  aggregations: AggregationFact[];
  /** Every function called, in source order (may repeat). */
  functions: string[];
  /** Every number literal in source order (after unary minus). */
  numbers: number[];
  /** Error budgets written as `(1 - 0.999)` or as a folded literal next to a division: [0.001]. */
  budgets: number[];
  /** `histogram_quantile(φ, ...)` calls: φ and the aggregation grouping of its argument. */
  histogramQuantiles: { quantile?: number; keepsLe: boolean; from: number; to: number }[];
}

export interface QueryAnalysis {
  errors: QueryError[];
  facts: QueryFacts;
}

export function emptyFacts(): QueryFacts {
  return { selectors: [], comparisons: [], aggregations: [], functions: [], numbers: [], budgets: [], histogramQuantiles: [] };
}

/** Prometheus feature flags that change what the parser accepts (all off by default, as in Prometheus). */
export interface AnalyseOptions {
  /** `--enable-feature=promql-experimental-functions`: sort_by_label, limitk, info, mad_over_time… */
  experimentalFunctions?: boolean;
  /** `--enable-feature=promql-duration-expr`: `x[5m + 1m]`, `x[step()]`, `offset min_of(…)`. */
  durationExpressions?: boolean;
  /** `--enable-feature=promql-extended-range-selectors`: `anchored`, `smoothed`. */
  extendedRangeSelectors?: boolean;
  /** `--enable-feature=promql-binop-fill-modifiers`: `fill(0)`, `fill_left(…)`, `fill_right(…)`. */
  binopFillModifiers?: boolean;
}
