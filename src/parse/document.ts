// Parse YAML and JSON text into documents that remember where every value was written.
// JSON goes through the same YAML parser (JSON is YAML 1.2 flow syntax), so one position API
// serves both; strict JSON syntax is checked first so a .json file gets JSON's own errors.

import { LineCounter, Parser, Composer, isMap, isSeq, isScalar, isPair, Scalar, type Document, type Node } from 'yaml';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Position } from '../model/types.js';
import { placeOffset, type TextPlacement } from '../model/placement.js';
import { firstBoundPassed, MAX_NESTING, MAX_VALUES } from './bounds.js';

export type PathSegment = string | number;

export interface ParseProblem {
  line: number;
  column?: number;
  message: string;
  /** Past the bound on values (or bytes): listed as `too-large`, not as a syntax problem. */
  tooLarge?: boolean;
}

/** Every lone CR as LF (a CR LF stays): line breaks as Go's yaml.v3 reads them. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r(?!\n)/g, '\n');
}

/** One YAML or JSON document, as plain data plus a way back to the source. */
export interface ParsedDocument {
  /** 0-based index of the document in its file. */
  index: number;
  value: unknown;
  /** Where the value at `path` starts; the nearest existing ancestor when the path does not exist. */
  positionOf(path: readonly PathSegment[]): Position;
  /** Where the key of the value at `path` is written (the value's position for sequence items). */
  keyPositionOf(path: readonly PathSegment[]): Position;
  /** Where each character of the string at `path` is written (multi-line `expr: |` blocks, JSON escapes). */
  placementOf(path: readonly PathSegment[]): TextPlacement;
  /** The document as plain data, for an adapter that keeps it past its file (see `restoreDocument`). */
  snapshot(): DocumentSnapshot;
  /**
   * The parts of the document whose meaning depends on the text at `offset` (a template placeholder,
   * or a blanked action that emitted YAML `structure`): the sequence item it belongs to (a rule, a
   * target); only the scalar when that sits deeper in the item (an annotation's text) or is a block
   * of embedded text; for structure inside a nested map (`labels:`), that map and the item's first
   * line (where findings about the whole item point). Undefined when the offset is not in this document.
   */
  dependentRanges?(offset: number, structure: boolean): [Position, Position][] | undefined;
}

/** A document's value and the positions of all its values and keys, as data that can cross threads. */
export interface DocumentSnapshot {
  index: number;
  value: unknown;
  /** Path (segments joined by NUL) → [line, column, key line, key column]. */
  positions: Record<string, [number, number | undefined, number, number | undefined]>;
}

export interface ParseOutcome {
  documents: ParsedDocument[];
  problems: ParseProblem[];
}

/** How positions of an embedded text map into its file: a dashboard JSON inside a ConfigMap's `|` block. */
export interface Embedding {
  /** File line of the embedded text's first line. */
  firstLine: number;
  /** Columns every embedded line is shifted by (the block's indentation). */
  indent: number;
  /** Single-line embeddings (a quoted string) cannot map lines: everything points here. */
  fixed?: Position;
}

// Alias expansion is bounded so a "billion laughs" file cannot exhaust memory.
const MAX_ALIAS_COUNT = 1000;

export function parseText(text: string, format: 'yaml' | 'json', embedding?: Embedding): ParseOutcome {
  const lineCounter = new LineCounter();
  const toFile = fileMapper(lineCounter, embedding);

  // Go's yaml.v3 (Prometheus, promtool) ends a line at a lone CR as at LF; the same length keeps offsets.
  if (text.includes('\r')) text = normaliseLineBreaks(text);

  // The parser recurses once per level and keeps about 1 KB per value: refuse what passes either
  // bound before it starts, at the place it is passed (src/parse/bounds.ts).
  const bound = firstBoundPassed(text);
  if (bound) {
    const before = text.slice(0, bound.offset);
    const position = mapPosition({ line: before.split('\n').length, col: bound.offset - before.lastIndexOf('\n') }, embedding);
    const problem: ParseProblem =
      bound.kind === 'depth'
        ? { ...position, message: `nested more than ${MAX_NESTING} levels deep; not parsed` }
        : { ...position, tooLarge: true, message: `holds more than ${MAX_VALUES} values; not read` };
    return { documents: [], problems: [problem] };
  }

  if (format === 'json') {
    const jsonProblem = strictJsonProblem(text, embedding);
    if (jsonProblem) return { documents: [], problems: [jsonProblem] };
  }

  const problems: ParseProblem[] = [];
  const documents: ParsedDocument[] = [];
  // Merge keys (<<: *anchor) are YAML 1.1, but Prometheus' Go YAML reader honours them, and rule files use them.
  // logLevel 'error': the library's own warnings ("Keys with collection values will be stringified") never reach stderr.
  const composer = new Composer({ uniqueKeys: false, keepSourceTokens: false, prettyErrors: false, merge: true, logLevel: 'error' });
  const docs = withPlainEnv(() => [...composer.compose(new Parser(lineCounter.addNewLine).parse(text), true, text.length)]);

  for (const doc of docs) {
    const errors = doc.errors;
    if (errors.length > 0) {
      // The parser recovers from an error and trips over what follows on the same line ("Unexpected
      // scalar at node end", then the `:` and the value after it): one finding per line.
      const lines = new Set<number>();
      for (const error of errors) {
        const pos = toFile(error.pos[0]);
        if (lines.has(pos.line)) continue;
        lines.add(pos.line);
        problems.push({ ...pos, message: firstLine(error.message) });
        if (lines.size === 3) break;
      }
      continue;
    }
    if (doc.contents === null) continue; // an empty document between `---` markers
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const pos = toFile(doc.range[0]);
      problems.push({ ...pos, message: error instanceof RangeError ? stackSafe((error as Error).message) : `cannot expand document: ${firstLine((error as Error).message)}` });
      continue;
    }
    documents.push(positionedDocument(documents.length, value, doc, text, toFile, embedding));
  }
  return { documents, problems };
}

// The yaml parser reads process.env.LOG_TOKENS (a debug switch; LOG_STREAM is the only other) once
// per token, and every read of Node's process.env is a getenv(3) call: a third of the parse time.
// A plain object answers the same for the duration of the parse.
function withPlainEnv<T>(run: () => T): T {
  const env = process.env;
  process.env = { LOG_TOKENS: env.LOG_TOKENS, LOG_STREAM: env.LOG_STREAM };
  try {
    return run();
  } finally {
    process.env = env;
  }
}

function fileMapper(lineCounter: LineCounter, embedding: Embedding | undefined): (offset: number) => Position {
  return (offset) => mapPosition(lineCounter.linePos(offset), embedding);
}

function positionedDocument(
  index: number,
  value: unknown,
  doc: Document.Parsed,
  text: string,
  toFile: (offset: number) => Position,
  embedding: Embedding | undefined,
): ParsedDocument {
  const find = (path: readonly PathSegment[]): { node: Node | null; key: Node | null } => {
    let node = doc.contents as Node | null;
    let key: Node | null = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        key = pair.key as Node;
        node = (pair.value as Node | null) ?? key;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        node = item;
        key = item;
      } else break;
    }
    return { node, key };
  };
  const startOf = (node: Node | null): Position => (node?.range ? toFile(node.range[0]) : toFile(doc.range[0]));
  return {
    index,
    value,
    positionOf: (path) => startOf(find(path).node),
    keyPositionOf: (path) => {
      const found = find(path);
      return startOf(found.key ?? found.node);
    },
    placementOf: (path) => {
      const { node } = find(path);
      if (!isScalar(node) || !node.range) return fixedPlacement(startOf(node));
      return scalarPlacement(node, text, toFile, embedding);
    },
    dependentRanges: (offset, structure) => dependentRanges(doc, offset, structure, toFile),
    snapshot: () => {
      const positions: DocumentSnapshot['positions'] = {};
      const visit = (node: Node | null, key: Node | null, path: PathSegment[]): void => {
        const at = startOf(node ?? key);
        const keyAt = key ? startOf(key) : at;
        positions[path.join('\u0000')] = [at.line, at.column, keyAt.line, keyAt.column];
        if (isMap(node)) {
          for (const item of node.items) if (isPair(item) && isScalar(item.key)) visit(item.value as Node | null, item.key as Node, [...path, String(item.key.value)]);
        } else if (isSeq(node)) node.items.forEach((item, i) => visit(item as Node, item as Node, [...path, i]));
      };
      visit(doc.contents as Node | null, null, []);
      return { index, value, positions };
    },
  };
}

function dependentRanges(doc: Document.Parsed, offset: number, structure: boolean, toFile: (offset: number) => Position): [Position, Position][] | undefined {
  if (offset < doc.range[0] || offset > doc.range[2]) return undefined;
  const span = (node: Node, to = node.range![1]): [Position, Position] => [toFile(node.range![0]), toFile(Math.max(node.range![0], to - 1))];
  let node = doc.contents as Node | null;
  let item: Node | undefined;
  let container: Node | undefined;
  let mapsBelowItem = 0;
  // Descend to the innermost node written at or before the offset (a blanked line belongs to the
  // entry above it), noting the last sequence item that is a map, and the innermost map.
  while (node) {
    if (isMap(node)) {
      mapsBelowItem++;
      container = node;
      let chosen: { key: Node; value: Node | null } | undefined;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (key?.range && key.range[0] <= offset) chosen = { key, value: pair.value as Node | null };
      }
      if (!chosen) break;
      if (chosen.key.range![1] > offset) return scalarRanges(chosen.key);
      if (!chosen.value?.range || chosen.value.range[0] > offset) break;
      node = chosen.value;
    } else if (isSeq(node)) {
      let chosen: Node | undefined;
      for (const entry of node.items) if ((entry as Node | null)?.range && (entry as Node).range![0] <= offset) chosen = entry as Node;
      if (!chosen) break;
      if (isMap(chosen)) {
        item = chosen;
        mapsBelowItem = 0;
      }
      node = chosen;
    } else {
      if (node.range && offset < node.range[1]) return scalarRanges(node);
      break;
    }
  }
  if (!item) return undefined;
  if (structure && container && container !== item) {
    const firstLine = toFile(item.range![0]).line;
    return [span(container, Math.max(container.range![1], offset + 1)), [{ line: firstLine, column: 1 }, { line: firstLine, column: Number.MAX_SAFE_INTEGER }]];
  }
  return [span(item)];

  function scalarRanges(scalar: Node): [Position, Position][] {
    const isBlock = isScalar(scalar) && (scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED);
    const line = toFile(offset).line;
    const ownLine: [Position, Position] = [{ line, column: 1 }, { line, column: Number.MAX_SAFE_INTEGER }];
    // Deeper in an item, or in no item: an annotation's text, or embedded text (a dashboard's JSON)
    // whose structure is not known here, so only its own line counts.
    if (!item || mapsBelowItem > 1) return [isBlock ? ownLine : span(scalar)];
    // A field of the item itself (a rule's expr, for, name): the field, and the item's first line,
    // where findings about the whole item point.
    const firstLine = toFile(item.range![0]).line;
    return [span(scalar), [{ line: firstLine, column: 1 }, { line: firstLine, column: Number.MAX_SAFE_INTEGER }]];
  }
}

/** A kept document back from its snapshot: positions of what exists, the nearest ancestor's otherwise. */
export function restoreDocument(snapshot: DocumentSnapshot): ParsedDocument {
  const lookup = (path: readonly PathSegment[]) => {
    for (let n = path.length; n >= 0; n--) {
      const found = snapshot.positions[path.slice(0, n).join('\u0000')];
      if (found) return found;
    }
    return [1, undefined, 1, undefined] as const;
  };
  const positionOf = (path: readonly PathSegment[]): Position => {
    const [line, column] = lookup(path);
    return { line, column };
  };
  return {
    index: snapshot.index,
    value: snapshot.value,
    positionOf,
    keyPositionOf: (path) => {
      const [, , line, column] = lookup(path);
      return { line, column };
    },
    placementOf: (path) => fixedPlacement(positionOf(path)),
    snapshot: () => snapshot,
  };
}

function fixedPlacement(position: Position): TextPlacement {
  return { anchors: [0, position.line, position.column ?? 1], fixed: true };
}

/** Where each character of a scalar's value is written: exact for block literals and escaped double-quoted strings. */
function scalarPlacement(node: Scalar, text: string, toFile: (offset: number) => Position, embedding: Embedding | undefined): TextPlacement {
  const [start, , end] = node.range as [number, number, number];
  if (embedding?.fixed) return fixedPlacement(embedding.fixed);
  const anchors: number[] = [];
  const anchor = (offset: number, position: Position) => anchors.push(offset, position.line, position.column ?? 1);
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const headerEnd = text.indexOf('\n', start);
    if (headerEnd < 0) return fixedPlacement(toFile(start));
    const body = text.slice(headerEnd + 1, end);
    const firstContent = /^( *)\S/m.exec(body);
    const column = (embedding?.indent ?? 0) + (firstContent ? firstContent[1].length : 0) + 1;
    const firstLine = toFile(headerEnd + 1).line;
    const value = String(node.value);
    anchor(0, { line: firstLine, column });
    let line = firstLine;
    for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) anchor(i + 1, { line: ++line, column });
    return { anchors };
  }
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
  const double = node.type === Scalar.QUOTE_DOUBLE;
  const escaped = double ? text.slice(start, end).includes('\\') : node.type === Scalar.QUOTE_SINGLE && text.slice(start + 1, end).includes("''");
  if (escaped) {
    // Escapes take several source characters: an anchor wherever the value and its source part ways.
    const offsets = quotedOffsets(text, start, end, double);
    for (let i = 0; i < offsets.length; i++) {
      if (i === 0 || offsets[i] !== offsets[i - 1] + 1 || text[offsets[i - 1]] === '\n') anchor(i, toFile(offsets[i]));
    }
    return { anchors };
  }
  // Plain and escape-free quoted scalars: the value's characters stand where they are written.
  const first = quoted ? start + 1 : start;
  anchor(0, toFile(first));
  for (let i = text.indexOf('\n', first); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) anchor(i + 1 - first, toFile(i + 1));
  return { anchors };
}

/** For each character of a quoted string's value, its offset in the source (escapes take several source characters). */
function quotedOffsets(text: string, start: number, end: number, double: boolean): number[] {
  const offsets: number[] = [];
  let i = start + 1;
  const last = end - 1;
  while (i < last) {
    offsets.push(i);
    if (double && text[i] === '\\') {
      const next = text[i + 1];
      i += next === 'u' ? 6 : next === 'x' ? 4 : next === 'U' ? 10 : 2;
    } else if (!double && text[i] === "'" && text[i + 1] === "'") i += 2;
    else i += 1;
  }
  offsets.push(last);
  return offsets;
}

function mapPosition(pos: { line: number; col: number }, embedding: Embedding | undefined): Position {
  if (!embedding) return { line: pos.line, column: pos.col };
  if (embedding.fixed) return embedding.fixed;
  return { line: embedding.firstLine + pos.line - 1, column: pos.col + embedding.indent };
}

function strictJsonProblem(text: string, embedding: Embedding | undefined): ParseProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    // V8 does not say where most JSON errors are; jsonc-parser does, so it locates them.
    const errors: ParseError[] = [];
    parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const found = offset < text.length ? `, found ${JSON.stringify(text[offset])}` : ', found the end of the file';
    const cause = first ? `${printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}${found}` : firstLine((error as Error).message);
    return { ...mapPosition({ line, col: column }, embedding), message: `invalid JSON: ${cause}` };
  }
}

/** The bound should keep the parser off the stack's end; should it not, say so in our words, not V8's. */
function stackSafe(message: string): string {
  return /call stack/i.test(message) ? `nested too deeply to parse (over ${MAX_NESTING} levels); not parsed` : message;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
