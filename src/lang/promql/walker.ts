// The walk over lezer's tree: it visits every expression once, in Prometheus' precedence, records
// the grammar's error nodes for errors.ts, reports the errors Prometheus raises while it builds
// the tree (unknown or disabled functions, bad regexes and escapes, offset/@/range placement,
// non-positive ranges, experimental syntax), asks type-check.ts about each operator, call and
// aggregation, and collects the facts (facts.ts) checks read.

import {
  AggregateExpr, AggregateModifier, AggregateOp, AnchoredExpr, AtModifierPreprocessors, BinaryExpr, BoolModifier, By,
  DurationExpr, DurationMaxOf, DurationMinOf, DurationRange, DurationStep, FillModifier, FunctionCall, FunctionCallBody,
  FunctionIdentifier, GroupLeft, GroupRight, GroupingLabels, Identifier, LabelMatchers, LabelName, LineComment, MatchOp,
  MatchingModifierClause, MatrixSelector, NumberDurationLiteral, NumberDurationLiteralInDurationContext,
  OffsetDurationExpr, OffsetExpr, On, ParenExpr, QuotedLabelMatcher, QuotedLabelName, SmoothedExpr, StepInvariantExpr,
  StringLiteral, SubqueryExpr, UnaryExpr, UnaryOp, UnquotedLabelMatcher, VectorSelector, Without,
  Pow, Mul, Div, Mod, Atan2, Add, Sub, Eql, Gte, Gtr, TrimUpper, TrimLower, Lte, Lss, Neq, And, Unless, Or,
} from '@prometheus-io/lezer-promql';
import { emptyFacts, type AggregationFact, type AnalyseOptions, type ComparisonFact, type LabelMatcherFact, type QueryError, type QueryFacts } from './types.js';
import { AGGREGATIONS, FUNCTIONS, type ValueType } from './functions.js';
import { aggregationKeepsLe, comparisonFact, foldBinary } from './facts.js';
import { checkAggregation, checkBinary, checkCall, checkUnary } from './type-check.js';
import { analyseRegex } from './regex.js';
import { goQuote, unquote } from './lexer.js';
import { goFloat, parseNumberLiteral, tidy } from './numbers.js';
import { ChainParser, type BinaryChain, type Chain, type ChainItem, type PostChain, type UnaryChain } from './precedence.js';
import type { ErrorNodeRecord, Ex, Kind, SyntaxNode } from './tree.js';

const COMPARISON_OPS: Record<number, ComparisonFact['op']> = { [Eql]: '==', [Neq]: '!=', [Gtr]: '>', [Lss]: '<', [Gte]: '>=', [Lte]: '<=' };
const OP_TEXT: Record<number, string> = {
  [Pow]: '^', [Mul]: '*', [Div]: '/', [Mod]: '%', [Atan2]: 'atan2', [Add]: '+', [Sub]: '-', [Eql]: '==', [Gte]: '>=', [Gtr]: '>',
  [TrimUpper]: '</', [TrimLower]: '>/', [Lte]: '<=', [Lss]: '<', [Neq]: '!=', [And]: 'and', [Unless]: 'unless', [Or]: 'or',
};
const MAX_DURATION_SECONDS = 9223372036.854775807; // int64 nanoseconds
const SELECTOR_KINDS = new Set<Kind>(['vs', 'ms', 'sq']);
const EXPRESSION_IDS = new Set<number>([
  AggregateExpr, BinaryExpr, FunctionCall, MatrixSelector, NumberDurationLiteral, OffsetExpr, AnchoredExpr, SmoothedExpr,
  ParenExpr, StringLiteral, SubqueryExpr, UnaryExpr, VectorSelector, StepInvariantExpr,
]);

export class Walker {
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

  /** The query is too deep for the parser: one error where it gets too deep, and nothing walked. */
  tooDeep(at: number, message: string): void {
    this.parseError(at, Math.min(at + 1, this.text.length), message);
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
        return this.chain(items, node, rangeHint);
      }
      default:
        this.scan(node);
        return { t: 'none', k: 'other', from: node.from, to: node.to, le: true };
    }
  }

  /**
   * lezer's operator chain as a flat list. Iterative, with a stack of what is left to do in the
   * order the recursive walk would do it: a chain of 100k terms is valid PromQL.
   */
  private chain(items: ChainItem[], at: { from: number; to: number }, rangeHint?: number): Ex {
    const [chain, ...rest] = new ChainParser(items).parse();
    const ex = chain ? this.visit(chain, rangeHint) : { t: 'none' as const, k: 'other' as const, from: at.from, to: at.to, le: true };
    for (const r of rest) this.visit(r);
    return ex;
  }

  /**
   * A top-level operator chain too long for one lezer tree (trees deeper than 2500 nodes come out
   * flattened), parsed as pieces that overlap by one operand: `pieces[i]` starts with the last
   * operand of the piece before, whose items are dropped (those before `cuts[i]`, the operator after it).
   */
  chainOfPieces(pieces: SyntaxNode[][], cuts: number[], at: { from: number; to: number }): Ex {
    const items: ChainItem[] = [];
    pieces.forEach((nodes, i) => {
      const own: ChainItem[] = [];
      for (const node of nodes) this.flatten(node, own);
      for (const item of own) if (i === 0 || anchor(item) >= cuts[i]!) items.push(item);
    });
    return this.chain(items, at);
  }

  private flatten(root: SyntaxNode, out: ChainItem[]): void {
    type Task = { node: SyntaxNode } | { item: ChainItem } | { leaves: SyntaxNode[] };
    const work: Task[] = [{ node: root }];
    for (let task = work.pop(); task; task = work.pop()) {
      if ('item' in task) {
        out.push(task.item);
        continue;
      }
      if ('leaves' in task) {
        for (const m of task.leaves) if (m.type.id !== DurationExpr && m.type.id !== OffsetDurationExpr) this.leaf(m);
        continue;
      }
      const node = task.node;
      switch (node.type.id) {
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
          // Pushed in reverse: lhs, then the operator, then rhs.
          if (rhs) work.push({ node: rhs });
          if (op) work.push({ item: { k: 'bin', op, bool, matching, fill } });
          if (lhs) work.push({ node: lhs });
          break;
        }
        case UnaryExpr: {
          const ks = this.kids(node);
          const opNode = ks[0]?.type.id === UnaryOp ? ks[0] : undefined;
          this.leaf(opNode);
          if (opNode) out.push({ k: 'pre', neg: this.slice(opNode) === '-', from: opNode.from });
          const operand = opNode ? ks[1] : ks[0];
          if (operand) work.push({ node: operand });
          break;
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
          break;
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
          const mods = hasOperand ? ks.slice(1) : ks;
          // The operand, then the modifiers' insides, then the modifier itself.
          work.push({ item: { k: 'post', node, mods } });
          work.push({ leaves: mods });
          if (hasOperand) work.push({ node: first });
          break;
        }
        default:
          out.push({ k: 'atom', node });
      }
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
    checkUnary(inner, u, (from, to, message) => this.typeError(from, to, message));
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

  /**
   * `a + b + c + …`: the left spine is walked with a loop (a chain of 100k terms is valid PromQL),
   * with every step in the order of a recursive walk: each comparison's slot top-down, then the
   * leftmost operand, then each operator's right-hand side and checks bottom-up.
   */
  private binary(top: BinaryChain): Ex {
    const spine: BinaryChain[] = [];
    let leftmost: Chain = top;
    while (leftmost.k === 'binary') {
      spine.push(leftmost);
      leftmost = leftmost.lhs;
    }
    const slots = spine.map((bx) => (COMPARISON_OPS[bx.item.op.type.id] ? this.comparisons.push(undefined) - 1 : -1));
    let lhs = this.visit(leftmost);
    for (let i = spine.length - 1; i >= 0; i--) lhs = this.binaryStep(spine[i]!, slots[i]!, lhs);
    return lhs;
  }

  private binaryStep(bx: BinaryChain, comparisonIndex: number, lhs: Ex): Ex {
    const { op: opNode, bool: boolNode, matching: matchingNode, fill: fillNode } = bx.item;
    const opId = opNode.type.id;
    const op = OP_TEXT[opId] ?? '';
    const cmp = COMPARISON_OPS[opId];
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
    const last = fillNode ?? matchingNode ?? boolNode ?? opNode;
    const typeError = (from: number, to: number, message: string) => this.typeError(from, to, message);
    checkBinary({
      opId, op, comparison: cmp !== undefined, bool: isBool, lhs, rhs, from: node.from, to: node.to, opFrom: opNode.from, opTo: last.to,
      on, matchingLabels, include, grouping, fill: fillNode !== undefined,
    }, typeError);

    const t: ValueType = lhs.t === 'scalar' && rhs.t === 'scalar' ? 'scalar' : 'vector';
    const ex: Ex = { t, k: 'bin', from: node.from, to: node.to, le: lhs.le && rhs.le };
    foldBinary(ex, opId, cmp, isBool, lhs, rhs, this.facts.budgets);
    if (cmp) this.comparisons[comparisonIndex] = comparisonFact(cmp, isBool, lhs, rhs, node);
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
      const inserts = checkCall(fn, node, args, countMark, marks, name === 'info' && argNodes[1]?.getChild(Identifier) != null);
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

    const inner = checkAggregation(
      op, node, args, this.opts.experimentalFunctions === true,
      (from, to, message) => this.parseError(from, to, message),
      (from, to, message) => this.typeError(from, to, message),
    );
    const le = aggregationKeepsLe(op, by, without, inner ? inner.le : true);
    return { t: 'vector', k: 'agg', from: node.from, to: node.to, le };
  }
}

/** Where an item stands in the text: an operand where it starts, an operator or modifier where it is written. */
function anchor(item: ChainItem): number {
  switch (item.k) {
    case 'atom':
      return item.node.from;
    case 'bin':
      return item.op.from;
    case 'post':
      return item.mods[0]?.from ?? item.node.to;
    default:
      return item.from;
  }
}
