// Prometheus' operator precedence. lezer's grammar lets postfix modifiers ([5m], offset, @) bind
// looser than binary and unary operators (`a - b offset 1h` is `(a - b) offset 1h` there),
// Prometheus the other way round; the walk flattens lezer's operator chains and rebuilds them here.

import { Pow, Mul, Div, Mod, Atan2, Add, Sub, Eql, Gte, Gtr, TrimUpper, TrimLower, Lte, Lss, Neq, And, Unless, Or } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from './tree.js';

// Operator chains, flattened from lezer's tree and rebuilt with Prometheus' precedence.
export interface BinItem {
  k: 'bin';
  op: SyntaxNode;
  bool?: SyntaxNode;
  matching?: SyntaxNode;
  fill?: SyntaxNode;
}
export type ChainItem =
  | { k: 'atom'; node: SyntaxNode }
  | { k: 'num'; from: number; to: number }
  | { k: 'pre'; neg: boolean; from: number }
  | BinItem
  | { k: 'post'; node: SyntaxNode; mods: SyntaxNode[] };
export interface UnaryChain {
  k: 'unary';
  neg: boolean;
  operand?: Chain;
  from: number;
  to: number;
}
export interface BinaryChain {
  k: 'binary';
  lhs: Chain;
  item: BinItem;
  rhs?: Chain;
  from: number;
  to: number;
}
export interface PostChain {
  k: 'post';
  node: SyntaxNode;
  mods: SyntaxNode[];
  operand?: Chain;
  from: number;
  to: number;
}
export type Chain = { k: 'atom'; node: SyntaxNode; from: number; to: number } | { k: 'num'; from: number; to: number } | UnaryChain | BinaryChain | PostChain;

/** Prometheus' binary operator precedence (generated_parser.y), higher binds tighter. */
export const PRECEDENCE: Record<number, number> = {
  [Or]: 1, [And]: 2, [Unless]: 2,
  [Eql]: 3, [Neq]: 3, [Gtr]: 3, [Lss]: 3, [Gte]: 3, [Lte]: 3, [TrimUpper]: 3, [TrimLower]: 3,
  [Add]: 4, [Sub]: 4, [Mul]: 5, [Div]: 5, [Mod]: 5, [Atan2]: 5, [Pow]: 6,
};
export const POW_PRECEDENCE = 6;

/**
 * Rebuilds a flattened chain: postfix modifiers bind tightest, then `^` (right-associative),
 * then unary minus/plus (like `*`), then the binary operators by precedence (left-associative).
 */
export class ChainParser {
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
