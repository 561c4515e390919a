// LogQL (Loki's query language) read with Grafana's own grammar, @grafana/lezer-logql: the
// grammar Grafana's Loki query editor uses. Syntax errors with where they are; no semantics.
//
// CONTRACT: analyseLogql(text) never throws. Offsets are 0-based UTF-16 offsets into `text`.

import { parser } from '@grafana/lezer-logql';

export interface LogqlError {
  from: number;
  to: number;
  message: string;
}

export interface LogqlAnalysis {
  /** One error per query: after the first, the grammar's recovery only reports its consequences. */
  errors: LogqlError[];
}

export function analyseLogql(text: string): LogqlAnalysis {
  if (typeof text !== 'string') text = String(text ?? '');
  if (text.trim() === '') return { errors: [{ from: 0, to: 0, message: 'empty query' }] };
  let first: { from: number; to: number } | undefined;
  try {
    parser.parse(text).iterate({
      enter(node) {
        if (first !== undefined) return false;
        if (node.type.isError) first = { from: node.from, to: node.to };
        return undefined;
      },
    });
  } catch (error) {
    return { errors: [{ from: 0, to: text.length, message: `internal error reading the query: ${(error as Error).message}` }] };
  }
  return { errors: first ? [describe(text, first.from, first.to)] : [] };
}

// What only LogQL writes after a stream selector `{…}`: a line filter (`|= "x"`, `!~ "x"`) or a
// pipeline stage (`| json`, `| logfmt`, `| line_format`…). PromQL has neither, so a query with one
// is LogQL whatever data source it names; `{job="x"}` alone is both languages.
const LOGQL_PIPELINE = /\}\s*(\|=|\|~|!=\s*["`]|!~\s*["`]|\|>|\|\s*(json|logfmt|pattern|regexp|unpack|line_format|label_format|unwrap|decolorize|drop|keep)\b)/;

/** Whether a query is written in LogQL's own syntax (see LOGQL_PIPELINE). */
export function looksLikeLogql(text: string): boolean {
  return LOGQL_PIPELINE.test(text);
}

/** Loki says "syntax error: unexpected X"; the grammar only knows where it stopped, so say what is there. */
function describe(text: string, from: number, to: number): LogqlError {
  let at = from;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  if (at >= text.length) return { from: Math.min(from, text.trimEnd().length), to: text.length, message: 'syntax error: unexpected end of query' };
  const token = tokenAt(text, at);
  return { from: at, to: Math.max(to, at + token.length), message: `syntax error: unexpected ${JSON.stringify(token)}` };
}

function tokenAt(text: string, at: number): string {
  const word = /^[A-Za-z_][A-Za-z0-9_]*|^\d+(\.\d+)?[a-zA-Z]*|^"(\\.|[^"\\])*"?|^`[^`]*`?|^(\|=|\|~|!=|!~|=~|==|>=|<=|\|>|\|)/.exec(text.slice(at));
  const token = word ? word[0] : text[at]!;
  return token.length > 40 ? `${token.slice(0, 40)}…` : token;
}
