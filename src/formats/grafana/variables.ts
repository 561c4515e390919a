// Grafana template variables in PromQL panel queries.
//
// Grafana rewrites `$var`, `${var}`, `${var:format}`, `[[var]]` and its globals (`$__interval`,
// `$__rate_interval`, `$__range`, `$__range_s`, `$__interval_ms`, `$__auto`, `$__from`…) before
// the query reaches Prometheus. To check a dashboard query we substitute values that keep it
// parseable and meaningful where it matters: a duration where a duration stands (inside `[…]`,
// after `offset`), a label name inside `by (…)` / `on (…)`, a number where a number is expected,
// the variable's current value when it has one and fits, otherwise a neutral value (the variable
// name, which is also string-safe inside quotes). The edits map offsets in the substituted text
// back to the original, so errors point at what the user wrote.
//
// References to names that are neither a dashboard variable nor a Grafana global (`$1` in a
// label_replace replacement, a typo) are left alone, as Grafana leaves them.

import type { TextEdit } from '../../model/placement.js';
import { parsePromDuration } from '../../model/units.js';
import { FUNCTIONS } from '../../lang/promql/functions.js';
import { analyseRegex } from '../../lang/promql/regex.js';

export interface GrafanaVariable {
  name: string;
  /** The variable's current value (the first one for multi-value variables). */
  current?: string;
  /** Grafana's variable type (query, custom, interval, constant, textbox, datasource…), when known. */
  type?: string;
}

export interface GrafanaSubstitution {
  text: string;
  /** Where `text` differs from the original query, ascending (`originalOffset` in model/placement maps back). */
  edits: TextEdit[];
}

type Context = 'string' | 'regex' | 'duration' | 'label' | 'ident' | 'number' | 'expr';

interface Replacement {
  from: number;
  to: number;
  value: string;
}

const GROUPING_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const PARAM_AGGREGATIONS = new Set(['topk', 'bottomk', 'quantile', 'limitk', 'limit_ratio']);
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LABEL_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_LIST_RE = /^[A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*$/;
const IDENT_RE = /^[A-Za-z0-9_:]+$/;
const METRIC_RE = /^[A-Za-z_:][A-Za-z0-9_:]*$/;
const VAR_RE = /\$\{(\w+)(?:\.[^:}]+)?(?::([^}]+))?\}|\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]/y;

/** Grafana's globals, as they would be for a one-hour dashboard range with a one-minute step. */
const GLOBAL_DURATIONS: Record<string, string> = {
  __interval: '1m',
  __rate_interval: '5m',
  __range: '1h',
  __auto: '1m',
  __auto_interval: '1m',
};
const GLOBAL_SECONDS: Record<string, number> = { __interval: 60, __rate_interval: 300, __range: 3600, __auto: 60, __auto_interval: 60 };
const FROM_MS = 1700000000000;
const TO_MS = FROM_MS + 3600000;

function isDuration(v: string): boolean {
  return parsePromDuration(v) !== undefined || /^\d+$/.test(v);
}

function neutralName(name: string): string {
  const cleaned = name.replace(/^_+/, '').replace(/[^A-Za-z0-9_]/g, '_');
  return cleaned === '' || /^\d/.test(cleaned) ? `v${cleaned}` : cleaned;
}

/** The value of a Grafana global in a numeric form (`$__range_s`, `$__interval_ms`, `$__from`), if it has one. */
function globalNumber(name: string, format: string | undefined): string | undefined {
  if (name === '__from' || name === '__to') {
    const ms = name === '__from' ? FROM_MS : TO_MS;
    return format && format.includes('seconds') ? String(ms / 1000) : String(ms);
  }
  const m = /^(__\w+?)_(ms|s)$/.exec(name);
  if (m && GLOBAL_SECONDS[m[1]!] !== undefined) return String(GLOBAL_SECONDS[m[1]!]! * (m[2] === 'ms' ? 1000 : 1));
  return undefined;
}

function valueFor(name: string, format: string | undefined, variable: GrafanaVariable | undefined, context: Context): string {
  const isGlobal = name.startsWith('__');
  const raw = variable?.current;
  const current = raw !== undefined && raw !== '' && raw !== '$__all' && raw !== 'All' && !raw.startsWith('$') ? raw : undefined;
  const fallback = neutralName(name);
  switch (context) {
    case 'string':
      if (current !== undefined && !/["'`\\\n\r]/.test(current)) return current;
      return fallback;
    case 'regex':
      if (current !== undefined && !/["'`\\\n\r]/.test(current) && !analyseRegex(current).error) return current;
      return fallback;
    case 'duration': {
      if (isGlobal) {
        if (GLOBAL_DURATIONS[name]) return GLOBAL_DURATIONS[name]!;
        const n = globalNumber(name, format);
        if (n !== undefined && !name.endsWith('_ms')) return n;
        return '5m';
      }
      if (current !== undefined && isDuration(current)) return current;
      return '5m';
    }
    case 'label':
      if (current !== undefined && LABEL_LIST_RE.test(current)) return current;
      return LABEL_RE.test(fallback) ? fallback : 'label';
    case 'ident':
      if (current !== undefined && IDENT_RE.test(current)) return current;
      return fallback;
    case 'number': {
      if (isGlobal) return globalNumber(name, format) ?? String(GLOBAL_SECONDS[name] ?? 1);
      if (current !== undefined && NUMBER_RE.test(current)) return current;
      return '1';
    }
    case 'expr': {
      if (isGlobal) {
        const n = globalNumber(name, format);
        if (n !== undefined) return n;
        if (GLOBAL_SECONDS[name] !== undefined) return String(GLOBAL_SECONDS[name]);
        return fallback;
      }
      if (variable?.type === 'interval') return current !== undefined && isDuration(current) ? current : '5m';
      if (current !== undefined && (NUMBER_RE.test(current) || METRIC_RE.test(current))) return current;
      return fallback;
    }
  }
}

interface Paren {
  grouping: boolean;
  fn: string;
  arg: number;
}


/**
 * Replaces Grafana template variables in a PromQL query with values that keep it parseable.
 * `variables` are the dashboard's variables (extra fields are ignored).
 */
export function substituteGrafanaVariables(text: string, variables: readonly GrafanaVariable[]): GrafanaSubstitution {
  if (!text.includes('$') && !text.includes('[[')) return { text, edits: [] };
  const known = new Map<string, GrafanaVariable>();
  for (const v of variables) if (v && typeof v.name === 'string' && !known.has(v.name)) known.set(v.name, v);

  const replacements: Replacement[] = [];
  const parens: Paren[] = [];
  let braceDepth = 0;
  let bracketDepth = 0;
  let prevWord = ''; // last word outside strings, lower case ('' when the last token was not a word)
  let prevChar = ''; // last significant non-word character outside strings
  let quote = ''; // the open string's quote, '' outside strings
  let stringStart = -1;
  const n = text.length;

  for (let i = 0; i < n; ) {
    const c = text[i]!;
    if (c === '$' || (c === '[' && text[i + 1] === '[')) {
      VAR_RE.lastIndex = i;
      const m = VAR_RE.exec(text);
      const name = m ? (m[1] ?? m[3] ?? m[4])! : undefined;
      if (m && name !== undefined && (known.has(name) || name.startsWith('__'))) {
        const format = m[2] ?? m[5];
        const end = i + m[0].length;
        const context = contextAt(text, i, end);
        const value = valueFor(name, format, known.get(name), context);
        replacements.push({ from: i, to: end, value });
        if (!quote) {
          prevWord = /^[A-Za-z_]/.test(value) ? 'value' : '';
          prevChar = '';
        }
        i = end;
        continue;
      }
    }
    if (quote) {
      if (c === '\\' && quote !== '`') i += 2;
      else {
        if (c === quote) quote = '';
        i++;
      }
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      stringStart = i;
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_:]/.test(text[j]!)) j++;
      prevWord = text.slice(i, j).toLowerCase();
      prevChar = '';
      i = j;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    switch (c) {
      case '{':
        braceDepth++;
        break;
      case '}':
        braceDepth = Math.max(0, braceDepth - 1);
        break;
      case '[':
        bracketDepth++;
        break;
      case ']':
        bracketDepth = Math.max(0, bracketDepth - 1);
        break;
      case '(':
        parens.push({ grouping: GROUPING_WORDS.has(prevWord), fn: prevWord, arg: 0 });
        break;
      case ')':
        parens.pop();
        break;
      case ',':
        if (parens.length > 0) parens[parens.length - 1]!.arg++;
        break;
    }
    // `offset -$shift`: the sign still belongs to the offset.
    if (!((c === '-' || c === '+') && prevWord === 'offset')) prevWord = '';
    prevChar = c;
    i++;
  }

  function contextAt(src: string, start: number, end: number): Context {
    if (quote) {
      // Inside a string: is it the value of a regex matcher?
      let k = stringStart - 1;
      while (k >= 0 && /\s/.test(src[k]!)) k--;
      return src[k] === '~' ? 'regex' : 'string';
    }
    if (bracketDepth > 0) return 'duration';
    if (prevWord === 'offset') return 'duration';
    if (prevChar === '@') return 'number';
    const top = parens[parens.length - 1];
    if (top?.grouping) return 'label';
    if (braceDepth > 0) return 'label';
    const before = src[start - 1];
    const after = src[end];
    if ((before !== undefined && /[A-Za-z0-9_:]/.test(before)) || (after !== undefined && /[A-Za-z0-9_:]/.test(after))) return 'ident';
    if (top && (prevChar === '(' || prevChar === ',')) {
      if (PARAM_AGGREGATIONS.has(top.fn) && top.arg === 0) return 'number';
      const fn = FUNCTIONS.get(top.fn);
      if (fn) {
        const t = fn.args[Math.min(top.arg, fn.args.length - 1)];
        if (t === 'scalar') return 'number';
      }
    }
    return 'expr';
  }

  if (replacements.length === 0) return { text, edits: [] };

  let out = '';
  let at = 0;
  const edits: TextEdit[] = [];
  for (const r of replacements) {
    out += text.slice(at, r.from);
    edits.push({ start: out.length, length: r.value.length, from: r.from, to: r.to });
    out += r.value;
    at = r.to;
  }
  out += text.slice(at);
  return { text: out, edits };
}
