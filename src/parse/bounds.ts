// Bounds checked on the text before any parser sees it: how deeply it nests and how many values it
// holds. The YAML parser recurses once per level, so the depth bound is what keeps it from running
// out of stack (on Node's default stack it fails somewhere past 600 levels of flow nesting); the
// value bound keeps a generated 15 MB dashboard from taking gigabytes (the parser keeps about 1 KB
// per value). Both are counted conservatively: a text under them always parses.

/** Levels of nesting of any kind — indentation, `- - -` on one line, `[` and `{` — a text may have. */
export const MAX_NESTING = 500;

/** Values (keys, items, scalars) one text may hold: ten times the largest real dashboard seen. */
export const MAX_VALUES = 250_000;

export type Bound = { kind: 'depth' | 'values'; offset: number };

/** Where the text first passes a bound, or undefined. One pass, no allocation per character. */
export function firstBoundPassed(text: string, maxNesting = MAX_NESTING, maxValues = MAX_VALUES): Bound | undefined {
  // Block nesting: the indentation of each open level; flow nesting on top of it.
  const indents: number[] = [];
  let flow = 0;
  let values = 0;
  let i = 0;
  const n = text.length;
  // Block scalar (`|`, `>`) content is text, not structure: its lines are skipped while indented deeper.
  let scalarIndent = -1;
  while (i < n) {
    // One line: its indentation first.
    let indent = 0;
    while (i < n && text.charCodeAt(i) === 32) {
      indent++;
      i++;
    }
    const first = i < n ? text.charCodeAt(i) : 10;
    const blank = first === 10 || first === 13 || (first === 35 && flow === 0); // empty, or a comment
    if (scalarIndent >= 0) {
      if (blank || indent > scalarIndent) {
        i = lineEnd(text, i);
        continue;
      }
      scalarIndent = -1;
    }
    if (blank) {
      i = lineEnd(text, i);
      continue;
    }
    let column = indent;
    if (flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1] < indent) indents.push(indent);
      // Compact nesting on one line: `- - - x`, `? - x`: each indicator opens a level.
      while (i + 1 < n && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        i += 2;
        column += 2;
        while (i < n && text.charCodeAt(i) === 32) {
          i++;
          column++;
        }
        indents.push(column);
        if (++values > maxValues) return { kind: 'values', offset: i };
      }
    }
    if (indents.length + flow > maxNesting) return { kind: 'depth', offset: i };
    if (++values > maxValues) return { kind: 'values', offset: i };
    // The rest of the line: flow indicators outside double-quoted strings, and a block scalar header.
    // Outside flow, `[` and `{` open a collection only where a value starts (`key: [`, `- {`):
    // elsewhere they are text of a plain scalar (`expr: rate(x[5m])`).
    let inString = false;
    let valueStart = true;
    let lastSignificant = -1;
    // `a: b: c: …` on one line: each `: ` after the first opens one more (compact) mapping, which
    // the parser recurses into as deeply as into any other level.
    let compact = -1;
    for (; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) break;
      if (inString) {
        if (code === 92) i++; // backslash escape
        else if (code === 34) inString = false;
        continue;
      }
      const opens = (code === 91 || code === 123) && (flow > 0 || valueStart);
      if (flow === 0 && code === 58 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9) && indents.length + ++compact > maxNesting) return { kind: 'depth', offset: i };
      if (code !== 32 && code !== 9) valueStart = flow === 0 && code === 58 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9);
      if (code === 34 && flow > 0) inString = true;
      else if (code === 35 && flow === 0 && i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
        i = lineEnd(text, i) - 1;
        break;
      } else if (opens) {
        if (++values > maxValues) return { kind: 'values', offset: i };
        if (indents.length + ++flow > maxNesting) return { kind: 'depth', offset: i };
      } else if ((code === 93 || code === 125) && flow > 0) flow--;
      else if (code === 44 && flow > 0 && ++values > maxValues) return { kind: 'values', offset: i };
      if (code !== 32 && code !== 9) lastSignificant = i;
    }
    if (flow === 0 && lastSignificant >= 0 && isBlockScalarHeader(text, lastSignificant)) scalarIndent = indent;
    i = lineEnd(text, i);
  }
  return undefined;
}

/** Offset just past the line break at or after `from`. */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  return i + 1;
}

/** `key: |`, `- >-`, `key: |2+`: the line ends in a block scalar indicator. */
function isBlockScalarHeader(text: string, last: number): boolean {
  let i = last;
  while (i > 0 && /[0-9+-]/.test(text[i])) i--;
  if (text[i] !== '|' && text[i] !== '>') return false;
  const before = text[i - 1];
  return before === ' ' || before === '\t' || before === undefined || before === '\n' || before === '\r';
}
