// A small re-implementation of the behaviour of Prometheus' PromQL lexer (promql/parser/lex.go,
// Prometheus 3.14), used only when the lezer grammar reports a syntax error: the lezer tree
// says *where* parsing failed but not *why*, and promtool's wording comes from this lexer
// ("unclosed left parenthesis", "unterminated quoted string", "bad number or duration syntax")
// or from describing the unexpected token ("unexpected identifier \"bar\"").
// Also: Go-compatible unquoting of PromQL string literals, used on every query.

export type TokenKind =
  | 'EOF' | 'ERROR' | 'COMMENT' | 'IDENTIFIER' | 'METRIC_IDENTIFIER' | 'STRING' | 'NUMBER' | 'DURATION'
  | 'PUNCT' // ( ) { } [ ] , = : and @-free punctuation: described as a quoted string
  | 'OP' // operators: described as <op:+>
  | 'AGGR' // aggregators: <aggr:sum>
  | 'KEYWORD' // by, without, offset, bool, on, …: <by>
  | 'PREPROCESSOR'; // start, end, step, range, max_of, min_of: described as a quoted string

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** For ERROR tokens, the lexer's message. */
  text: string;
}

export interface LexResult {
  tokens: Token[];
  /** The first lexer error: where it starts, where the offending text ends, and Prometheus' message. */
  error?: { start: number; end: number; message: string };
}

const OPERATOR_WORDS = new Set(['and', 'or', 'unless', 'atan2']);
const AGGREGATOR_WORDS = new Set(['sum', 'avg', 'count', 'min', 'max', 'group', 'stddev', 'stdvar', 'topk', 'bottomk', 'count_values', 'quantile', 'limitk', 'limit_ratio']);
const KEYWORD_WORDS = new Set(['offset', 'smoothed', 'anchored', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'fill', 'fill_left', 'fill_right', 'bool']);
const PREPROCESSOR_WORDS = new Set(['start', 'end', 'step', 'range', 'max_of', 'min_of']);
const DURATION_KEYWORDS = new Set(['step', 'range', 'max_of', 'min_of']);

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined) => c !== undefined && (c === '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c: string | undefined) => isAlpha(c) || isDigit(c);

/** Go's %q of a single rune: '$'. */
export function goQuoteRune(c: string | undefined): string {
  if (c === undefined) return "'\\ufffd'";
  if (c === "'") return "'\\''";
  if (c === '\\') return "'\\\\'";
  return `'${escapeForGo(c, "'")}'`;
}

/** Go's %q of a string: "a\"b". */
export function goQuote(s: string): string {
  return `"${escapeForGo(s, '"')}"`;
}

function escapeForGo(s: string, quote: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out;
}

/** Go's %#U: U+0064 'd'. */
export function goUnicode(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0) ? `${hex} '${c}'` : hex;
}

/** The description Prometheus gives a token in "unexpected …" messages. */
export function describeToken(tok: Token, text: string): string {
  const val = text.slice(tok.start, tok.end);
  switch (tok.kind) {
    case 'EOF':
      return 'end of input';
    case 'ERROR':
      return tok.text;
    case 'OP':
      return `<op:${val}>`;
    case 'AGGR':
      return `<aggr:${val}>`;
    case 'KEYWORD':
      return `<${val}>`;
    case 'PUNCT':
    case 'PREPROCESSOR':
      return goQuote(val);
    case 'IDENTIFIER':
      return `identifier ${goQuote(val)}`;
    case 'METRIC_IDENTIFIER':
      return `metric identifier ${goQuote(val)}`;
    default: {
      const label = tok.kind === 'STRING' ? 'string' : tok.kind === 'NUMBER' ? 'number' : tok.kind === 'DURATION' ? 'duration' : 'comment';
      const chars = [...val];
      return `${label} ${chars.length > 10 ? goQuote(chars.slice(0, 10).join('')) + '...' : goQuote(val)}`;
    }
  }
}

type State = 'statements' | 'braces' | 'duration';

/** Tokenises `text` the way Prometheus does, stopping at the first lexer error. */
export function lexPromQL(text: string): LexResult {
  const tokens: Token[] = [];
  const n = text.length;
  let pos = 0;
  let state: State = 'statements';
  let parenDepth = 0;
  let braceOpen = false;
  let bracketOpen = false;
  let gotColon = false;
  let gotDuration = false;

  const emit = (kind: TokenKind, start: number, end: number) => tokens.push({ kind, start, end, text: '' });
  const fail = (start: number, message: string, end = Math.min(n, start + 1)): LexResult => {
    tokens.push({ kind: 'ERROR', start, end: n, text: message });
    return { tokens, error: { start, end, message } };
  };

  /** Scans a number (decimal, hex, float, with underscores) at `start`; returns end or -1 plus the position reached. */
  const scanNumber = (start: number): { ok: boolean; pos: number } => {
    let p = start;
    let digits = '0123456789';
    if (text[p] === '0' && (text[p + 1] === 'x' || text[p + 1] === 'X')) {
      p += 2;
      if (text[p] === '_') p++;
      digits = '0123456789abcdefABCDEF';
    }
    const isIn = (set: string, c: string | undefined) => c !== undefined && set.includes(c);
    if (text[p] === '.') p++;
    if (isIn(digits, text[p])) p++;
    let dot = false;
    let exp = false;
    while (isIn(digits + '._eE', text[p])) {
      const c = text[p]!;
      if (c === '.') {
        if (dot) return { ok: false, pos: p + 1 };
        dot = true;
        p++;
        if (isIn('_.', text[p])) return { ok: false, pos: p + 1 };
        if (digits.length > 10) return { ok: false, pos: p };
        continue;
      }
      if ((c === 'e' || c === 'E') && digits.length === 10) {
        if (exp) return { ok: false, pos: p + 1 };
        exp = true;
        p++;
        if (text[p] === '+' || text[p] === '-') p++;
        if (isIn('._eE', text[p])) return { ok: false, pos: p + 1 };
        if (p >= n) return { ok: false, pos: p };
        continue;
      }
      if (c === '_') {
        p++;
        if (isIn('._eE', text[p])) return { ok: false, pos: p + 1 };
        if (p >= n) return { ok: false, pos: p };
        continue;
      }
      while (isIn(digits, text[p])) p++;
    }
    if (p === start) return { ok: false, pos: p };
    return { ok: !isAlnum(text[p]), pos: p };
  };

  /** Continues a duration after scanNumber stopped at `p`; returns the end, or where Go's lexer stopped. */
  const scanDurationRest = (p: number): { ok: boolean; pos: number } => {
    if (!'smhdwy'.includes(text[p] ?? '#')) return { ok: false, pos: p };
    p++;
    if (text[p] === 's') p++;
    while (isDigit(text[p])) {
      while (isDigit(text[p])) p++;
      if (!'smhdw'.includes(text[p] ?? '#')) return { ok: false, pos: p };
      p++;
      if (text[p] === 's') p++;
    }
    if (isAlnum(text[p])) return { ok: false, pos: p + 1 };
    return { ok: true, pos: p };
  };

  const numberOrDuration = (start: number): LexResult | undefined => {
    const num = scanNumber(start);
    if (num.ok) {
      emit('NUMBER', start, num.pos);
      pos = num.pos;
      return undefined;
    }
    const dur = scanDurationRest(num.pos);
    if (dur.ok) {
      emit('DURATION', start, dur.pos);
      pos = dur.pos;
      return undefined;
    }
    return fail(start, `bad number or duration syntax: ${goQuote(text.slice(start, dur.pos))}`, Math.max(start + 1, dur.pos));
  };

  /** A quoted string starting at `start` (the quote). */
  const quoted = (start: number): LexResult | undefined => {
    const q = text[start]!;
    let p = start + 1;
    for (;;) {
      const c = text[p];
      if (c === undefined || c === '\n') return fail(start, 'unterminated quoted string', p);
      if (c === q) {
        emit('STRING', start, p + 1);
        pos = p + 1;
        return undefined;
      }
      if (c === '\\') {
        const r = decodeEscape(text, p, q);
        if ('message' in r) return fail(start, r.message, Math.min(n, p + 2));
        p = r.end;
        continue;
      }
      p += c.length;
    }
  };

  const raw = (start: number): LexResult | undefined => {
    const end = text.indexOf('`', start + 1);
    if (end < 0) return fail(start, 'unterminated raw string', n);
    emit('STRING', start, end + 1);
    pos = end + 1;
    return undefined;
  };

  const comment = (start: number) => {
    let p = start;
    while (p < n && text[p] !== '\n' && text[p] !== '\r') p++;
    emit('COMMENT', start, p);
    pos = p;
  };

  const durationKeyword = (start: number): boolean => {
    let p = start;
    while (isAlpha(text[p])) p++;
    if (DURATION_KEYWORDS.has(text.slice(start, p).toLowerCase())) {
      emit('PREPROCESSOR', start, p);
      pos = p;
      return true;
    }
    return false;
  };

  for (;;) {
    const start = pos;
    const c = text[pos];
    if (state === 'braces') {
      if (c === '#') {
        comment(start);
        continue;
      }
      if (c === undefined) return fail(start, 'unexpected end of input inside braces', start);
      pos++;
      if (isSpace(c)) continue;
      if (isAlpha(c)) {
        while (isAlnum(text[pos])) pos++;
        emit('IDENTIFIER', start, pos);
        continue;
      }
      if (c === ',') emit('PUNCT', start, pos);
      else if (c === '"' || c === "'") {
        const r = quoted(start);
        if (r) return r;
      } else if (c === '`') {
        const r = raw(start);
        if (r) return r;
      } else if (c === '=') {
        if (text[pos] === '~') pos++;
        emit(pos - start === 2 ? 'OP' : 'PUNCT', start, pos);
      } else if (c === '!') {
        const d = text[pos];
        if (d !== '~' && d !== '=') return fail(start, `unexpected character after '!' inside braces: ${goQuoteRune(d)}`);
        pos++;
        emit('OP', start, pos);
      } else if (c === '{') return fail(start, `unexpected left brace ${goQuoteRune(c)}`);
      else if (c === '}') {
        emit('PUNCT', start, pos);
        braceOpen = false;
        state = 'statements';
      } else return fail(start, `unexpected character inside braces: ${goQuoteRune(c)}`);
      continue;
    }

    if (state === 'duration') {
      if (c === undefined) return fail(start, 'unexpected end of input in duration expression', start);
      pos++;
      if (c === ']') {
        emit('PUNCT', start, pos);
        bracketOpen = false;
        gotColon = false;
        state = 'statements';
      } else if (c === ':') {
        if (!gotDuration) return fail(start, 'unexpected colon before duration in duration expression');
        if (gotColon) return fail(start, 'unexpected repeated colon in duration expression');
        emit('PUNCT', start, pos);
        gotColon = true;
      } else if (c === '(') {
        emit('PUNCT', start, pos);
        parenDepth++;
      } else if (c === ')') {
        parenDepth--;
        if (parenDepth < 0) return fail(start, `unexpected right parenthesis ${goQuoteRune(c)}`);
        emit('PUNCT', start, pos);
      } else if (isSpace(c)) {
        while (isSpace(text[pos])) pos++;
      } else if ('+-*/%^'.includes(c)) emit('OP', start, pos);
      else if (c === ',') emit('PUNCT', start, pos);
      else if ('srmSRM'.includes(c)) {
        if (!durationKeyword(start)) return fail(start, `unexpected character in duration expression: ${goQuoteRune(c)}`);
      } else if (isDigit(c) || (c === '.' && isDigit(text[pos]))) {
        gotDuration = true;
        const r = numberOrDuration(start);
        if (r) return r;
        state = 'statements';
      } else return fail(start, `unexpected character in duration expression: ${goQuoteRune(c)}`);
      continue;
    }

    // statements
    if (braceOpen) {
      state = 'braces';
      continue;
    }
    if (c === '#') {
      comment(start);
      continue;
    }
    if (c === undefined) {
      if (parenDepth !== 0) return fail(start, 'unclosed left parenthesis', start);
      if (bracketOpen) return fail(start, 'unclosed left bracket', start);
      tokens.push({ kind: 'EOF', start: n, end: n, text: '' });
      return { tokens };
    }
    pos++;
    if (isSpace(c)) {
      while (isSpace(text[pos])) pos++;
      continue;
    }
    switch (c) {
      case ',':
        emit('PUNCT', start, pos);
        continue;
      case '*':
      case '/':
      case '%':
      case '+':
      case '-':
      case '^':
      case '@':
        emit('OP', start, pos);
        continue;
      case '=':
        if (text[pos] === '=') {
          pos++;
          emit('OP', start, pos);
        } else if (text[pos] === '~') return fail(start, `unexpected character after '=': ${goQuoteRune('~')}`);
        else emit('PUNCT', start, pos);
        continue;
      case '!':
        if (text[pos] !== '=') return fail(start, `unexpected character after '!': ${goQuoteRune(text[pos])}`);
        pos++;
        emit('OP', start, pos);
        continue;
      case '<':
      case '>':
        if (text[pos] === '=' || text[pos] === '/') pos++;
        emit('OP', start, pos);
        continue;
      case '"':
      case "'": {
        const r = quoted(start);
        if (r) return r;
        continue;
      }
      case '`': {
        const r = raw(start);
        if (r) return r;
        continue;
      }
      case '(':
        emit('PUNCT', start, pos);
        parenDepth++;
        continue;
      case ')':
        parenDepth--;
        if (parenDepth < 0) return fail(start, `unexpected right parenthesis ${goQuoteRune(c)}`);
        emit('PUNCT', start, pos);
        continue;
      case '{':
        emit('PUNCT', start, pos);
        braceOpen = true;
        state = 'braces';
        continue;
      case '[':
        if (bracketOpen) return fail(start, `unexpected left bracket ${goQuoteRune(c)}`);
        gotColon = false;
        gotDuration = false;
        emit('PUNCT', start, pos);
        while (isSpace(text[pos])) pos++;
        bracketOpen = true;
        state = 'duration';
        continue;
      case ']':
        if (!bracketOpen) return fail(start, `unexpected right bracket ${goQuoteRune(c)}`);
        emit('PUNCT', start, pos);
        bracketOpen = false;
        continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[pos]))) {
      const r = numberOrDuration(start);
      if (r) return r;
      continue;
    }
    if (isAlpha(c) || c === ':') {
      if (!bracketOpen) {
        while (isAlnum(text[pos]) || text[pos] === ':') pos++;
        const word = text.slice(start, pos);
        const lower = word.toLowerCase();
        let kind: TokenKind;
        if (lower === 'inf' || lower === 'nan') kind = 'NUMBER';
        else if (OPERATOR_WORDS.has(lower)) kind = 'OP';
        else if (AGGREGATOR_WORDS.has(lower)) kind = 'AGGR';
        else if (KEYWORD_WORDS.has(lower)) {
          kind = 'KEYWORD';
          if (lower.startsWith('fill')) {
            let p = pos;
            while (isSpace(text[p])) p++;
            if (text[p] !== '(') kind = 'IDENTIFIER';
          }
        } else if (PREPROCESSOR_WORDS.has(lower)) kind = 'PREPROCESSOR';
        else kind = word.includes(':') ? 'METRIC_IDENTIFIER' : 'IDENTIFIER';
        emit(kind, start, pos);
        continue;
      }
      if (c === ':') {
        if (gotColon) return fail(start, `unexpected colon ${goQuoteRune(c)}`);
        emit('PUNCT', start, pos);
        gotColon = true;
        continue;
      }
      if ('srmSRM'.includes(c) && durationKeyword(start)) continue;
      return fail(start, `unexpected character: ${goQuoteRune(c)}, expected ${goQuoteRune(':')}`);
    }
    return fail(start, `unexpected character: ${goQuoteRune(c)}`);
  }
}

function digitValue(c: string | undefined): number {
  if (c === undefined) return 16;
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  if (c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  return 16;
}

function decodeEscape(text: string, p: number, quote: string): { message: string } | { cp: number; end: number } {
  const c = text[p + 1];
  switch (c) {
    case 'a':
      return { cp: 7, end: p + 2 };
    case 'b':
      return { cp: 8, end: p + 2 };
    case 'f':
      return { cp: 12, end: p + 2 };
    case 'n':
      return { cp: 10, end: p + 2 };
    case 'r':
      return { cp: 13, end: p + 2 };
    case 't':
      return { cp: 9, end: p + 2 };
    case 'v':
      return { cp: 11, end: p + 2 };
    case '\\':
      return { cp: 92, end: p + 2 };
    case undefined:
      return { message: 'escape sequence not terminated' };
  }
  if (c === quote) return { cp: c.charCodeAt(0), end: p + 2 };
  let n: number;
  let base: number;
  let max: number;
  let q = p + 1;
  if (c >= '0' && c <= '7') {
    n = 3;
    base = 8;
    max = 255;
  } else if (c === 'x' || c === 'u' || c === 'U') {
    q++;
    n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    base = 16;
    max = c === 'x' ? 255 : 0x10ffff;
  } else {
    return { message: `unknown escape sequence ${goUnicode(String.fromCodePoint(text.codePointAt(p + 1)!))}` };
  }
  let x = 0;
  for (; n > 0; n--, q++) {
    const ch = text[q];
    const d = digitValue(ch);
    if (d >= base) {
      if (ch === undefined) return { message: 'escape sequence not terminated' };
      return { message: `illegal character ${goUnicode(String.fromCodePoint(text.codePointAt(q)!))} in escape sequence` };
    }
    x = x * base + d;
  }
  if (x > max || (x >= 0xd800 && x < 0xe000)) return { message: 'escape sequence is an invalid Unicode code point' };
  return { cp: x, end: q };
}

/**
 * Unquotes a PromQL string literal ("…", '…' or `…`) as Prometheus does. Returns the value, or
 * an error message (unterminated string, bad escape sequence).
 */
export function unquote(literal: string): { value: string; error?: string } {
  const q = literal[0];
  if (q === '`') {
    if (literal.length < 2 || literal[literal.length - 1] !== '`') return { value: literal.slice(1), error: 'unterminated raw string' };
    return { value: literal.slice(1, -1) };
  }
  if (literal.length < 2 || literal[literal.length - 1] !== q || (literal[literal.length - 2] === '\\' && !evenBackslashesBefore(literal, literal.length - 1))) {
    return { value: literal.slice(1), error: 'unterminated quoted string' };
  }
  const end = literal.length - 1;
  if (!literal.includes('\\')) return { value: literal.slice(1, end) };
  let out = '';
  let i = 1;
  while (i < end) {
    const c = literal[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const r = decodeEscape(literal, i, q!);
    if ('message' in r) return { value: out, error: r.message };
    out += String.fromCodePoint(r.cp);
    i = r.end;
  }
  return { value: out };
}

function evenBackslashesBefore(s: string, at: number): boolean {
  let k = 0;
  for (let i = at - 1; i >= 0 && s[i] === '\\'; i--) k++;
  return k % 2 === 0;
}
