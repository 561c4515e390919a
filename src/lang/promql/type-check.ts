// Prometheus' type check (checkAST in promql/parser/parse.go) for operators, calls and
// aggregations, in its order and with its wording. The walk supplies what it learnt about each
// operand; these functions only decide what is wrong with it.

import { And, Or, Unless } from '@prometheus-io/lezer-promql';
import { AGGREGATION_PARAMS, EXPERIMENTAL_AGGREGATIONS, documentedType, type FunctionSignature } from './functions.js';
import { goQuote } from './lexer.js';
import type { Ex } from './tree.js';
import type { QueryError } from './types.js';

type Report = (from: number, to: number, message: string) => void;

const SET_OPS = new Set<number>([And, Or, Unless]);

export interface BinaryOperation {
  opId: number;
  /** The operator as written in messages ('+', 'and'…). */
  op: string;
  comparison: boolean;
  bool: boolean;
  lhs: Ex;
  rhs: Ex;
  from: number;
  to: number;
  /** The operator with its modifiers (`> bool on(x)`). */
  opFrom: number;
  opTo: number;
  on: boolean;
  matchingLabels: string[];
  include: string[];
  grouping?: 'left' | 'right';
  fill: boolean;
}

export function checkBinary(b: BinaryOperation, typeError: Report): void {
  const { lhs, rhs, opFrom, opTo, op } = b;
  const lt = lhs.t;
  const rt = rhs.t;
  if (b.bool && !b.comparison) typeError(opFrom, opTo, 'bool modifier can only be used on comparison operators');
  if (b.comparison && !b.bool && lt === 'scalar' && rt === 'scalar') typeError(opFrom, opTo, 'comparisons between scalars must use BOOL modifier');
  if (b.on) {
    for (const l1 of b.matchingLabels) {
      for (const l2 of b.include) if (l1 === l2) typeError(opFrom, opTo, `label ${goQuote(l1)} must not occur in ON and GROUP clause at once`);
    }
  }
  if (lt !== 'scalar' && lt !== 'vector') typeError(lhs.from, lhs.to, 'binary expression must contain only scalar and instant vector types');
  if (rt !== 'scalar' && rt !== 'vector') typeError(rhs.from, rhs.to, 'binary expression must contain only scalar and instant vector types');
  const setOp = SET_OPS.has(b.opId);
  if (lt !== 'vector' || rt !== 'vector') {
    if (b.matchingLabels.length > 0) typeError(b.from, b.to, 'vector matching only allowed between instant vectors');
    if (b.fill) typeError(b.from, b.to, 'filling in missing series only allowed between instant vectors');
  } else if (setOp) {
    if (b.grouping) {
      typeError(b.from, b.to, `no grouping allowed for ${goQuote(op)} operation`);
      typeError(b.from, b.to, 'set operations must always be many-to-many');
    }
    if (b.fill) typeError(b.from, b.to, 'filling in missing series not allowed for set operators');
  }
  if ((lt === 'scalar' || rt === 'scalar') && setOp) typeError(b.from, b.to, `set operator ${goQuote(op)} not allowed in binary scalar expression`);
}

/** A type error to insert before the argument errors recorded at `at` (Prometheus checks the call before its arguments' insides). */
export interface PlacedError {
  at: number;
  error: QueryError;
}

/**
 * A call's argument count and argument types. `marks[i]` is how many type errors there were after
 * argument i was visited, `countMark` how many before the first: each error goes where
 * Prometheus, which checks a call before descending into it, would have reported it.
 */
export function checkCall(
  fn: FunctionSignature,
  call: { from: number; to: number },
  args: readonly Ex[],
  countMark: number,
  marks: readonly number[],
  /** `info(x, y)`: whether the second argument names a metric. */
  secondNamesMetric: boolean,
): PlacedError[] {
  const inserts: PlacedError[] = [];
  const name = fn.name;
  const nargs = fn.args.length;
  const quotedName = goQuote(name);
  const countError = (message: string) => inserts.push({ at: countMark, error: { from: call.from, to: call.to, message } });
  if (fn.variadic === 0) {
    if (nargs !== args.length) countError(`expected ${nargs} argument(s) in call to ${quotedName}, got ${args.length}`);
  } else {
    const min = nargs - 1;
    if (min > args.length) countError(`expected at least ${min} argument(s) in call to ${quotedName}, got ${args.length}`);
    else if (fn.variadic > 0 && min + fn.variadic < args.length) countError(`expected at most ${min + fn.variadic} argument(s) in call to ${quotedName}, got ${args.length}`);
  }
  if (name === 'info' && args.length > 1) {
    const second = args[1]!;
    if (second.t !== 'vector') countError(`expected type instant vector in call to function ${quotedName}, got ${documentedType(second.t)}`);
    if (second.k === 'vs' && secondNamesMetric) {
      inserts.push({ at: countMark, error: { from: second.from, to: second.to, message: 'expected label selectors only, got vector selector instead' } });
    } else if (second.k !== 'vs') {
      inserts.push({ at: countMark, error: { from: second.from, to: second.to, message: 'expected label selectors only' } });
    }
  }
  for (let i = 0; i < args.length; i++) {
    let idx = i;
    if (i >= nargs) {
      if (fn.variadic === 0 || nargs === 0) break;
      idx = nargs - 1;
    }
    const want = fn.args[idx]!;
    const arg = args[i]!;
    if (arg.t !== want) {
      inserts.push({ at: marks[i]!, error: { from: arg.from, to: arg.to, message: `expected type ${documentedType(want)} in call to function ${quotedName}, got ${documentedType(arg.t)}` } });
    }
  }
  return inserts;
}

/**
 * An aggregation's argument count (a parse error in Prometheus) and, when the count is right,
 * its argument types. Returns the argument that is aggregated, when the count allows one.
 */
export function checkAggregation(
  op: string,
  node: { from: number; to: number },
  args: readonly Ex[],
  experimentalFunctions: boolean,
  parseError: Report,
  typeError: Report,
): Ex | undefined {
  const paramType = AGGREGATION_PARAMS.get(op);
  const desired = paramType ? 2 : 1;
  let countsOk = false;
  if (args.length === 0) {
    parseError(node.from, node.to, 'no arguments for aggregate expression provided');
  } else if (paramType && EXPERIMENTAL_AGGREGATIONS.has(op) && !experimentalFunctions) {
    parseError(node.from, node.to, `${op}() is experimental and must be enabled with --enable-feature=promql-experimental-functions`);
  } else if (args.length !== desired) {
    parseError(node.from, node.to, `wrong number of arguments for aggregate expression provided, expected ${desired}, got ${args.length}`);
  } else {
    countsOk = true;
  }
  const inner = args[desired - 1];
  if (countsOk && inner) {
    if (inner.t !== 'vector') typeError(inner.from, inner.to, `expected type instant vector in aggregation expression, got ${documentedType(inner.t)}`);
    const param = paramType ? args[0] : undefined;
    if (param && paramType && param.t !== paramType) {
      typeError(param.from, param.to, `expected type ${documentedType(paramType)} in aggregation parameter, got ${documentedType(param.t)}`);
    }
  }
  return inner;
}

/** `-x`: only on scalars and instant vectors. */
export function checkUnary(operand: Ex, at: { from: number; to: number }, typeError: Report): void {
  if (operand.t !== 'scalar' && operand.t !== 'vector') {
    typeError(at.from, at.to, `unary expression only allowed on expressions of type scalar or instant vector, got ${goQuote(documentedType(operand.t))}`);
  }
}
