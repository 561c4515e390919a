// PromQL function signatures, as Prometheus 3.x (3.14) type-checks them.
//
// `args` are the parameter types in order. `variadic` follows Prometheus' convention:
//   0   exactly args.length arguments;
//   n>0 the last parameter is optional and may repeat: between args.length-1 and args.length-1+n arguments;
//   -1  at least args.length-1 arguments, no upper bound (extra ones take the last parameter's type).
// `experimental` functions are rejected unless the analyser is asked to enable them, as Prometheus
// does without `--enable-feature=promql-experimental-functions`.

export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string' | 'none';

export interface FunctionSignature {
  name: string;
  args: readonly ValueType[];
  variadic: number;
  returns: ValueType;
  experimental?: boolean;
}

const S: ValueType = 'scalar';
const V: ValueType = 'vector';
const M: ValueType = 'matrix';
const STR: ValueType = 'string';

function sig(name: string, args: ValueType[], returns: ValueType, variadic = 0, experimental = false): FunctionSignature {
  return experimental ? { name, args, variadic, returns, experimental } : { name, args, variadic, returns };
}

const LIST: FunctionSignature[] = [
  // Instant-vector maths, one argument.
  ...['abs', 'absent', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'ceil', 'cos', 'cosh', 'deg', 'exp', 'floor',
    'histogram_avg', 'histogram_count', 'histogram_sum', 'histogram_stddev', 'histogram_stdvar', 'ln', 'log10', 'log2',
    'rad', 'sgn', 'sin', 'sinh', 'sort', 'sort_desc', 'sqrt', 'tan', 'tanh', 'timestamp'].map((name) => sig(name, [V], V)),
  // Range-vector functions, one argument.
  ...['absent_over_time', 'avg_over_time', 'changes', 'count_over_time', 'delta', 'deriv', 'first_over_time', 'idelta',
    'increase', 'irate', 'last_over_time', 'max_over_time', 'min_over_time', 'present_over_time', 'rate', 'resets',
    'stddev_over_time', 'stdvar_over_time', 'sum_over_time'].map((name) => sig(name, [M], V)),
  // Date functions: an optional instant vector (defaults to vector(time())).
  ...['days_in_month', 'day_of_month', 'day_of_week', 'day_of_year', 'hour', 'minute', 'month', 'year'].map((name) => sig(name, [V], V, 1)),
  sig('clamp', [V, S, S], V),
  sig('clamp_max', [V, S], V),
  sig('clamp_min', [V, S], V),
  sig('histogram_fraction', [S, S, V], V),
  sig('histogram_quantile', [S, V], V),
  sig('label_replace', [V, STR, STR, STR, STR], V),
  sig('label_join', [V, STR, STR, STR], V, -1),
  sig('pi', [], S),
  sig('predict_linear', [M, S], V),
  sig('quantile_over_time', [S, M], V),
  sig('round', [V, S], V, 1),
  sig('scalar', [V], S),
  sig('time', [], S),
  sig('vector', [S], V),
  // Experimental (Prometheus 3.14 `Experimental: true`).
  sig('double_exponential_smoothing', [M, S, S], V, 0, true),
  sig('histogram_quantiles', [V, STR, S, S], V, 9, true),
  sig('info', [V, V], V, 1, true),
  sig('mad_over_time', [M], V, 0, true),
  sig('ts_of_first_over_time', [M], V, 0, true),
  sig('ts_of_last_over_time', [M], V, 0, true),
  sig('ts_of_max_over_time', [M], V, 0, true),
  sig('ts_of_min_over_time', [M], V, 0, true),
  sig('sort_by_label', [V, STR], V, -1, true),
  sig('sort_by_label_desc', [V, STR], V, -1, true),
  sig('start_timestamp', [V], V, 0, true),
  sig('start', [], S, 0, true),
  sig('end', [], S, 0, true),
  sig('range', [], S, 0, true),
  sig('step', [], S, 0, true),
  sig('min_of', [S, S], S, 0, true),
  sig('max_of', [S, S], S, 0, true),
];

/** Every PromQL function Prometheus 3.14 knows, by name (names are case-sensitive). */
export const FUNCTIONS: ReadonlyMap<string, FunctionSignature> = new Map(LIST.map((f) => [f.name, f]));

/** Aggregation operators, lower case (the keywords are case-insensitive). */
export const AGGREGATIONS: ReadonlySet<string> = new Set([
  'avg', 'bottomk', 'count', 'count_values', 'group', 'max', 'min', 'quantile', 'stddev', 'stdvar', 'sum', 'topk', 'limitk', 'limit_ratio',
]);

/** Aggregations that take a first parameter, and its type. */
export const AGGREGATION_PARAMS: ReadonlyMap<string, ValueType> = new Map<string, ValueType>([
  ['topk', S], ['bottomk', S], ['quantile', S], ['limitk', S], ['limit_ratio', S], ['count_values', STR],
]);

/** Aggregations behind `promql-experimental-functions`. */
export const EXPERIMENTAL_AGGREGATIONS: ReadonlySet<string> = new Set(['limitk', 'limit_ratio']);

/** How Prometheus names a type in its error messages. */
export function documentedType(t: ValueType): string {
  return t === 'vector' ? 'instant vector' : t === 'matrix' ? 'range vector' : t;
}
