// Parsing with recovery: lezer's grammar is stricter than Prometheus in two places, and one
// unknown name derails it for the rest of a call. Both are patched in the text (keeping every
// offset) and the query is parsed again, so the arguments are still checked and their selectors
// still seen.

import { chainPieces, collapseDeepRuns, parseDeep, TOO_DEEP_MESSAGE } from './depth.js';
import { lexPromQL } from './lexer.js';
import { GO_NUMBER_RE } from './numbers.js';
import type { AnalyseOptions } from './types.js';
import { Walker } from './walker.js';

/** Parses `text` and walks it, patching and re-parsing where lezer and Prometheus disagree. */
export function walkWithRecovery(text: string, options: AnalyseOptions): Walker {
  let patched = collapseDeepRuns(text);
  let walker = walk(patched, options, new Map());
  // A call to a function the grammar does not know (`holt_winters(…)`, MetricsQL's
  // `histogram_share(…)`, experimental `min_of(…)`) derails lezer for the rest of the call.
  // Swap each such name for a known one padded with spaces (offsets stay the same) and parse
  // again, so the arguments are still checked and their selectors still seen.
  const renamed = new Map<number, string>();
  if (walker.errorNodes.length > 0) {
    // Numbers Prometheus reads but this grammar does not (`5.`, `1.e3`, `0x_1F`): rewrite them
    // with the same value and length.
    const fixed = fixNumbers(patched);
    if (fixed !== patched) {
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
  return walker;
}

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
  const walker = new Walker(text, options, renamed);
  const pieces = chainPieces(text);
  if (pieces) {
    const parsed = pieces.ranges.map((range) => parseDeep(text, range));
    const deep = parsed.find((p) => p.tooDeepAt !== undefined);
    if (deep) walker.tooDeep(deep.tooDeepAt!, TOO_DEEP_MESSAGE);
    else walker.chainOfPieces(parsed.map((p) => walker.kids(p.tree.topNode)), pieces.cuts, { from: 0, to: text.length });
    return walker;
  }
  const { tree, tooDeepAt } = parseDeep(text);
  if (tooDeepAt !== undefined) walker.tooDeep(tooDeepAt, TOO_DEEP_MESSAGE);
  else for (const node of walker.kids(tree.topNode)) walker.expr(node);
  return walker;
}
