// Error wording and order: lezer's error nodes become the messages Prometheus' yacc parser gives
// ("unexpected <token> in <context>"), and all errors come out in the order Prometheus notices them.
// Like Prometheus, type errors are reported only when there is no parse error, because they
// would mostly be echoes of it.

import {
  AggregateExpr, AggregateModifier, At, By, FunctionCallBody, GroupingLabels, Identifier, Ignoring, LabelMatchers,
  MatchOp, MatchingModifierClause, MatrixSelector, Offset, OffsetDurationExpr, OffsetExpr, On, QuotedLabelMatcher,
  QuotedLabelName, StepInvariantExpr, SubqueryExpr, UnquotedLabelMatcher, VectorSelector, Without,
} from '@prometheus-io/lezer-promql';
import { parsePromDuration } from '../../model/units.js';
import { AGGREGATIONS, FUNCTIONS } from './functions.js';
import { describeToken, goQuote, lexPromQL, type LexResult, type Token } from './lexer.js';
import { GO_NUMBER_RE } from './numbers.js';
import type { ErrorNodeRecord } from './tree.js';
import type { QueryError } from './types.js';
import type { Walker } from './walker.js';

const MATCHER_IDS = new Set<number>([UnquotedLabelMatcher, QuotedLabelMatcher, QuotedLabelName]);

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

function tokenAt(lex: LexResult, offset: number): Token {
  for (const t of lex.tokens) {
    if (t.kind === 'COMMENT') continue;
    if (t.end > offset || t.kind === 'EOF' || t.kind === 'ERROR') return t;
  }
  return { kind: 'EOF', start: offset, end: offset, text: '' };
}

function contextFor(rec: ErrorNodeRecord, text: string, at: number): string {
  switch (rec.parent) {
    case GroupingLabels: {
      if (text[rec.parentFrom] !== '(') return ' in grouping opts, expected "("';
      let i = at - 1;
      while (i >= 0 && ' \t\r\n'.includes(text[i]!)) i--;
      return text[i] === ',' || text[i] === '(' ? ' in grouping opts, expected label' : ' in grouping opts, expected "," or ")"';
    }
    case AggregateModifier:
    case MatchingModifierClause:
      if (rec.prev === By || rec.prev === Without || rec.prev === On || rec.prev === Ignoring) return ' in grouping opts, expected "("';
      break;
    case MatchOp:
      return ' in label matching, expected label matching operator';
    case LabelMatchers:
      if (text[rec.parentFrom] !== '{') return '';
      return MATCHER_IDS.has(rec.prev) ? ' in label matching, expected "," or "}"' : ' in label matching, expected identifier or "}"';
    case UnquotedLabelMatcher:
    case QuotedLabelMatcher:
      return rec.prev === MatchOp ? ' in label matching, expected string' : ' in label matching, expected label matching operator';
    case AggregateExpr:
      // After `by (…)` Prometheus is inside the aggregation; after a bare `by` it wants the labels.
      if (rec.prev === AggregateModifier) return text[rec.prevTo - 1] === ')' ? ' in aggregation' : ' in grouping opts, expected "("';
      break;
    case OffsetDurationExpr:
      return ' in offset, expected number, duration, step(), or range()';
    case OffsetExpr:
      if (rec.prev === Offset) return ' in offset, expected number, duration, step(), or range()';
      break;
    case StepInvariantExpr:
      if (rec.prev === At) return ' in @, expected timestamp';
      break;
    case MatrixSelector:
    case SubqueryExpr:
      if (rec.durations === 0) return ' in subquery or range selector, expected number, duration, step(), or range()';
      if (rec.durations === 1 && rec.parent === MatrixSelector) return ' in subquery or range, expected ":" or "]"';
      if (rec.durations === 1) return ' in subquery selector, expected number, duration, step(), range(), or "]"';
      return ' in subquery selector, expected "]"';
  }
  // Right after `sum`/`topk`…, Prometheus has not yet entered that aggregation: only an enclosing one counts.
  let depth = rec.aggDepth;
  if (rec.parent !== AggregateExpr) {
    let i = at - 1;
    while (i >= 0 && ' \t\r\n'.includes(text[i]!)) i--;
    let j = i;
    while (j >= 0 && /[A-Za-z_]/.test(text[j]!)) j--;
    if (j < i && AGGREGATIONS.has(text.slice(j + 1, i + 1).toLowerCase())) depth--;
  }
  return depth > 0 ? ' in aggregation' : '';
}

export interface KeyedError extends QueryError {
  /** Where Prometheus would notice the problem, to order errors as it would. */
  key: number;
}

/** Turns the grammar's error nodes into Prometheus-style messages. */
export function syntaxErrors(text: string, records: ErrorNodeRecord[]): KeyedError[] {
  records.sort((a, b) => a.from - b.from || a.to - b.to);
  // Runs of adjacent error nodes are one error (lezer marks each skipped token).
  const runs: { from: number; to: number; first: ErrorNodeRecord }[] = [];
  for (const r of records) {
    const last = runs[runs.length - 1];
    // Also one error: a token lezer pretends to insert later in the node it is recovering.
    const sameNode = last !== undefined && r.from === r.to && last.first.parentFrom === r.parentFrom && last.first.parentTo === r.parentTo;
    if (last && (r.from <= last.to || sameNode || onlySpaceBetween(text, last.to, r.from))) {
      if (!sameNode) last.to = Math.max(last.to, r.to);
    } else runs.push({ from: r.from, to: r.to, first: r });
  }
  const lex = lexPromQL(text);
  if (!lex.tokens.some((t) => t.kind !== 'COMMENT' && t.kind !== 'EOF' && t.kind !== 'ERROR')) {
    if (!lex.error) return [{ from: 0, to: 0, message: 'no expression found in input', key: 0 }];
  }
  const errors: KeyedError[] = [];
  const lexErr = lex.error;
  let lexerErrorUsed = false;
  for (const run of runs) {
    if (lexErr && lexErr.start <= run.from) {
      // Prometheus' lexer stops before the token the grammar complains about.
      errors.push({ from: lexErr.start, to: lexErr.end, message: lexErr.message, key: lexErr.start });
      lexerErrorUsed = true;
      break; // what follows is the consequence
    }
    const rec = run.first;
    // An unknown function: `foo(` parses as the selector `foo` followed by junk.
    if (rec.parent === VectorSelector && rec.prev === Identifier && text[run.from] === '(' && !AGGREGATIONS.has(text.slice(rec.prevFrom, rec.prevTo).toLowerCase())) {
      const name = text.slice(rec.prevFrom, rec.prevTo);
      const fn = FUNCTIONS.get(name);
      const message = fn ? `function ${goQuote(name)} is not enabled` : `unknown function with name ${goQuote(name)}`;
      errors.push({ from: rec.prevFrom, to: rec.prevTo, message, key: run.to });
      continue;
    }
    // A trailing comma in call arguments.
    if (rec.parent === FunctionCallBody) {
      let i = run.from - 1;
      while (i >= 0 && ' \t\r\n'.includes(text[i]!)) i--;
      if (text[i] === ',') {
        errors.push({ from: i, to: i + 1, message: 'trailing commas not allowed in function call args', key: i });
        continue;
      }
    }
    const tok = tokenAt(lex, run.from);
    if (tok.kind === 'NUMBER' && !GO_NUMBER_RE.test(text.slice(tok.start, tok.end))) {
      const n = text.slice(tok.start, tok.end);
      errors.push({ from: tok.start, to: tok.end, message: `error parsing number: strconv.ParseFloat: parsing ${goQuote(n)}: invalid syntax`, key: tok.start });
      continue;
    }
    if (tok.kind === 'DURATION') {
      const d = text.slice(tok.start, tok.end);
      if (parsePromDuration(d) === undefined) {
        errors.push({ from: tok.start, to: tok.end, message: `not a valid duration string: ${goQuote(d)}`, key: tok.start });
        continue;
      }
    }
    let from = run.from;
    let to = run.to;
    if (from === to && tok.kind !== 'EOF' && tok.kind !== 'ERROR') {
      from = tok.start;
      to = tok.end;
    }
    errors.push({ from, to, message: `unexpected ${describeToken(tok, text)}${contextFor(rec, text, run.from)}`, key: from });
  }
  if (lexErr && !lexerErrorUsed) {
    errors.push({ from: lexErr.start, to: lexErr.end, message: lexErr.message, key: lexErr.start });
  }
  return errors;
}

/** The errors of one query as Prometheus reports them: parse errors in the order it meets them, else type errors. */
export function reportedErrors(text: string, walker: Walker): QueryError[] {
  let errors: QueryError[];
  if (walker.errorNodes.length > 0 || walker.parseErrors.length > 0) {
    // Prometheus notices a construct's error when it reads the construct's last token.
    const keyed: KeyedError[] = walker.parseErrors.map((e, i) => ({ ...e, key: Math.max(e.from, walker.parseErrorMeta[i]!.end - 1) }));
    if (walker.errorNodes.length > 0) {
      const syntax = syntaxErrors(text, walker.errorNodes);
      // Parse-time errors of a construct that holds a grammar error are mostly echoes of it (`sum(`).
      const nodes = walker.errorNodes;
      const semantic = keyed.filter((e, i) => {
        const { end, sticky } = walker.parseErrorMeta[i]!;
        if (syntax.some((x) => x.from === e.from)) return false; // the same problem, seen twice
        return sticky || !nodes.some((r) => r.from >= e.from && r.parentFrom >= e.from && r.parentTo <= end);
      });
      keyed.length = 0;
      keyed.push(...syntax, ...semantic);
    }
    // In the order Prometheus notices them: syntax errors where they occur, others at the end of their construct.
    keyed.sort((a, b) => a.key - b.key);
    errors = [];
    for (const { from, to, message } of keyed) {
      if (!errors.some((e) => e.from === from && e.to === to && e.message === message)) errors.push({ from, to, message });
    }
  } else {
    errors = walker.typeErrors;
  }
  return errors;
}
