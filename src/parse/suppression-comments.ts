// Suppression comments (`# slo-gate-disable-next-line <check>: <reason>` and its block and file
// forms) read from a YAML file's text with their positions and the lines each covers. What they
// excuse is decided later, by the findings sink (src/findings/suppressions.ts).

import { Lexer } from 'yaml';
import type { SuppressionComment, SuppressionScope } from '../model/types.js';

const DIRECTIVE = /^#\s*slo-gate-disable(-next-line|-file)?(?=[\s:]|$)(.*)$/;
// Tokens the YAML lexer emits that are markers, not text of the file.
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * The suppression comments of a YAML file. Comments are found with the YAML lexer, so a
 * `# slo-gate-disable` line inside a block scalar (a query's text) is not one.
 */
export function readSuppressionComments(text: string, file: string): SuppressionComment[] {
  if (!text.includes('slo-gate-disable')) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) lineStarts.push(index + 1);
  }
  const comments: SuppressionComment[] = [];
  let offset = 0;
  let line = 0;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    const start = offset;
    offset += token.length;
    if (token[0] !== '#') continue;
    const directive = DIRECTIVE.exec(token.trimEnd());
    if (!directive) continue;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= start) line++;
    const column = start - lineStarts[line];
    const scope: SuppressionScope = directive[1] === '-next-line' ? 'next-line' : directive[1] === '-file' ? 'file' : 'block';
    const [ids, ...why] = directive[2].split(':');
    const checks = ids.split(',').map((id) => id.trim()).filter(Boolean);
    const [fromLine, toLine] = coveredLines(lines, line, column, scope);
    comments.push({ file, line: line + 1, column: column + 1, scope, checks, reason: why.join(':').trim(), fromLine, toLine });
  }
  return comments;
}

const indentOf = (text: string) => text.length - text.trimStart().length;
const isContent = (text: string) => text.trim() !== '' && !text.trimStart().startsWith('#');
const isDocumentBoundary = (text: string) => /^(---|\.\.\.)(\s|$)/.test(text);

/**
 * 1-based inclusive line range. `next-line`: the next line with content and what is nested under it
 * (a rule's whole item when the comment sits above `- alert:`). `block`: from the comment to the end
 * of the block it is indented in (the rest of a rule group's rules, or of the document at column 1).
 */
function coveredLines(lines: string[], index: number, column: number, scope: SuppressionScope): [number, number] {
  if (scope === 'file') return [1, lines.length];
  if (scope === 'block') {
    let last = index;
    for (let next = index + 1; next < lines.length; next++) {
      const text = lines[next];
      if (isDocumentBoundary(text)) break;
      if (!isContent(text)) continue;
      if (indentOf(text) < column) break;
      last = next;
    }
    return [index + 1, last + 1];
  }
  // A comment at the end of a line with content excuses that line; on a line of its own, the next one.
  if (isContent(lines[index].slice(0, column))) return [index + 1, index + 1];
  let target = index + 1;
  while (target < lines.length && !isContent(lines[target])) target++;
  if (target >= lines.length) return [index + 1, index + 1];
  // What is nested under a line is indented past it: `- alert: x` then `  expr: …`, or a block scalar's text.
  const childIndent = indentOf(lines[target]) + 1;
  let last = target;
  for (let next = target + 1; next < lines.length; next++) {
    const text = lines[next];
    if (isDocumentBoundary(text)) break;
    if (!isContent(text)) continue;
    if (indentOf(text) < childIndent) break;
    last = next;
  }
  return [target + 1, last + 1];
}

