// One pass over a PromQL query with Prometheus' own grammar: the syntax and semantic
// errors, and the facts every later check reads (so no check parses a query again).
// Errors and their wording follow Prometheus 3.14 (see docs/promql.md for where that differs
// from promtool 2.42).
//
// CONTRACT (used by formats/ and checks/; keep it stable):
//   analyseQuery(text) never throws. Offsets are 0-based UTF-16 offsets into `text`. The result is
//   deeply frozen and shared by every caller that asks about the same query: read it, never edit it.

export type { AggregationFact, AnalyseOptions, ComparisonFact, LabelMatcherFact, QueryAnalysis, QueryError, QueryFacts, SelectorFact } from './types.js';
export { emptyFacts } from './types.js';

import { TOO_DEEP_MESSAGE } from './depth.js';
import { reportedErrors } from './errors.js';
import { walkWithRecovery } from './recovery.js';
import { emptyFacts, type AnalyseOptions, type QueryAnalysis } from './types.js';
import type { Walker } from './walker.js';

const NO_OPTIONS: AnalyseOptions = {};

// Rule files and dashboards repeat queries; remember recent answers. Callers share one frozen
// analysis per query: a copy per rule was most of a large repository's model, and nothing
// downstream edits an analysis (freezing makes one that tried fail loudly).
const CACHE_LIMIT = 2048;
const cache = new Map<string, QueryAnalysis>();

function optionsKey(o: AnalyseOptions): string {
  return `${o.experimentalFunctions ? 1 : 0}${o.durationExpressions ? 1 : 0}${o.extendedRangeSelectors ? 1 : 0}${o.binopFillModifiers ? 1 : 0}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Parses and checks one PromQL expression. Never throws. Offsets are UTF-16 offsets into `text`.
 * Errors and their wording follow Prometheus 3.14 with its default feature flags; `options`
 * turns on the experimental syntax a Prometheus started with `--enable-feature=…` accepts.
 */
export function analyseQuery(text: string, options: AnalyseOptions = NO_OPTIONS): QueryAnalysis {
  if (typeof text !== 'string') text = String(text ?? '');
  return remembered(cacheKey(text, options), () => analyseUncached(text, options));
}

/**
 * The shared analysis of `text` (default options) when one is cached, else `received` frozen and
 * cached: analyses made on worker threads arrive as copies, one per message, and a large
 * repository repeats its queries many times over.
 */
export function shareAnalysis(text: string, received: QueryAnalysis): QueryAnalysis {
  return remembered(cacheKey(text, NO_OPTIONS), () => received);
}

function cacheKey(text: string, options: AnalyseOptions): string | undefined {
  return text.length <= 4096 ? optionsKey(options) + text : undefined;
}

function remembered(key: string | undefined, make: () => QueryAnalysis): QueryAnalysis {
  const hit = key === undefined ? undefined : cache.get(key);
  if (hit) return hit;
  const result = deepFreeze(make());
  if (key !== undefined) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
  }
  return result;
}

function analyseUncached(text: string, options: AnalyseOptions): QueryAnalysis {
  let walker: Walker;
  try {
    walker = walkWithRecovery(text, options);
  } catch (e) {
    // Nesting that the walk's recursion cannot follow (a `^` chain thousands long) is too deep, not a fault.
    if (e instanceof RangeError && /call stack/i.test(e.message)) return { errors: [{ from: 0, to: Math.min(1, text.length), message: TOO_DEEP_MESSAGE }], facts: emptyFacts() };
    // The walk is defensive; this is a last resort so that one odd query cannot stop a run.
    return { errors: [{ from: 0, to: text.length, message: `internal error analysing query: ${(e as Error).message}` }], facts: emptyFacts() };
  }
  const facts = walker.finishFacts();
  return { errors: reportedErrors(text, walker), facts };
}
