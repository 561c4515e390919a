// What the walk passes around: lezer's syntax nodes, what it learns about each expression, and
// the grammar's error nodes as it meets them (turned into Prometheus' wording by errors.ts).

import type { parser } from '@prometheus-io/lezer-promql';
import type { ValueType } from './functions.js';

export type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

export type Kind = 'vs' | 'ms' | 'sq' | 'num' | 'str' | 'paren' | 'bin' | 'call' | 'agg' | 'unary' | 'other';

/** What the walk knows about an expression once it has visited it. */
export interface Ex {
  t: ValueType;
  k: Kind;
  from: number;
  to: number;
  /** Constant value, when the expression folds to a number. */
  v?: number;
  /** An offset / @ modifier is already set (selectors and subqueries). */
  off?: boolean;
  at?: boolean;
  /** The result still carries the `le` label (for histogram_quantile). */
  le: boolean;
  /** `expr * N`, `N * expr` or `expr / N` with a constant N. */
  scale?: { n: number; op: '*' | '/' };
  /** A constant written as `1 - c`. */
  budget?: boolean;
  /** A ratio: a non-constant division, or a selector of a metric named like a ratio. */
  ratio?: boolean;
  /** Index of this literal in facts.numbers. */
  numIndex?: number;
}

export interface ErrorNodeRecord {
  from: number;
  to: number;
  parent: number;
  prev: number;
  prevFrom: number;
  prevTo: number;
  /** Number of DurationExpr siblings before the error (range/subquery context). */
  durations: number;
  parentFrom: number;
  parentTo: number;
  /** How many aggregations' parentheses enclose the error (Prometheus then says "… in aggregation"). */
  aggDepth: number;
}
