// Text from the files under check (rule names, annotations, messages) is untrusted: once escaped
// it cannot mention people, reference issues, inject HTML, open code spans or break a table.

import { terminalLine } from './terminal.js';

const MARKDOWN_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '@': '&#64;',
  '#': '&#35;',
  '`': '&#96;',
  '\\': '&#92;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '~': '&#126;',
  '!': '&#33;',
  ':': '&#58;',
  '$': '&#36;',
};

/**
 * Inline Markdown text: one line, every character that means something to GitHub's renderer
 * neutralised, control characters written out (the CLI prints Markdown to terminals too).
 */
export function escapeMarkdown(text: string): string {
  return terminalLine(text.replace(/\r?\n|\r/g, ' ')).replace(/[&<>|@#`\\*_[\]()~!:$]/g, (char) => MARKDOWN_ENTITIES[char]);
}

/** A code block that the content cannot close: the fence is longer than any run of backticks inside. */
export function fencedBlock(content: string, language = ''): string {
  const longestRun = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const lines = content.replace(/\n$/, '').split(/\r?\n/).map(terminalLine);
  return `${fence}${language}\n${lines.join('\n')}\n${fence}`;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}
