// The facts checks read that need more than the tree: constants folded through operators, error
// budgets (`1 - 0.999`), scaled thresholds (`* 1000 > 50`), and whether `le` survives an
// aggregation (for histogram_quantile). They serve SLO checks, but stay with the language: they
// come from the same single walk, and a walk of their own would parse every query twice.

import { Add, Atan2, Div, Mod, Mul, Pow, Sub } from '@prometheus-io/lezer-promql';
import { tidy } from './numbers.js';
import type { Ex } from './tree.js';
import type { ComparisonFact } from './types.js';

const PARAMLESS_KEEP_LABELS = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);

/**
 * Folds `lhs op rhs` into `ex` (value, budget, scale, ratio). Budgets the operation states are
 * appended to `budgets`.
 */
export function foldBinary(ex: Ex, opId: number, comparison: ComparisonFact['op'] | undefined, bool: boolean, lhs: Ex, rhs: Ex, budgets: number[]): void {
  const a = lhs.v;
  const b = rhs.v;
  if (a !== undefined && b !== undefined) {
    let v: number | undefined;
    switch (opId) {
      case Add: v = a + b; break;
      case Sub: v = a - b; break;
      case Mul: v = a * b; break;
      case Div: v = a / b; break;
      case Mod: v = a % b; break;
      case Pow: v = a ** b; break;
      case Atan2: v = Math.atan2(a, b); break;
      default:
        if (comparison && bool) {
          const cmp = comparison;
          const r = cmp === '==' ? a === b : cmp === '!=' ? a !== b : cmp === '>' ? a > b : cmp === '<' ? a < b : cmp === '>=' ? a >= b : a <= b;
          v = r ? 1 : 0;
        }
    }
    if (v !== undefined) ex.v = tidy(v);
    // An error budget written as 1 - objective.
    if (opId === Sub && a === 1 && b > 0 && b < 1 && ex.v !== undefined) {
      ex.budget = true;
      budgets.push(ex.v);
    }
  } else if (a === undefined && b !== undefined) {
    if (opId === Mul) ex.scale = { n: b, op: '*' };
    else if (opId === Div) {
      ex.scale = { n: b, op: '/' };
      // A literal budget dividing a ratio: errors / total / 0.001.
      if (b > 0 && b < 1 && !rhs.budget && lhs.ratio) budgets.push(b);
    }
  } else if (a !== undefined && b === undefined && opId === Mul) {
    ex.scale = { n: a, op: '*' };
  }
  if (opId === Div && ex.v === undefined) ex.ratio = true;
}

/** A comparison, with its threshold when one side is a constant. */
export function comparisonFact(op: ComparisonFact['op'], bool: boolean, lhs: Ex, rhs: Ex, at: { from: number; to: number }): ComparisonFact {
  const fact: ComparisonFact = { op, bool, from: at.from, to: at.to };
  let other: Ex | undefined;
  if (rhs.v !== undefined) {
    fact.threshold = rhs.v;
    fact.thresholdSide = 'right';
    other = lhs;
  } else if (lhs.v !== undefined) {
    fact.threshold = lhs.v;
    fact.thresholdSide = 'left';
    other = rhs;
  }
  if (other?.scale) {
    fact.scale = other.scale.n;
    fact.scaleOp = other.scale.op;
  }
  return fact;
}

/** Whether an aggregation's result still carries `le`. */
export function aggregationKeepsLe(op: string, by: string[] | undefined, without: string[] | undefined, innerLe: boolean): boolean {
  if (by) return by.includes('le') && innerLe;
  if (without) return !without.includes('le') && innerLe;
  return PARAMLESS_KEEP_LABELS.has(op) && innerLe;
}
