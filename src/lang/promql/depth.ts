// Very deep PromQL. Prometheus' yacc parser has no depth limit, and valid queries 10k parentheses
// or 50k unary minus deep load there. lezer, the grammar this analyser parses with, cuts its parse
// stack at a fixed depth (and force-reduces long left-associative chains) so that trees stay
// shallow enough to recurse through, which turns such input into bogus syntax errors.
//  - Runs of redundant grouping parentheses `((((x))))` and of unary signs `- - - - x` are
//    collapsed before parsing (blanked out, so offsets stay): both mean the same with one.
//  - Long left-associative chains (`a or b or …`, 100k terms) are parsed without lezer's cut.
//  - Anything that still reaches lezer's stack limit is reported as one clear error at the
//    place it gets too deep, never as the syntax errors a cut tree would show.

import { parser } from '@prometheus-io/lezer-promql';
import { lexPromQL, type Token } from './lexer.js';

type Tree = ReturnType<typeof parser.parse>;

/** lezer cuts a parse stack at 8400 entries (Rec.CutDepth in @lezer/lr); a query that comes this close may have been cut. */
const NEAR_CUT_DEPTH = 8000;
/** A top-level chain with more operators than this is parsed in pieces of this many operands. */
const CHAIN_PIECE = 1000;
/** Shorter runs are left as written, so everyday queries are parsed exactly as they stand. */
const MIN_RUN = 8;

export const TOO_DEEP_MESSAGE = 'expression nests too deeply for slo-gate to check (Prometheus has no such limit); split it or remove redundant nesting';

/** lezer's internals this module drives (@lezer/lr 1.x `Parse`): the open parse stacks, and its left-associative cut counter. */
interface LezerParse {
  advance(): Tree | null;
  stacks: { pos: number; stack: unknown[] }[];
  bigReductionCount: number;
}

/** Parses `text` (or `range` of it); `tooDeepAt` is where it nests deeper than lezer parses (the tree is then empty). */
export function parseDeep(text: string, range?: { from: number; to: number }): { tree: Tree; tooDeepAt?: number } {
  // A piece is parsed with the text before it blanked out, so that offsets stay those of `text`.
  const input = range ? ' '.repeat(range.from) + text.slice(range.from, range.to) : text;
  const parse = parser.startParse(input) as unknown as LezerParse;
  for (;;) {
    // lezer force-reduces a left-associative rule after 300 big reductions from one start; a
    // chain of `or`s is not deep, so the count is cleared.
    parse.bigReductionCount = 0;
    const tree = parse.advance();
    if (tree) return { tree };
    // Past this depth lezer is about to cut the tree: stop here rather than parse on for nothing.
    for (const stack of parse.stacks) if (stack.stack.length >= NEAR_CUT_DEPTH) return { tree: (emptyTree ??= parser.parse('')), tooDeepAt: stack.pos };
  }
}

// Made the first time a query is too deep, not at every start.
let emptyTree: Tree | undefined;

/** Tokens that end an operand: after one, `-` or `and` is a binary operator. */
function endsOperand(t: Token | undefined, text: string): boolean {
  if (!t) return false;
  if (t.kind === 'IDENTIFIER' || t.kind === 'METRIC_IDENTIFIER' || t.kind === 'NUMBER' || t.kind === 'DURATION' || t.kind === 'STRING') return true;
  const c = text[t.start];
  return t.kind === 'PUNCT' && (c === ')' || c === ']' || c === '}');
}

/**
 * Where to cut a long top-level operator chain: the ranges of its pieces (each from the last
 * operand of the one before) and, for each, the operator it really starts after. Undefined when
 * the chain is short enough for one tree.
 */
export function chainPieces(text: string): { ranges: { from: number; to: number }[]; cuts: number[] } | undefined {
  if (text.length < CHAIN_PIECE * 2) return undefined;
  const tokens = lexPromQL(text).tokens.filter((t) => t.kind !== 'COMMENT' && t.kind !== 'EOF');
  if (tokens.some((t) => t.kind === 'ERROR')) return undefined;
  // Top-level binary operators, and where each operand before them starts.
  const operators: number[] = [];
  const operandStarts: number[] = [0];
  let depth = 0;
  tokens.forEach((t, i) => {
    const c = text[t.start];
    if (t.kind === 'PUNCT' && (c === '(' || c === '[' || c === '{')) depth++;
    else if (t.kind === 'PUNCT' && (c === ')' || c === ']' || c === '}')) depth--;
    else if (depth === 0 && t.kind === 'OP' && endsOperand(tokens[i - 1], text)) {
      operators.push(i);
      // The next operand starts after the operator's modifiers (bool, on(…), group_left(…)).
      let j = i + 1;
      let d = 0;
      while (j < tokens.length) {
        const u = tokens[j]!;
        const uc = text[u.start];
        if (d === 0 && !(u.kind === 'KEYWORD' || (uc === '(' && tokens[j - 1]!.kind === 'KEYWORD'))) break;
        if (uc === '(') d++;
        else if (uc === ')') d--;
        j++;
      }
      operandStarts.push(tokens[j]?.start ?? text.length);
    }
  });
  if (depth !== 0 || operators.length <= CHAIN_PIECE) return undefined;
  const ranges: { from: number; to: number }[] = [];
  const cuts: number[] = [];
  for (let a = 0; a < operators.length; a += CHAIN_PIECE) {
    // Operands a … b; the next piece starts again at operand b.
    const b = Math.min(a + CHAIN_PIECE, operators.length);
    ranges.push({ from: operandStarts[a]!, to: b < operators.length ? tokens[operators[b]!]!.start : text.length });
    cuts.push(a === 0 ? 0 : tokens[operators[a]!]!.start);
  }
  return { ranges, cuts };
}

/** Tokens after which `(` groups and `-`/`+` is a sign: nothing (the start), `(`, `,`, an operator. */
function opensExpression(prev: Token | undefined, text: string): boolean {
  if (!prev) return true;
  if (prev.kind === 'OP') return true;
  if (prev.kind !== 'PUNCT') return false;
  const c = text[prev.start];
  return c === '(' || c === ',';
}

/**
 * Whether `text` has at least MIN_RUN `(` or MIN_RUN signs (`+`/`-`) as characters: a run needs
 * that many tokens of one kind, so a query with fewer of both is left as written without lexing
 * it (almost every query; lexing them all was a tenth of a cold run's query analysis).
 */
function mayHoldRun(text: string): boolean {
  let parens = 0;
  let signs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 /* ( */ && ++parens >= MIN_RUN) return true;
    if ((c === 43 /* + */ || c === 45) /* - */ && ++signs >= MIN_RUN) return true;
  }
  return false;
}

/**
 * `text` with long runs of redundant grouping parentheses and of unary signs blanked out (the
 * outermost pair and one sign of the run's net sign stay), offsets unchanged; `text` itself when
 * there is no such run.
 */
export function collapseDeepRuns(text: string): string {
  if (text.length < MIN_RUN * 2 || !mayHoldRun(text)) return text;
  const tokens = lexPromQL(text).tokens.filter((t) => t.kind !== 'COMMENT' && t.kind !== 'EOF' && t.kind !== 'ERROR');
  const chars = text.split('');
  let changed = false;

  // Unary signs: a run of `-`/`+` where an operand is expected is one sign.
  for (let i = 0; i < tokens.length; ) {
    const isSign = (t: Token | undefined) => t !== undefined && t.kind === 'OP' && t.end - t.start === 1 && (text[t.start] === '-' || text[t.start] === '+');
    if (!isSign(tokens[i]) || !opensExpression(tokens[i - 1], text)) {
      i++;
      continue;
    }
    let j = i;
    let negative = false;
    while (isSign(tokens[j])) negative = negative !== (text[tokens[j++]!.start] === '-');
    if (j - i >= MIN_RUN) {
      chars[tokens[i]!.start] = negative ? '-' : '+';
      for (let k = i + 1; k < j; k++) chars[tokens[k]!.start] = ' ';
      changed = true;
    }
    i = j;
  }

  // Grouping parentheses directly inside grouping parentheses: `((E))` means `(E)`.
  const partner = new Map<number, number>();
  const open: number[] = [];
  tokens.forEach((t, i) => {
    const c = text[t.start];
    if (t.kind !== 'PUNCT') return;
    if (c === '(' || c === '[' || c === '{') open.push(i);
    else if (c === ')' || c === ']' || c === '}') {
      const o = open.pop();
      if (o !== undefined && text[tokens[o]!.start] === (c === ')' ? '(' : c === ']' ? '[' : '{')) partner.set(o, i);
    }
  });
  const grouping = (i: number) => text[tokens[i]!.start] === '(' && partner.has(i) && opensExpression(tokens[i - 1], text);
  // A pair directly inside another: its `(` follows the outer `(` and its `)` precedes the outer `)`.
  const inner = (i: number) => grouping(i + 1) && partner.get(i + 1) === partner.get(i)! - 1;
  for (let i = 0; i < tokens.length; i++) {
    if (!grouping(i) || (i > 0 && grouping(i - 1) && inner(i - 1))) continue; // not the outermost of a run
    let depth = 0;
    for (let k = i; inner(k); k++) depth++;
    if (depth + 1 < MIN_RUN) continue;
    for (let k = i + 1; k <= i + depth; k++) {
      chars[tokens[k]!.start] = ' ';
      chars[tokens[partner.get(k)!]!.start] = ' ';
    }
    changed = true;
  }
  return changed ? chars.join('') : text;
}
