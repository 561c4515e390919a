// Parse YAML and JSON text into documents that remember where every value was written.
// JSON goes through the same YAML parser (JSON is YAML 1.2 flow syntax), so one position API
// serves both; strict JSON syntax is checked first so a .json file gets JSON's own errors.

import { LineCounter, Parser, Composer, isMap, isSeq, isScalar, isPair, Scalar, type Document, type Node } from 'yaml';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Position } from '../model/types.js';

export type PathSegment = string | number;

export interface ParseProblem {
  line: number;
  column?: number;
  message: string;
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
  /** Maps offsets inside the string at `path` to file positions (multi-line `expr: |` blocks, JSON escapes). */
  stringMapper(path: readonly PathSegment[]): (offset: number) => Position;
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

const MAX_NESTING = 1000;

/** Offset where flow nesting (`[`, `{`) or block indentation first passes MAX_NESTING levels, if it does. */
function tooDeeplyNested(text: string): number | undefined {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (code === 32) {
        // Block nesting needs at least one more space per level.
        if (++indent > MAX_NESTING) return i;
        continue;
      }
      lineStart = false;
    }
    if (code === 91 || code === 123) {
      if (++depth > MAX_NESTING) return i;
    } else if ((code === 93 || code === 125) && depth > 0) depth--;
  }
  return undefined;
}

// Alias expansion is bounded so a "billion laughs" file cannot exhaust memory.
const MAX_ALIAS_COUNT = 1000;

export function parseText(text: string, format: 'yaml' | 'json', embedding?: Embedding): ParseOutcome {
  const lineCounter = new LineCounter();
  const toFile = fileMapper(lineCounter, embedding);

  // The parsers recurse once per level: refuse absurd nesting before it exhausts the stack.
  const tooDeep = tooDeeplyNested(text);
  if (tooDeep !== undefined) {
    const before = text.slice(0, tooDeep);
    const line = before.split('\n').length;
    return { documents: [], problems: [{ ...mapPosition({ line, col: tooDeep - before.lastIndexOf('\n') }, embedding), message: `nested more than ${MAX_NESTING} levels deep; not parsed` }] };
  }

  if (format === 'json') {
    const jsonProblem = strictJsonProblem(text, embedding);
    if (jsonProblem) return { documents: [], problems: [jsonProblem] };
  }

  const problems: ParseProblem[] = [];
  const documents: ParsedDocument[] = [];
  // Merge keys (<<: *anchor) are YAML 1.1, but Prometheus' Go YAML reader honours them, and rule files use them.
  const composer = new Composer({ uniqueKeys: false, keepSourceTokens: false, prettyErrors: false, merge: true });
  const docs = withPlainEnv(() => [...composer.compose(new Parser(lineCounter.addNewLine).parse(text), true, text.length)]);

  for (const doc of docs) {
    const errors = doc.errors;
    if (errors.length > 0) {
      for (const error of errors.slice(0, 3)) {
        const pos = toFile(error.pos[0]);
        problems.push({ ...pos, message: firstLine(error.message) });
      }
      continue;
    }
    if (doc.contents === null) continue; // an empty document between `---` markers
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const pos = toFile(doc.range[0]);
      problems.push({ ...pos, message: `cannot expand document: ${firstLine((error as Error).message)}` });
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

// Built outside parseText so that the mappers the model keeps (one per query) hold the line
// table only, not the file's text and YAML document trees that parseText's own scope holds.
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
    stringMapper: (path) => {
      const { node } = find(path);
      if (!isScalar(node) || !node.range) return () => startOf(node);
      return scalarMapper(node, text, toFile, embedding);
    },
  };
}

/** Offsets inside a scalar's value → file positions, exact for block literals and escaped double-quoted strings. */
function scalarMapper(
  node: Scalar,
  text: string,
  toFile: (offset: number) => Position,
  embedding: Embedding | undefined,
): (offset: number) => Position {
  const [start, , end] = node.range as [number, number, number];
  const start0 = toFile(start);
  if (embedding?.fixed) return () => embedding.fixed!;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const headerEnd = text.indexOf('\n', start);
    if (headerEnd < 0) return () => start0;
    const body = text.slice(headerEnd + 1, end);
    const firstContent = /^( *)\S/m.exec(body);
    const indent = firstContent ? firstContent[1].length : 0;
    const bodyStart = toFile(headerEnd + 1);
    return blockMapper(String(node.value), bodyStart.line, (embedding?.indent ?? 0) + indent);
  }
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    const double = node.type === Scalar.QUOTE_DOUBLE;
    const source = text.slice(start, end);
    const escaped = double ? source.includes('\\') : source.slice(1).includes("''");
    // Without escapes each character is written where it stands.
    if (!escaped) return (offset) => toFile(start + 1 + Math.min(offset, end - start - 2));
    return quotedMapper(Buffer.from(source, 'utf16le').toString('utf16le'), start, double, toFile);
  }
  return (offset) => toFile(start + offset);
}

// The mappers below are built outside scalarMapper so that they hold only what they read: a
// model keeps one mapper per query, and one holding its file's whole text kept every file alive.

/** Positions in a `|` or `>` block: the value's line breaks (offsets, not the value) and the body's first line and indent. */
function blockMapper(value: string, firstLine: number, column0: number): (offset: number) => Position {
  const breaks: number[] = [];
  for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let line = 0;
    while (line < breaks.length && breaks[line] < offset) line++;
    const lineStart = line === 0 ? 0 : breaks[line - 1] + 1;
    return { line: firstLine + line, column: column0 + (offset - lineStart) + 1 };
  };
}

/**
 * Positions in a quoted string with escapes. `source` is a copy of the quoted text only (a slice
 * would keep the file's text alive); the offset table is built per lookup and not kept, as a table
 * per character of every query was the largest part of a big repository's model.
 */
function quotedMapper(source: string, start: number, double: boolean, toFile: (offset: number) => Position): (offset: number) => Position {
  return (offset) => {
    if (offset === 0) return toFile(start + 1);
    const sourceOffsets = quotedOffsets(source, 0, source.length, double);
    return toFile(start + (sourceOffsets[Math.min(offset, sourceOffsets.length - 1)] ?? 0));
  };
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

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
