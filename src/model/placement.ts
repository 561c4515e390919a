// Where the characters of a string value were written in its file. The model holds this as plain
// numbers, not as closures over the parser's state, so that files normalised on worker threads
// can be sent to the main thread (structured clone copies data, never functions).

import type { Position, QueryField } from './types.js';

/**
 * Anchors are flat `[offset, line, column]` triples by ascending value offset: from an anchor on,
 * each character of the value is one column further on the same line until the next anchor (a
 * line break of a block scalar, an escape sequence of a quoted string).
 */
export interface TextPlacement {
  anchors: number[];
  /** Every offset maps to the first anchor: a one-line embedding whose characters cannot be placed one by one. */
  fixed?: true;
}

/**
 * One replaced stretch of a rewritten text (a Grafana variable substituted before parsing):
 * `[start, start + length)` of the new text stands for `[from, to)` of the original.
 */
export interface TextEdit {
  start: number;
  length: number;
  from: number;
  to: number;
}

export function placementAt(position: Position): TextPlacement {
  return { anchors: [0, position.line, position.column ?? 1] };
}

/** The file position of the character at `offset` of the value. */
export function placeOffset(placement: TextPlacement, offset: number): Position {
  const { anchors } = placement;
  let k = 0;
  if (!placement.fixed) while (k + 3 < anchors.length && anchors[k + 3] <= offset) k += 3;
  const column = placement.fixed ? anchors[2] : anchors[k + 2] + Math.max(0, offset - anchors[k]);
  return { line: anchors[k + 1], column };
}

/** The offset in the original text of `offset` in the edited one; inside a replacement, as far in as fits. */
export function originalOffset(edits: readonly TextEdit[], offset: number): number {
  let lo = 0;
  let hi = edits.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (edits[mid].start <= offset) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (k < 0) return offset;
  const edit = edits[k];
  const end = edit.start + edit.length;
  if (offset >= end) return edit.to + (offset - end);
  return edit.from + Math.min(offset - edit.start, edit.to - edit.from - 1);
}

/** The file position of the character at `offset` of a query's text (after any rewrite). */
export function queryPosition(query: Pick<QueryField, 'placement' | 'edits'>, offset: number): Position {
  return placeOffset(query.placement, query.edits ? originalOffset(query.edits, offset) : offset);
}
