// Text from the files under check (rule names, annotations, messages) is untrusted: once escaped
// it cannot mention people, reference issues, inject HTML, open code spans or links, or break a
// table. Escaping stays minimal so report.md reads (and greps) as written: a character is escaped
// only where GitHub's renderer would give it a meaning, with a backslash where CommonMark allows
// one, and entities only for `<`, `>` and `&` (HTML).

import { terminalLine } from './terminal.js';

/** Zero-width space: breaks `@login` and `#123` so GitHub neither mentions nor cross-references. */
const BREAK = '\u200b';

/**
 * Inline Markdown text: one line, control characters written out (the CLI prints Markdown to
 * terminals too). `_` is escaped only where it could open or close emphasis: inside a word
 * (`http_requests_total`) it means nothing to GFM and stays as written.
 */
export function escapeMarkdown(text: string): string {
  return terminalLine(text.replace(/\r?\n|\r/g, ' '))
    .replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`*[\]~|$]/g, '\\$&')
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace('_', '\\_'))
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${BREAK}`)
    .replace(/#(?=\d)/g, `#${BREAK}`)
    .replace(/^([#+\-]|\d+[.)])(?=\s|$)/, '\\$1');
}

/**
 * Text inside raw HTML in Markdown (`<summary>`): GitHub does not read Markdown there, so
 * backslashes would show; HTML-escaped, with mentions and issue references broken.
 */
export function escapeInlineHtml(text: string): string {
  return escapeHtml(terminalLine(text.replace(/\r?\n|\r/g, ' ')))
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${BREAK}`)
    .replace(/#(?=\d)/g, `#${BREAK}`);
}

/**
 * A code span showing `text` exactly as written: its delimiter is one backtick longer than any run
 * inside it. Mentions, HTML and emphasis mean nothing in code. In a table cell `|` still ends the
 * cell, so `inTable` writes it as `\|` (GFM reads that as `|` inside a code span too).
 */
export function codeSpan(text: string, inTable = true): string {
  const line = terminalLine(text.replace(/\r?\n|\r/g, ' '));
  const content = inTable ? line.replace(/\|/g, '\\|') : line;
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A span that starts or ends with a backtick needs a space between it and the fence (stripped when rendered).
  const padded = /^`|`$/.test(content) || /^ .* $/.test(content) ? ` ${content} ` : content;
  return content === '' ? '` `' : `${fence}${padded}${fence}`;
}

/** A code block that the content cannot close: the fence is longer than any run of backticks inside. */
export function fencedBlock(content: string, language = ''): string {
  const longestRun = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const lines = content.replace(/\n$/, '').split(/\r?\n/).map(terminalLine);
  return `${fence}${language}\n${lines.join('\n')}\n${fence}`;
}

/** A link whose URL cannot end the link early or carry a script: http(s) only, `()<> ` percent-encoded. */
export function markdownLink(text: string, url: string): string {
  if (!/^https?:\/\//i.test(url)) return text;
  return `[${text}](${url.replace(/[()<> "\\|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]);
}
