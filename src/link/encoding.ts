// What an alerting rule encodes, read from its query facts (never by parsing PromQL again):
// the windows it looks at, the threshold it compares against, and how that threshold splits into
// burn-rate factor × error budget. Recording rules are followed to their expressions, so an alert
// on `slo:sli_error:ratio_rate1h` is known to read a 1h window of the metrics that rule reads.

import type { Position, Rule } from '../model/types.js';
import { nearlyEqual, parseDuration } from '../model/units.js';
import type { ComparisonFact, QueryFacts, SelectorFact } from '../lang/promql/analyse.js';
import type { AlertEncoding, EncodedCondition, EncodedWindow } from './types.js';
import { queryPosition } from '../model/placement.js';

/** Recording rules by the name they record. */
export type Recordings = Map<string, RecordedName>;

/** The recording rules of one name, in model order, and an index of their labels built as selectors need it. */
interface RecordedName {
  rules: Rule[];
  /** Label → positions in `rules` by the label's value, and of the rules without the label. */
  byLabel?: Map<string, LabelIndex>;
}

interface LabelIndex {
  byValue: Map<string | undefined, number[]>;
  unlabelled: number[];
}

const MAX_DEPTH = 5;
// Sloth names windows in its recording rules (`slo:sli_error:ratio_rate5m`), Pyrra too (`x:burnrate5m`).
const WINDOW_SUFFIX = /(?:rate|burnrate|_)(\d+(?:ms|s|m|h|d|w|y))$/;
// Below this many rules of one name, checking each is cheaper than indexing their labels.
const INDEX_FROM_RULES = 16;

export function recordingsOf(rules: readonly Rule[]): Recordings {
  const out: Recordings = new Map();
  for (const rule of rules) {
    if (rule.kind !== 'record') continue;
    const recorded = out.get(rule.name);
    if (recorded) recorded.rules.push(rule);
    else out.set(rule.name, { rules: [rule] });
  }
  return out;
}

type Selector = Pick<SelectorFact, 'metric' | 'matchers'>;
type Matcher = Selector['matchers'][number];

/** A rule's own label does not contradict the selector's matcher (only `=` matchers are compared). */
const agrees = (rule: Rule, m: Matcher) => m.op !== '=' || rule.labels[m.label] === undefined || rule.labels[m.label].value === m.value;

/**
 * The recording rules a selector reads: those recording its metric whose own labels agree with its
 * `=` matchers. Generators reuse one name for every SLO (`slo:sli_error:ratio_rate5m`) and tell
 * them apart by labels (`sloth_id`), so the name alone is not enough.
 */
export function recordingRulesFor(selector: Selector, recordings: Recordings): Rule[] {
  if (!selector.metric) return [];
  const recorded = recordings.get(selector.metric);
  if (!recorded) return [];
  const agreeing = (rule: Rule) => selector.matchers.every((m) => agrees(rule, m));
  if (recorded.rules.length < INDEX_FROM_RULES) return recorded.rules.filter(agreeing);
  // A repository with many SLOs has thousands of rules of one name: start from the rules the most
  // selective matcher admits instead of checking them all, for every selector that reads the name.
  let narrowest: { withValue: number[]; unlabelled: number[]; size: number } | undefined;
  for (const m of selector.matchers) {
    if (m.op !== '=') continue;
    // A matcher admits the rules with its value and those without its label.
    const index = labelIndex(recorded, m.label);
    const withValue = index.byValue.get(m.value) ?? [];
    const size = withValue.length + index.unlabelled.length;
    if (!narrowest || size < narrowest.size) narrowest = { withValue, unlabelled: index.unlabelled, size };
  }
  if (!narrowest) return [...recorded.rules];
  return mergeAscending(narrowest.withValue, narrowest.unlabelled)
    .map((position) => recorded.rules[position])
    .filter(agreeing);
}

function labelIndex(recorded: RecordedName, label: string): LabelIndex {
  recorded.byLabel ??= new Map();
  let index = recorded.byLabel.get(label);
  if (index) return index;
  index = { byValue: new Map(), unlabelled: [] };
  for (const [position, rule] of recorded.rules.entries()) {
    // Read as `agrees` reads it, so the index admits exactly the rules it would.
    const field = rule.labels[label];
    if (field === undefined) index.unlabelled.push(position);
    else {
      const positions = index.byValue.get(field.value);
      if (positions) positions.push(position);
      else index.byValue.set(field.value, [position]);
    }
  }
  recorded.byLabel.set(label, index);
  return index;
}

/** Two ascending lists of distinct positions as one ascending list: the rules keep their model order. */
function mergeAscending(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++]);
  return out;
}

/** The range a recording rule evaluates over: its selectors' ranges, else those of the rules it reads, else its name's suffix. */
export function recordedWindow(selector: Selector, recordings: Recordings, depth = 0): number | undefined {
  const rule = recordingRulesFor(selector, recordings)[0];
  if (rule && depth < MAX_DEPTH) {
    const selectors = rule.expr.analysis.facts.selectors;
    const ranges = selectors.map((s) => s.rangeSeconds).filter((r): r is number => r !== undefined);
    if (ranges.length) return Math.max(...ranges);
    for (const inner of selectors) {
      const window = inner.metric && inner.metric !== selector.metric ? recordedWindow(inner, recordings, depth + 1) : undefined;
      if (window !== undefined) return window;
    }
  }
  const suffix = WINDOW_SUFFIX.exec(selector.metric ?? '');
  return suffix ? parseDuration(suffix[1]) : undefined;
}

/** Every metric a query reads, following recording rules to the raw metrics below them. */
export function metricsRead(facts: QueryFacts, recordings: Recordings, into = new Set<string>(), visited = new Set<Rule>()): Set<string> {
  for (const selector of facts.selectors) {
    if (!selector.metric) continue;
    into.add(selector.metric);
    for (const rule of recordingRulesFor(selector, recordings)) {
      if (visited.has(rule)) continue;
      visited.add(rule);
      metricsRead(rule.expr.analysis.facts, recordings, into, visited);
    }
  }
  return into;
}

export function encodeAlert(rule: Rule, recordings: Recordings): AlertEncoding {
  const facts = rule.expr.analysis.facts;
  const budgets = distinct(facts.budgets);
  const conditions: EncodedCondition[] = [];
  for (const comparison of facts.comparisons) {
    const condition = encodeCondition(comparison, facts, budgets, recordings, () => queryPosition(rule.expr, comparison.from));
    if (condition) conditions.push(condition);
  }

  const kind: AlertEncoding['kind'] = conditions.some((c) => c.latency)
    ? 'latency'
    : conditions.some((c) => c.factor !== undefined)
      ? 'burn-rate'
      : conditions.some((c) => c.target !== undefined)
        ? 'target'
        : conditions.some((c) => c.above && c.threshold < 1)
          ? 'ratio-threshold'
          : 'other';
  return { kind, conditions, windows: kind === 'burn-rate' ? windowsOf(conditions) : [], metrics: [...metricsRead(facts, recordings)] };
}

/**
 * Label values that could name an SLO: the rule's labels and its selectors' `=` matchers
 * (sloth_slo="x"). Linking reads them once; they are not kept in the encoding, which every
 * alerting rule of a large repository has.
 */
export function alertNames(rule: Rule): Record<string, string[]> {
  const names: Record<string, string[]> = {};
  const addName = (label: string, value: string) => {
    const values = names[label];
    if (values === undefined) names[label] = [value];
    else if (!values.includes(value)) values.push(value);
  };
  for (const [label, field] of Object.entries(rule.labels)) addName(label, field.value);
  for (const selector of rule.expr.analysis.facts.selectors) for (const m of selector.matchers) if (m.op === '=') addName(m.label, m.value);
  return names;
}

function encodeCondition(
  comparison: ComparisonFact,
  facts: QueryFacts,
  budgets: number[],
  recordings: Recordings,
  positionOf: () => Position,
): EncodedCondition | undefined {
  if (comparison.threshold === undefined || comparison.op === '==' || comparison.op === '!=') return undefined;
  const inside = <T extends { from: number; to: number }>(items: T[]) => items.filter((item) => item.from >= comparison.from && item.to <= comparison.to);
  const selectors = inside(facts.selectors);
  const windows = distinct(
    selectors.map((s) => s.rangeSeconds ?? recordedWindow(s, recordings)).filter((w): w is number => w !== undefined),
  ).sort((a, b) => a - b);
  const above = (comparison.op === '>' || comparison.op === '>=') === (comparison.thresholdSide !== 'left');
  // `x * 1000 > 50` compares x with 0.05; `x / (1 - 0.999) > 14.4` compares x with 0.0144.
  const scale = comparison.scale || 1;
  const threshold = comparison.scaleOp === '/' ? comparison.threshold * scale : comparison.threshold / scale;

  const quantile = inside(facts.histogramQuantiles)[0];
  if (quantile) {
    const milliseconds = selectors.some((s) => /_milliseconds/.test(s.metric ?? ''));
    return { windows, threshold, above, latency: { thresholdSeconds: milliseconds ? threshold / 1000 : threshold, percentile: quantile.quantile !== undefined ? quantile.quantile * 100 : undefined }, position: positionOf() };
  }
  if (!above) {
    // `availability < 99.9` (or 0.999): the alert states a target. Percent when above 1.
    const ratio = threshold > 1 && threshold <= 100 ? threshold / 100 : threshold;
    return ratio >= 0.5 && ratio < 1 ? { windows, threshold, above, target: ratio, position: positionOf() } : { windows, threshold, above, position: positionOf() };
  }
  const budget = budgetOf(threshold, budgets, facts.numbers);
  // Each result is written out whole (no spreading in the position afterwards): one per alerting
  // rule is kept, and objects built by spreading take about twice the memory.
  return budget === undefined
    ? { windows, threshold, above, position: positionOf() }
    : { windows, threshold, above, budget, factor: threshold / budget, position: positionOf() };
}

/**
 * The error budget inside a threshold: the one budget the query writes as `(1 - 0.999)`, else the
 * smaller of two number literals whose product is the threshold (Sloth's `(14.4 * 0.000999…)`).
 */
function budgetOf(threshold: number, budgets: number[], numbers: number[]): number | undefined {
  if (budgets.length === 1) return budgets[0];
  for (let i = 0; i < numbers.length; i++) {
    for (let j = 0; j < numbers.length; j++) {
      if (i === j) continue;
      const [a, b] = [numbers[i], numbers[j]];
      if (b > 0 && b < 1 && a >= b && nearlyEqual(a * b, threshold, 1e-9)) return b;
    }
  }
  return undefined;
}

/** Burn-rate conditions with the same factor form one window pair: the longest window and the shortest. */
function windowsOf(conditions: EncodedCondition[]): EncodedWindow[] {
  const groups = new Map<string, EncodedCondition[]>();
  for (const condition of conditions) {
    if (condition.factor === undefined || condition.windows.length === 0) continue;
    const key = condition.factor.toPrecision(6);
    groups.set(key, [...(groups.get(key) ?? []), condition]);
  }
  return [...groups.values()].map((group) => {
    const all = group.flatMap((c) => c.windows);
    const longSeconds = Math.max(...all);
    const shortSeconds = Math.min(...all);
    return {
      longSeconds,
      shortSeconds: shortSeconds < longSeconds ? shortSeconds : undefined,
      factor: group[0].factor,
      budget: group[0].budget,
      position: group.reduce((first, c) => (c.position.line < first.line || (c.position.line === first.line && (c.position.column ?? 0) < (first.column ?? 0)) ? c.position : first), group[0].position),
    };
  });
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const value of values) if (!out.some((v) => nearlyEqual(v, value, 1e-9))) out.push(value);
  return out;
}

// slo-generator exports the burn rate it computed per error budget policy step as a metric
// (`error_budget_burn_rate`, labelled with the step's name), so an alert on it states its window
// by that label and its factor as the threshold itself.
const SLO_GENERATOR_BURN_RATE = 'error_budget_burn_rate';

/**
 * What an alert on slo-generator's exported burn rate encodes for `slo`: each comparison of the
 * metric for one step (`error_budget_policy_step_name="1 hour"`, or a `window` label in seconds)
 * is a burn-rate window of that step's length at the compared factor, over the SLO's SLI metrics.
 * Other alerts are unchanged.
 */
export function sloGeneratorEncoding(
  rule: Rule,
  encoding: AlertEncoding,
  slo: { burnWindows: readonly { longSeconds: number; name?: string }[]; indicator: { metrics: readonly string[] } },
): AlertEncoding {
  const facts = rule.expr.analysis.facts;
  const windows: EncodedWindow[] = [];
  const conditions: EncodedCondition[] = [];
  for (const comparison of facts.comparisons) {
    if (comparison.threshold === undefined || comparison.thresholdSide === undefined) continue;
    const above = (comparison.op === '>' || comparison.op === '>=') === (comparison.thresholdSide !== 'left');
    if (!above) continue;
    const selector = facts.selectors.find((s) => s.metric === SLO_GENERATOR_BURN_RATE && s.from >= comparison.from && s.to <= comparison.to);
    if (!selector) continue;
    const step = selector.matchers.find((m) => m.op === '=' && m.label === 'error_budget_policy_step_name')?.value;
    const windowLabel = selector.matchers.find((m) => m.op === '=' && m.label === 'window')?.value;
    const longSeconds = step !== undefined ? slo.burnWindows.find((w) => w.name === step)?.longSeconds : windowLabel !== undefined ? Number(windowLabel) : undefined;
    if (longSeconds === undefined || !Number.isFinite(longSeconds) || longSeconds <= 0) continue;
    const position = queryPosition(rule.expr, comparison.from);
    conditions.push({ windows: [longSeconds], threshold: comparison.threshold, above, factor: comparison.threshold, position });
    windows.push({ longSeconds, factor: comparison.threshold, position });
  }
  if (windows.length === 0) return encoding;
  // The exported burn rate is computed from the SLO's own SLI: that is what the alert reads.
  const metrics = [...new Set([...encoding.metrics.filter((metric) => metric !== SLO_GENERATOR_BURN_RATE), ...slo.indicator.metrics])];
  return { ...encoding, kind: 'burn-rate', conditions, windows, metrics };
}
