// analyseQuery: one parse with Prometheus' own lezer grammar and one walk over its tree that
// type-checks the query the way Prometheus' parser does and collects the facts checks need.
//
// Errors come in two tiers, as in Prometheus (promql/parser/parse.go):
//  - parse errors: the grammar's error nodes, plus what Prometheus reports while it builds the
//    tree (unknown or disabled functions, aggregation argument counts, bad regexes, bad string
//    escapes, offset/@/range placement, non-positive ranges, experimental syntax);
//  - type errors (Prometheus' checkAST): argument and operand types, argument counts, `bool`,
//    set operators, vector matching, empty selectors. Like Prometheus, these are only reported
//    when there is no parse error, because they would mostly be echoes of it.
// Messages follow Prometheus 3.14 (see docs/promql.md for where that differs from promtool 2.42).

import {
  parser,
  AggregateExpr, AggregateModifier, AggregateOp, AnchoredExpr, At, AtModifierPreprocessors, BinaryExpr, BoolModifier, By,
  DurationExpr, DurationMaxOf, DurationMinOf, DurationRange, DurationStep, FillModifier, FunctionCall, FunctionCallBody,
  FunctionIdentifier, GroupLeft, GroupRight, GroupingLabels, Identifier, LabelMatchers, LabelName, LineComment, MatchOp,
  MatchingModifierClause, MatrixSelector, NumberDurationLiteral, Ignoring, NumberDurationLiteralInDurationContext, Offset,
  OffsetDurationExpr, OffsetExpr, On, ParenExpr, QuotedLabelMatcher, QuotedLabelName, SmoothedExpr, StepInvariantExpr,
  StringLiteral, SubqueryExpr, UnaryExpr, UnaryOp, UnquotedLabelMatcher, VectorSelector, Without,
  Pow, Mul, Div, Mod, Atan2, Add, Sub, Eql, Gte, Gtr, TrimUpper, TrimLower, Lte, Lss, Neq, And, Unless, Or,
} from '@prometheus-io/lezer-promql';
import { emptyFacts, type AggregationFact, type ComparisonFact, type LabelMatcherFact, type QueryAnalysis, type QueryError, type QueryFacts } from './analyse.js';
import { AGGREGATIONS, AGGREGATION_PARAMS, EXPERIMENTAL_AGGREGATIONS, FUNCTIONS, documentedType, type ValueType } from './functions.js';
import { analyseRegex } from './regex.js';
import { describeToken, goQuote, lexPromQL, unquote, type LexResult, type Token } from './lexer.js';

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

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

type Kind = 'vs' | 'ms' | 'sq' | 'num' | 'str' | 'paren' | 'bin' | 'call' | 'agg' | 'unary' | 'other';

/** What the walk knows about an expression once it has visited it. */
interface Ex {
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

// Operator chains, flattened from lezer's tree and rebuilt with Prometheus' precedence.
interface BinItem {
  k: 'bin';
  op: SyntaxNode;
  bool?: SyntaxNode;
  matching?: SyntaxNode;
  fill?: SyntaxNode;
}
type ChainItem =
  | { k: 'atom'; node: SyntaxNode }
  | { k: 'num'; from: number; to: number }
  | { k: 'pre'; neg: boolean; from: number }
  | BinItem
  | { k: 'post'; node: SyntaxNode; mods: SyntaxNode[] };
interface UnaryChain {
  k: 'unary';
  neg: boolean;
  operand?: Chain;
  from: number;
  to: number;
}
interface BinaryChain {
  k: 'binary';
  lhs: Chain;
  item: BinItem;
  rhs?: Chain;
  from: number;
  to: number;
}
interface PostChain {
  k: 'post';
  node: SyntaxNode;
  mods: SyntaxNode[];
  operand?: Chain;
  from: number;
  to: number;
}
type Chain = { k: 'atom'; node: SyntaxNode; from: number; to: number } | { k: 'num'; from: number; to: number } | UnaryChain | BinaryChain | PostChain;

/** Prometheus' binary operator precedence (generated_parser.y), higher binds tighter. */
const PRECEDENCE: Record<number, number> = {
  [Or]: 1, [And]: 2, [Unless]: 2,
  [Eql]: 3, [Neq]: 3, [Gtr]: 3, [Lss]: 3, [Gte]: 3, [Lte]: 3, [TrimUpper]: 3, [TrimLower]: 3,
  [Add]: 4, [Sub]: 4, [Mul]: 5, [Div]: 5, [Mod]: 5, [Atan2]: 5, [Pow]: 6,
};
const POW_PRECEDENCE = 6;

/**
 * Rebuilds a flattened chain: postfix modifiers bind tightest, then `^` (right-associative),
 * then unary minus/plus (like `*`), then the binary operators by precedence (left-associative).
 */
class ChainParser {
  private i = 0;
  constructor(private readonly items: ChainItem[]) {}

  /** The chain, and any leftovers a broken tree may leave (visited too, for their facts and errors). */
  parse(): Chain[] {
    const out: Chain[] = [];
    while (this.i < this.items.length) {
      const start = this.i;
      const c = this.binary(1);
      if (c) out.push(c);
      if (this.i === start) this.i++; // a stray operator
    }
    return out;
  }

  private binary(minPrec: number): Chain | undefined {
    let lhs = this.prefix();
    for (;;) {
      const it = this.items[this.i];
      if (!it || it.k !== 'bin') break;
      const prec = PRECEDENCE[it.op.type.id] ?? 1;
      if (prec < minPrec) break;
      this.i++;
      const rhs = this.binary(prec === POW_PRECEDENCE ? prec : prec + 1);
      if (!lhs) {
        lhs = rhs;
        continue;
      }
      const end = rhs ? rhs.to : (it.fill ?? it.matching ?? it.bool ?? it.op).to;
      lhs = { k: 'binary', lhs, item: it, rhs, from: lhs.from, to: end };
    }
    return lhs;
  }

  private prefix(): Chain | undefined {
    const it = this.items[this.i];
    if (it?.k === 'pre') {
      this.i++;
      const operand = this.binary(POW_PRECEDENCE);
      return { k: 'unary', neg: it.neg, operand, from: it.from, to: operand ? operand.to : it.from + 1 };
    }
    return this.postfix();
  }

  private postfix(): Chain | undefined {
    const it = this.items[this.i];
    let base: Chain | undefined;
    if (it?.k === 'atom') {
      this.i++;
      base = { k: 'atom', node: it.node, from: it.node.from, to: it.node.to };
    } else if (it?.k === 'num') {
      this.i++;
      base = { k: 'num', from: it.from, to: it.to };
    }
    for (;;) {
      const p = this.items[this.i];
      if (!p || p.k !== 'post') break;
      this.i++;
      base = { k: 'post', node: p.node, mods: p.mods, operand: base, from: base ? base.from : p.node.from, to: p.node.to };
    }
    return base;
  }
}

const EXPRESSION_IDS = new Set<number>([
  AggregateExpr, BinaryExpr, FunctionCall, MatrixSelector, NumberDurationLiteral, OffsetExpr, AnchoredExpr, SmoothedExpr,
  ParenExpr, StringLiteral, SubqueryExpr, UnaryExpr, VectorSelector, StepInvariantExpr,
]);

interface ErrorNodeRecord {
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

const COMPARISON_OPS: Record<number, ComparisonFact['op']> = { [Eql]: '==', [Neq]: '!=', [Gtr]: '>', [Lss]: '<', [Gte]: '>=', [Lte]: '<=' };
const OP_TEXT: Record<number, string> = {
  [Pow]: '^', [Mul]: '*', [Div]: '/', [Mod]: '%', [Atan2]: 'atan2', [Add]: '+', [Sub]: '-', [Eql]: '==', [Gte]: '>=', [Gtr]: '>',
  [TrimUpper]: '</', [TrimLower]: '>/', [Lte]: '<=', [Lss]: '<', [Neq]: '!=', [And]: 'and', [Unless]: 'unless', [Or]: 'or',
};
const SET_OPS = new Set<number>([And, Or, Unless]);
const PARAMLESS_KEEP_LABELS = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);
const MAX_DURATION_SECONDS = 9223372036.854775807; // int64 nanoseconds
const SELECTOR_KINDS = new Set<Kind>(['vs', 'ms', 'sq']);

/** Rounds away binary floating-point noise from folded constants: 1 - 0.999 → 0.001. */
function tidy(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(12)) : x;
}

/** What Go's strconv.ParseInt(s, 0, 64) / ParseFloat accept among the PromQL lexer's NUMBER tokens. */
const GO_NUMBER_RE = /^(?:[iI][nN][fF]|[nN][aA][nN]|0[xX]_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?)$/;
const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const DURATION_UNITS = [31536000, 604800, 86400, 3600, 60, 1, 0.001];

/** A PromQL number or duration literal (no sign) as a number of seconds / a float. NaN when it does not parse. */
export function parseNumberLiteral(s: string): number {
  const c = s.charCodeAt(s.length - 1);
  if ((c >= 48 && c <= 57) || s.includes('.') || /^0[xX]/.test(s)) {
    // Plain number.
    if (/^0[xX]/.test(s)) return parseInt(s.slice(2).replace(/_/g, ''), 16);
    const t = s.replace(/_/g, '');
    if (/^0[0-7]+$/.test(t)) return parseInt(t, 8);
    return t === '' ? NaN : Number(t);
  }
  const lower = s.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === 'nan') return NaN;
  const m = DURATION_RE.exec(s);
  if (!m || s === '') return Number(s);
  let total = 0;
  for (let i = 0; i < 7; i++) if (m[i + 1] !== undefined) total += Number(m[i + 1]) * DURATION_UNITS[i]!;
  return tidy(total);
}

/** Go's %f. */
function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  return x.toFixed(6);
}

class Walker {
  readonly facts: QueryFacts = emptyFacts();
  /** Errors Prometheus reports while parsing. */
  readonly parseErrors: QueryError[] = [];
  /** Errors from Prometheus' type check (checkAST), reported only without parse errors. */
  readonly typeErrors: QueryError[] = [];
  readonly errorNodes: ErrorNodeRecord[] = [];
  private readonly comparisons: (ComparisonFact | undefined)[] = [];
  private readonly fns: string[] = [];
  private readonly aggs: string[] = [];
  private readonly subqueryRanges: (number | undefined)[] = [];
  private bypassEmptyMatcherCheck = false;
  private aggBodyDepth = 0;
  /** Where each parse error's construct ends, and whether a syntax error inside it may hide it. */
  readonly parseErrorMeta: { end: number; sticky: boolean }[] = [];

  constructor(
    private readonly text: string,
    private readonly opts: AnalyseOptions,
    /** Unknown function names that were swapped for a known one so the grammar could parse the call, by offset. */
    private readonly renamed: ReadonlyMap<number, string> = new Map(),
  ) {}

  /** `foo(`: an identifier the grammar does not know as a function, followed by a call. */
  unknownFunctionCalls(): { from: number; to: number }[] {
    const out: { from: number; to: number }[] = [];
    for (const r of this.errorNodes) {
      if (r.parent !== VectorSelector || r.prev !== Identifier || this.text[r.from] !== '(') continue;
      if (out.length > 0 && out[out.length - 1]!.from === r.prevFrom) continue;
      const name = this.text.slice(r.prevFrom, r.prevTo);
      if (name.length < 2 || AGGREGATIONS.has(name.toLowerCase())) continue;
      out.push({ from: r.prevFrom, to: r.prevTo });
    }
    return out;
  }

  finishFacts(): QueryFacts {
    for (const c of this.comparisons) if (c) this.facts.comparisons.push(c);
    return this.facts;
  }

  private slice(n: SyntaxNode): string {
    return this.text.slice(n.from, n.to);
  }

  /**
   * A parse-time error over [from, to). `end` is the end of the construct, where Prometheus
   * notices the problem (used to order errors and to drop echoes of syntax errors).
   */
  private parseError(from: number, to: number, message: string, end = to, sticky = false): void {
    this.parseErrors.push({ from, to, message });
    this.parseErrorMeta.push({ end, sticky });
  }

  private typeError(from: number, to: number, message: string): void {
    this.typeErrors.push({ from, to, message });
  }

  /** The children that matter (no comments), recording grammar error nodes on the way. */
  kids(node: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    let prev: SyntaxNode | null = null;
    let durations = 0;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      const id = c.type.id;
      if (c.type.isError) {
        this.errorNodes.push({
          from: c.from,
          to: c.to,
          parent: node.type.id,
          prev: prev ? prev.type.id : -1,
          prevFrom: prev ? prev.from : node.from,
          prevTo: prev ? prev.to : node.from,
          durations,
          parentFrom: node.from,
          parentTo: node.to,
          aggDepth: this.aggBodyDepth,
        });
        continue;
      }
      if (id === LineComment) continue;
      if (id === DurationExpr) durations++;
      out.push(c);
      prev = c;
    }
    return out;
  }

  /** Visits nodes the walk does not otherwise look into, only to find error nodes. */
  private scan(node: SyntaxNode): void {
    for (const c of this.kids(node)) if (c.firstChild) this.scan(c);
  }

  /** For small rule nodes (operators, keywords) whose children the walk does not need. */
  private leaf(node: SyntaxNode | undefined): void {
    if (node?.firstChild) this.scan(node);
  }

  expr(node: SyntaxNode, rangeHint?: number): Ex {
    switch (node.type.id) {
      case VectorSelector:
        return this.vectorSelector(node, rangeHint);
      case FunctionCall:
        return this.call(node);
      case AggregateExpr:
        return this.aggregate(node);
      case ParenExpr:
        return this.paren(node);
      case StringLiteral:
        return this.string(node);
      case NumberDurationLiteral:
      case BinaryExpr:
      case UnaryExpr:
      case MatrixSelector:
      case SubqueryExpr:
      case OffsetExpr:
      case StepInvariantExpr:
      case AnchoredExpr:
      case SmoothedExpr: {
        // Operator chains: lezer's grammar lets postfix modifiers ([5m], offset, @) bind looser than
        // binary and unary operators (`a - b offset 1h` is `(a - b) offset 1h` there), Prometheus the
        // other way round. Flatten the chain and rebuild it with Prometheus' precedence.
        const items: ChainItem[] = [];
        this.flatten(node, items);
        const [chain, ...rest] = new ChainParser(items).parse();
        const ex = chain ? this.visit(chain, rangeHint) : { t: 'none' as const, k: 'other' as const, from: node.from, to: node.to, le: true };
        for (const r of rest) this.visit(r);
        return ex;
      }
      default:
        this.scan(node);
        return { t: 'none', k: 'other', from: node.from, to: node.to, le: true };
    }
  }

  private flatten(node: SyntaxNode, out: ChainItem[]): void {
    const id = node.type.id;
    switch (id) {
      case BinaryExpr: {
        let lhs: SyntaxNode | undefined;
        let op: SyntaxNode | undefined;
        let rhs: SyntaxNode | undefined;
        let bool: SyntaxNode | undefined;
        let matching: SyntaxNode | undefined;
        let fill: SyntaxNode | undefined;
        for (const c of this.kids(node)) {
          const cid = c.type.id;
          if (!op && lhs && OP_TEXT[cid] !== undefined) op = c;
          else if (cid === BoolModifier) bool = c;
          else if (cid === MatchingModifierClause) matching = c;
          else if (cid === FillModifier) fill = c;
          else if (!lhs) lhs = c;
          else if (op && !rhs) rhs = c;
        }
        this.leaf(op);
        this.leaf(bool);
        if (lhs) this.flatten(lhs, out);
        if (op) out.push({ k: 'bin', op, bool, matching, fill });
        if (rhs) this.flatten(rhs, out);
        return;
      }
      case UnaryExpr: {
        const ks = this.kids(node);
        const opNode = ks[0]?.type.id === UnaryOp ? ks[0] : undefined;
        this.leaf(opNode);
        if (opNode) out.push({ k: 'pre', neg: this.slice(opNode) === '-', from: opNode.from });
        const operand = opNode ? ks[1] : ks[0];
        if (operand) this.flatten(operand, out);
        return;
      }
      case NumberDurationLiteral: {
        const raw = this.slice(node);
        if (raw[0] === '-' || raw[0] === '+') {
          out.push({ k: 'pre', neg: raw[0] === '-', from: node.from });
          let start = node.from + 1;
          while (start < node.to && ' \t\r\n'.includes(this.text[start]!)) start++;
          out.push({ k: 'num', from: start, to: node.to });
        } else {
          out.push({ k: 'num', from: node.from, to: node.to });
        }
        this.scan(node);
        return;
      }
      case MatrixSelector:
      case SubqueryExpr:
      case OffsetExpr:
      case StepInvariantExpr:
      case AnchoredExpr:
      case SmoothedExpr: {
        const ks = this.kids(node);
        const first = ks[0];
        const hasOperand = first !== undefined && EXPRESSION_IDS.has(first.type.id);
        if (hasOperand) this.flatten(first, out);
        const mods = hasOperand ? ks.slice(1) : ks;
        for (const m of mods) if (m.type.id !== DurationExpr && m.type.id !== OffsetDurationExpr) this.leaf(m);
        out.push({ k: 'post', node, mods });
        return;
      }
      default:
        out.push({ k: 'atom', node });
    }
  }

  private visit(v: Chain, rangeHint?: number): Ex {
    switch (v.k) {
      case 'atom':
        return this.expr(v.node, rangeHint);
      case 'num':
        return this.number(v.from, v.to);
      case 'unary':
        return this.unary(v);
      case 'binary':
        return this.binary(v);
      case 'post':
        switch (v.node.type.id) {
          case MatrixSelector:
            return this.matrix(v);
          case SubqueryExpr:
            return this.subquery(v);
          case OffsetExpr:
            return this.offset(v, rangeHint);
          case StepInvariantExpr:
            return this.at(v, rangeHint);
          default:
            return this.anchoredOrSmoothed(v);
        }
    }
  }

  // ---- leaves -------------------------------------------------------------------------------

  private number(from: number, to: number): Ex {
    const v = parseNumberLiteral(this.text.slice(from, to));
    const numIndex = this.facts.numbers.push(v) - 1;
    return { t: 'scalar', k: 'num', from, to, v, le: true, numIndex };
  }

  private string(node: SyntaxNode): Ex {
    const r = unquote(this.slice(node));
    if (r.error) this.parseError(node.from, node.to, r.error);
    return { t: 'string', k: 'str', from: node.from, to: node.to, le: true };
  }

  /** The unquoted value of a StringLiteral node; records escape errors. */
  private stringValue(node: SyntaxNode): string {
    const r = unquote(this.slice(node));
    if (r.error) this.parseError(node.from, node.to, r.error);
    return r.value;
  }

  private vectorSelector(node: SyntaxNode, rangeHint?: number): Ex {
    let name: string | undefined;
    let metric: string | undefined;
    const matchers: LabelMatcherFact[] = [];
    let nonEmpty = false;
    const nameMatchers: string[] = [];
    for (const c of this.kids(node)) {
      if (c.type.id === Identifier) {
        name = this.slice(c);
        continue;
      }
      if (c.type.id !== LabelMatchers) continue;
      for (const m of this.kids(c)) {
        const id = m.type.id;
        if (id === QuotedLabelName) {
          // {"metric.name"}: a metric name inside the braces.
          const lit = m.firstChild;
          if (!lit) continue;
          const value = this.stringValue(lit);
          metric ??= value;
          nameMatchers.push(value);
          if (value !== '') nonEmpty = true;
          continue;
        }
        if (id !== UnquotedLabelMatcher && id !== QuotedLabelMatcher) {
          this.scan(m);
          continue;
        }
        const parts = this.kids(m);
        const labelNode = parts[0];
        const opNode = parts.find((p) => p.type.id === MatchOp);
        const valueNode = parts[parts.length - 1];
        if (!labelNode || !opNode || !valueNode || valueNode.type.id !== StringLiteral || parts.length !== 3) continue;
        this.leaf(opNode);
        const label = id === QuotedLabelMatcher ? (labelNode.firstChild ? this.stringValue(labelNode.firstChild) : '') : this.slice(labelNode);
        const op = this.slice(opNode) as LabelMatcherFact['op'];
        const value = this.stringValue(valueNode);
        matchers.push({ label, op, value });
        let matchesEmpty: boolean;
        if (op === '=~' || op === '!~') {
          const info = analyseRegex(value);
          if (info.error) {
            this.parseError(labelNode.from, valueNode.to, info.error);
            matchesEmpty = false;
          } else {
            matchesEmpty = op === '=~' ? info.matchesEmpty : !info.matchesEmpty;
          }
        } else {
          matchesEmpty = op === '=' ? value === '' : value !== '';
        }
        if (!matchesEmpty) nonEmpty = true;
        if (label === '__name__') {
          nameMatchers.push(value);
          if (op === '=') metric ??= value;
        }
      }
    }
    if (name !== undefined) {
      for (const other of nameMatchers) this.typeError(node.from, node.to, `metric name must not be set twice: ${goQuote(name)} or ${goQuote(other)}`);
    } else if (!nonEmpty && !this.bypassEmptyMatcherCheck) {
      this.typeError(node.from, node.to, 'vector selector must contain at least one non-empty matcher');
    }
    const metricName = name ?? metric;
    const sq = this.subqueryRanges;
    this.facts.selectors.push({
      metric: metricName,
      matchers,
      rangeSeconds: rangeHint ?? (sq.length > 0 ? sq[sq.length - 1] : undefined),
      functions: this.fns.length ? this.fns.slice().reverse() : [],
      aggregations: this.aggs.length ? this.aggs.slice().reverse() : [],
      from: node.from,
      to: node.to,
    });
    return {
      t: 'vector',
      k: 'vs',
      from: node.from,
      to: node.to,
      le: true,
      ratio: metricName !== undefined && metricName.includes('ratio'),
    };
  }

  // ---- durations ----------------------------------------------------------------------------

  /** Value of a duration expression in seconds; `literal` when it is a plain (signed) literal. */
  private durationValue(node: SyntaxNode): { v?: number; literal: boolean } {
    const ks = this.kids(node);
    const first = ks[0];
    if (!first) return { literal: true };
    const id = first.type.id;
    for (const k of ks) if (k.type.id !== DurationExpr && k.type.id !== OffsetDurationExpr) this.leaf(k);
    if (ks.length === 1) {
      if (id === NumberDurationLiteralInDurationContext) return { v: parseNumberLiteral(this.slice(first)), literal: true };
      if (id === DurationExpr || id === OffsetDurationExpr) return { v: this.durationValue(first).v, literal: false };
      return { literal: false }; // step(), range()
    }
    if (id === UnaryOp) {
      const inner = ks[1] ? this.durationValue(ks[1]) : { literal: true };
      const neg = this.slice(first) === '-';
      return { v: inner.v === undefined ? undefined : neg ? -inner.v : inner.v, literal: inner.literal };
    }
    if (id === DurationMinOf || id === DurationMaxOf) {
      const a = ks[1] ? this.durationValue(ks[1]).v : undefined;
      const b = ks[2] ? this.durationValue(ks[2]).v : undefined;
      const v = a === undefined || b === undefined ? undefined : id === DurationMinOf ? Math.min(a, b) : Math.max(a, b);
      return { v, literal: false };
    }
    if (id === DurationStep || id === DurationRange) return { literal: false };
    // Binary duration arithmetic.
    const a = this.durationValue(first).v;
    const op = ks[1]?.type.id;
    const b = ks[2] ? this.durationValue(ks[2]).v : undefined;
    let v: number | undefined;
    if (a !== undefined && b !== undefined) {
      if (op === Add) v = a + b;
      else if (op === Sub) v = a - b;
      else if (op === Mul) v = a * b;
      else if (op === Div) v = a / b;
      else if (op === Mod) v = a % b;
      else if (op === Pow) v = a ** b;
    }
    return { v: v === undefined ? undefined : tidy(v), literal: false };
  }

  /** Checks a range, subquery step or offset duration the way Prometheus does; returns seconds. */
  private duration(node: SyntaxNode, positive: boolean): number | undefined {
    const d = this.durationValue(node);
    if (!d.literal) {
      if (!this.opts.durationExpressions) this.parseError(node.from, node.to, 'experimental duration expression is not enabled');
      return d.v;
    }
    if (d.v === undefined) return undefined;
    if (Math.abs(d.v) > MAX_DURATION_SECONDS) {
      this.parseError(node.from, node.to, 'duration out of range');
      return undefined;
    }
    if (positive && d.v <= 0) {
      this.parseError(node.from, node.to, 'duration must be greater than 0');
      return undefined;
    }
    return d.v;
  }

  // ---- selectors with ranges and modifiers --------------------------------------------------

  private matrix(p: PostChain): Ex {
    const durNode = p.mods.find((c) => c.type.id === DurationExpr);
    const range = durNode ? this.duration(durNode, true) : undefined;
    const op = p.operand;
    const inner = op ? this.visit(op, op.k === 'atom' && op.node.type.id === VectorSelector ? range : undefined) : undefined;
    if (inner && durNode) {
      let message: string | undefined;
      if (inner.k !== 'vs') message = 'ranges only allowed for vector selectors';
      else if (inner.off) message = 'no offset modifiers allowed before range';
      else if (inner.at) message = 'no @ modifiers allowed before range';
      if (message) {
        const open = this.text.lastIndexOf('[', durNode.from);
        this.parseError(open >= inner.to ? open : durNode.from, p.to, message);
      }
    }
    return { t: 'matrix', k: 'ms', from: p.from, to: p.to, le: true };
  }

  private subquery(p: PostChain): Ex {
    const durations = p.mods.filter((c) => c.type.id === DurationExpr);
    const range = durations[0] ? this.duration(durations[0], true) : undefined;
    if (durations[1]) this.duration(durations[1], true);
    this.subqueryRanges.push(range);
    const inner = p.operand ? this.visit(p.operand) : undefined;
    this.subqueryRanges.pop();
    if (inner && inner.t !== 'vector') this.typeError(p.from, p.to, `subquery is only allowed on instant vector, got ${inner.t} instead`);
    return { t: 'matrix', k: 'sq', from: p.from, to: p.to, le: inner?.le ?? true };
  }

  private offset(p: PostChain, rangeHint?: number): Ex {
    const durNode = p.mods.find((c) => c.type.id === OffsetDurationExpr);
    const inner = p.operand ? this.visit(p.operand, rangeHint) : undefined;
    if (durNode) this.duration(durNode, false);
    if (!inner) return { t: 'none', k: 'other', from: p.from, to: p.to, le: true };
    if (!SELECTOR_KINDS.has(inner.k)) {
      this.parseError(inner.from, inner.to, 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery', p.to);
    } else if (inner.off) {
      this.parseError(inner.from, inner.to, 'offset may not be set multiple times', p.to);
    }
    return { ...inner, to: p.to, off: true };
  }

  private at(p: PostChain, rangeHint?: number): Ex {
    const inner = p.operand ? this.visit(p.operand, rangeHint) : undefined;
    const tsNode = p.mods.find((c) => c.type.id === NumberDurationLiteral || c.type.id === AtModifierPreprocessors);
    if (!inner) return { t: 'none', k: 'other', from: p.from, to: p.to, le: true };
    if (tsNode && tsNode.type.id === NumberDurationLiteral) {
      const raw = this.slice(tsNode);
      const neg = raw[0] === '-';
      const body = raw[0] === '-' || raw[0] === '+' ? raw.slice(1).trim() : raw;
      const ts = (neg ? -1 : 1) * parseNumberLiteral(body);
      if (!Number.isFinite(ts) || ts >= 9223372036854775807 || ts <= -9223372036854775808) {
        this.parseError(inner.from, inner.to, `timestamp out of bounds for @ modifier: ${goFloat(ts)}`, p.to);
      }
    }
    if (!SELECTOR_KINDS.has(inner.k)) {
      this.parseError(inner.from, inner.to, '@ modifier must be preceded by an instant vector selector or range vector selector or a subquery', p.to);
    } else if (inner.at) {
      this.parseError(inner.from, inner.to, '@ <timestamp> may not be set multiple times', p.to);
    }
    return { ...inner, to: p.to, at: true };
  }

  private anchoredOrSmoothed(p: PostChain): Ex {
    const inner = p.operand ? this.visit(p.operand) : undefined;
    if (!inner) return { t: 'none', k: 'other', from: p.from, to: p.to, le: true };
    const what = p.node.type.id === AnchoredExpr ? 'anchored' : 'smoothed';
    if (!this.opts.extendedRangeSelectors) {
      this.parseError(inner.from, inner.to, `${what} modifier is experimental and not enabled`, p.to);
    } else if (inner.k === 'sq') {
      this.parseError(inner.from, inner.to, `${what} modifier is not supported for subqueries`, p.to);
    } else if (inner.k !== 'vs' && inner.k !== 'ms') {
      this.parseError(inner.from, inner.to, `${what} modifier not implemented`, p.to);
    }
    return { ...inner, to: p.to };
  }

  // ---- operators ----------------------------------------------------------------------------

  private paren(node: SyntaxNode): Ex {
    const ks = this.kids(node);
    if (!ks[0]) return { t: 'none', k: 'paren', from: node.from, to: node.to, le: true };
    const inner = this.expr(ks[0]);
    for (let i = 1; i < ks.length; i++) this.expr(ks[i]!); // only in broken trees
    return {
      t: inner.t,
      k: 'paren',
      from: node.from,
      to: node.to,
      v: inner.v,
      le: inner.le,
      scale: inner.scale,
      budget: inner.budget,
      ratio: inner.ratio,
    };
  }

  private unary(u: UnaryChain): Ex {
    const inner = u.operand ? this.visit(u.operand) : undefined;
    if (!inner) return { t: 'none', k: 'other', from: u.from, to: u.to, le: true };
    const v = inner.v === undefined ? undefined : u.neg ? -inner.v : inner.v;
    if (inner.k === 'num') {
      // Prometheus folds a sign into the literal itself.
      if (inner.numIndex !== undefined && v !== undefined) this.facts.numbers[inner.numIndex] = v;
      return { ...inner, from: u.from, v };
    }
    if (inner.t !== 'scalar' && inner.t !== 'vector') {
      this.typeError(u.from, u.to, `unary expression only allowed on expressions of type scalar or instant vector, got ${goQuote(documentedType(inner.t))}`);
    }
    return { t: inner.t, k: 'unary', from: u.from, to: u.to, v, le: inner.le };
  }

  private grouping(node: SyntaxNode | undefined): string[] {
    if (!node) return [];
    const labels: string[] = [];
    for (const c of this.kids(node)) {
      if (c.type.id === LabelName) labels.push(this.slice(c));
      else if (c.type.id === QuotedLabelName && c.firstChild) {
        const value = this.stringValue(c.firstChild);
        if (value === '') this.parseError(c.from, c.to, `invalid label name for grouping: ${goQuote(value)}`);
        labels.push(value);
      }
    }
    return labels;
  }

  private binary(bx: BinaryChain): Ex {
    const { op: opNode, bool: boolNode, matching: matchingNode, fill: fillNode } = bx.item;
    const opId = opNode.type.id;
    const op = OP_TEXT[opId] ?? '';
    const cmp = COMPARISON_OPS[opId];
    const comparisonIndex = cmp ? this.comparisons.push(undefined) - 1 : -1;
    const lhs = this.visit(bx.lhs);
    const rhs = bx.rhs ? this.visit(bx.rhs) : undefined;
    const node = { from: bx.from, to: bx.to };
    if (fillNode) {
      this.scan(fillNode);
      if (!this.opts.binopFillModifiers) this.parseError(node.from, node.to, 'binop fill modifiers are experimental and not enabled');
    }
    if (!rhs) return { t: 'none', k: 'other', from: node.from, to: node.to, le: true };

    // Vector matching.
    let on = false;
    let matchingLabels: string[] = [];
    let grouping: 'left' | 'right' | undefined;
    let include: string[] = [];
    if (matchingNode) {
      const parts = this.kids(matchingNode);
      let seenGroup = false;
      for (const p of parts) {
        const id = p.type.id;
        if (id !== GroupingLabels) this.leaf(p);
        if (id === On) on = true;
        else if (id === GroupLeft || id === GroupRight) {
          grouping = id === GroupLeft ? 'left' : 'right';
          seenGroup = true;
        } else if (id === GroupingLabels) {
          if (seenGroup) include = this.grouping(p);
          else matchingLabels = this.grouping(p);
        }
      }
    }

    // Prometheus' checkAST for binary expressions, in its order.
    const isBool = boolNode !== undefined;
    const lt = lhs.t;
    const rt = rhs.t;
    const last = fillNode ?? matchingNode ?? boolNode ?? opNode;
    const opFrom = opNode.from;
    const opTo = last.to;
    if (isBool && !cmp) this.typeError(opFrom, opTo, 'bool modifier can only be used on comparison operators');
    if (cmp && !isBool && lt === 'scalar' && rt === 'scalar') this.typeError(opFrom, opTo, 'comparisons between scalars must use BOOL modifier');
    if (on) {
      for (const l1 of matchingLabels) {
        for (const l2 of include) if (l1 === l2) this.typeError(opFrom, opTo, `label ${goQuote(l1)} must not occur in ON and GROUP clause at once`);
      }
    }
    if (lt !== 'scalar' && lt !== 'vector') this.typeError(lhs.from, lhs.to, 'binary expression must contain only scalar and instant vector types');
    if (rt !== 'scalar' && rt !== 'vector') this.typeError(rhs.from, rhs.to, 'binary expression must contain only scalar and instant vector types');
    const setOp = SET_OPS.has(opId);
    if (lt !== 'vector' || rt !== 'vector') {
      if (matchingLabels.length > 0) this.typeError(node.from, node.to, 'vector matching only allowed between instant vectors');
      if (fillNode) this.typeError(node.from, node.to, 'filling in missing series only allowed between instant vectors');
    } else if (setOp) {
      if (grouping) {
        this.typeError(node.from, node.to, `no grouping allowed for ${goQuote(op)} operation`);
        this.typeError(node.from, node.to, 'set operations must always be many-to-many');
      }
      if (fillNode) this.typeError(node.from, node.to, 'filling in missing series not allowed for set operators');
    }
    if ((lt === 'scalar' || rt === 'scalar') && setOp) this.typeError(node.from, node.to, `set operator ${goQuote(op)} not allowed in binary scalar expression`);

    const t: ValueType = lt === 'scalar' && rt === 'scalar' ? 'scalar' : 'vector';
    const ex: Ex = { t, k: 'bin', from: node.from, to: node.to, le: lhs.le && rhs.le };

    // Constant folding.
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
          if (cmp && isBool) {
            const r = cmp === '==' ? a === b : cmp === '!=' ? a !== b : cmp === '>' ? a > b : cmp === '<' ? a < b : cmp === '>=' ? a >= b : a <= b;
            v = r ? 1 : 0;
          }
      }
      if (v !== undefined) ex.v = tidy(v);
      // An error budget written as 1 - objective.
      if (opId === Sub && a === 1 && b > 0 && b < 1 && ex.v !== undefined) {
        ex.budget = true;
        this.facts.budgets.push(ex.v);
      }
    } else if (a === undefined && b !== undefined) {
      if (opId === Mul) ex.scale = { n: b, op: '*' };
      else if (opId === Div) {
        ex.scale = { n: b, op: '/' };
        // A literal budget dividing a ratio: errors / total / 0.001.
        if (b > 0 && b < 1 && !rhs.budget && lhs.ratio) this.facts.budgets.push(b);
      }
    } else if (a !== undefined && b === undefined && opId === Mul) {
      ex.scale = { n: a, op: '*' };
    }
    if (opId === Div && ex.v === undefined) ex.ratio = true;

    if (cmp) {
      const fact: ComparisonFact = { op: cmp, bool: isBool, from: node.from, to: node.to };
      let other: Ex | undefined;
      if (b !== undefined) {
        fact.threshold = b;
        fact.thresholdSide = 'right';
        other = lhs;
      } else if (a !== undefined) {
        fact.threshold = a;
        fact.thresholdSide = 'left';
        other = rhs;
      }
      if (other?.scale) {
        fact.scale = other.scale.n;
        fact.scaleOp = other.scale.op;
      }
      this.comparisons[comparisonIndex] = fact;
    }
    return ex;
  }

  // ---- calls and aggregations ---------------------------------------------------------------

  private call(node: SyntaxNode): Ex {
    const ks = this.kids(node);
    const idNode = ks.find((c) => c.type.id === FunctionIdentifier);
    const body = ks.find((c) => c.type.id === FunctionCallBody);
    this.leaf(idNode);
    const original = idNode ? this.renamed.get(idNode.from) : undefined;
    const name = original ?? (idNode ? this.slice(idNode) : '');
    const fn = FUNCTIONS.get(name);
    if (idNode) {
      const idTo = idNode.from + name.length;
      if (!fn) this.parseError(idNode.from, idTo, `unknown function with name ${goQuote(name)}`, node.to, true);
      else if (fn.experimental && !this.opts.experimentalFunctions) this.parseError(idNode.from, idTo, `function ${goQuote(name)} is not enabled`, node.to, true);
    }
    this.facts.functions.push(name);
    const hq = name === 'histogram_quantile' ? this.facts.histogramQuantiles.push({ keepsLe: true, from: node.from, to: node.to }) - 1 : -1;

    const countMark = this.typeErrors.length;
    const argNodes = body ? this.kids(body) : [];
    const args: Ex[] = [];
    const marks: number[] = [];
    this.fns.push(name);
    for (let i = 0; i < argNodes.length; i++) {
      const bypass = this.bypassEmptyMatcherCheck;
      this.bypassEmptyMatcherCheck = name === 'info' && i === 1 && argNodes[i]!.type.id === VectorSelector;
      args.push(this.expr(argNodes[i]!));
      this.bypassEmptyMatcherCheck = bypass;
      marks.push(this.typeErrors.length);
    }
    this.fns.pop();

    if (fn) {
      // Prometheus' checkAST for calls: argument count, then each argument's type.
      const inserts: { at: number; error: QueryError }[] = [];
      const nargs = fn.args.length;
      const quotedName = goQuote(name);
      const countError = (message: string) => inserts.push({ at: countMark, error: { from: node.from, to: node.to, message } });
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
        if (second.k === 'vs' && argNodes[1]!.getChild(Identifier)) {
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
      for (let j = inserts.length - 1; j >= 0; j--) this.typeErrors.splice(inserts[j]!.at, 0, inserts[j]!.error);
    }

    if (hq >= 0) {
      const fact = this.facts.histogramQuantiles[hq]!;
      const q = args[0]?.v;
      if (q !== undefined) fact.quantile = q;
      fact.keepsLe = args[1] ? args[1].le : true;
    }
    let le = true;
    for (const a of args) le &&= a.le;
    return { t: fn ? fn.returns : 'vector', k: 'call', from: node.from, to: node.to, le };
  }

  private aggregate(node: SyntaxNode): Ex {
    const ks = this.kids(node);
    const opNode = ks.find((c) => c.type.id === AggregateOp);
    const modNode = ks.find((c) => c.type.id === AggregateModifier);
    const body = ks.find((c) => c.type.id === FunctionCallBody);
    this.leaf(opNode);
    const op = opNode ? this.slice(opNode).toLowerCase() : '';
    const fact: AggregationFact = { op, from: node.from, to: node.to };
    let by: string[] | undefined;
    let without: string[] | undefined;
    if (modNode) {
      const parts = this.kids(modNode);
      this.leaf(parts[0]);
      const labels = this.grouping(parts.find((p) => p.type.id === GroupingLabels));
      if (parts[0]?.type.id === By) fact.by = by = labels;
      else if (parts[0]?.type.id === Without) fact.without = without = labels;
    }
    this.facts.aggregations.push(fact);

    this.aggs.push(op);
    this.aggBodyDepth++;
    const argNodes = body ? this.kids(body) : [];
    const args: Ex[] = [];
    for (const a of argNodes) args.push(this.expr(a));
    this.aggBodyDepth--;
    this.aggs.pop();

    const paramType = AGGREGATION_PARAMS.get(op);
    const desired = paramType ? 2 : 1;
    let countsOk = false;
    if (args.length === 0) {
      this.parseError(node.from, node.to, 'no arguments for aggregate expression provided');
    } else if (paramType && EXPERIMENTAL_AGGREGATIONS.has(op) && !this.opts.experimentalFunctions) {
      this.parseError(node.from, node.to, `${op}() is experimental and must be enabled with --enable-feature=promql-experimental-functions`);
    } else if (args.length !== desired) {
      this.parseError(node.from, node.to, `wrong number of arguments for aggregate expression provided, expected ${desired}, got ${args.length}`);
    } else {
      countsOk = true;
    }
    const inner = args[desired - 1];
    if (countsOk && inner) {
      if (inner.t !== 'vector') {
        this.typeErrors.push({ from: inner.from, to: inner.to, message: `expected type instant vector in aggregation expression, got ${documentedType(inner.t)}` });
      }
      const param = paramType ? args[0] : undefined;
      if (param && paramType && param.t !== paramType) {
        this.typeErrors.push({ from: param.from, to: param.to, message: `expected type ${documentedType(paramType)} in aggregation parameter, got ${documentedType(param.t)}` });
      }
    }

    const innerLe = inner ? inner.le : true;
    let le: boolean;
    if (by) le = by.includes('le') && innerLe;
    else if (without) le = !without.includes('le') && innerLe;
    else le = PARAMLESS_KEEP_LABELS.has(op) && innerLe;
    return { t: 'vector', k: 'agg', from: node.from, to: node.to, le };
  }
}

// ---- syntax error messages --------------------------------------------------------------------

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

interface KeyedError extends QueryError {
  /** Where Prometheus would notice the problem, to order errors as it would. */
  key: number;
}

/** Turns the grammar's error nodes into Prometheus-style messages. */
function syntaxErrors(text: string, records: ErrorNodeRecord[]): KeyedError[] {
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
      if (!DURATION_RE.test(d)) {
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

// ---- entry point --------------------------------------------------------------------------------

const NO_OPTIONS: AnalyseOptions = {};

/** Rewrites number literals the lezer grammar rejects but Prometheus accepts, keeping offsets. */
function fixNumbers(text: string): string {
  const lex = lexPromQL(text);
  let out = text;
  for (const t of lex.tokens) {
    if (t.kind !== 'NUMBER') continue;
    const n = text.slice(t.start, t.end);
    if (!GO_NUMBER_RE.test(n)) continue;
    const fixed = n.replace(/^(0[xX])_/, '$1').replace(/\.(?!\d)/, '');
    if (fixed !== n) out = out.slice(0, t.start) + fixed.padEnd(n.length, ' ') + out.slice(t.end);
  }
  return out;
}

function walk(text: string, options: AnalyseOptions, renamed: ReadonlyMap<number, string>): Walker {
  const tree = parser.parse(text);
  const walker = new Walker(text, options, renamed);
  for (const node of walker.kids(tree.topNode)) walker.expr(node);
  return walker;
}

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
    walker = walk(text, options, new Map());
    // A call to a function the grammar does not know (`holt_winters(…)`, MetricsQL's
    // `histogram_share(…)`, experimental `min_of(…)`) derails lezer for the rest of the call.
    // Swap each such name for a known one padded with spaces (offsets stay the same) and parse
    // again, so the arguments are still checked and their selectors still seen.
    const renamed = new Map<number, string>();
    let patched = text;
    if (walker.errorNodes.length > 0) {
      // Numbers Prometheus reads but this grammar does not (`5.`, `1.e3`, `0x_1F`): rewrite them
      // with the same value and length.
      const fixed = fixNumbers(text);
      if (fixed !== text) {
        patched = fixed;
        walker = walk(patched, options, renamed);
      }
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const unknown = walker.unknownFunctionCalls().filter((u) => !renamed.has(u.from));
      if (unknown.length === 0) break;
      for (const u of unknown) {
        const name = text.slice(u.from, u.to);
        renamed.set(u.from, name);
        patched = patched.slice(0, u.from) + (name.length >= 3 ? 'abs' : 'ln').padEnd(name.length, ' ') + patched.slice(u.to);
      }
      walker = walk(patched, options, renamed);
    }
  } catch (e) {
    // The walk is defensive; this is a last resort so that one odd query cannot stop a run.
    return { errors: [{ from: 0, to: text.length, message: `internal error analysing query: ${(e as Error).message}` }], facts: emptyFacts() };
  }
  const facts = walker.finishFacts();
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
  return { errors, facts };
}
