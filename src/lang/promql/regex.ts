// Label-matcher regular expressions, checked the way Prometheus checks them: Go's RE2 syntax
// (regexp/syntax with Perl flags and `.` matching newlines), fully anchored.
//
// JavaScript's RegExp accepts things RE2 rejects (look-arounds, back-references, `\k`, possessive
// `a*+`…) and rejects some things RE2 accepts (`^*`, `(?i)` in the middle). So the pattern is
// parsed here with RE2's rules: that gives Go's error message (`error parsing regexp: invalid
// or unsupported Perl syntax: \`(?=\``), whether the anchored pattern matches the empty string
// (which Prometheus needs for "at least one non-empty matcher"), and a translation to a JS
// RegExp for callers that want to test values. Results are cached by pattern in a bounded Map.

export interface RegexInfo {
  /** Go's message, e.g. "error parsing regexp: missing closing ): `(a`"; undefined when valid. */
  error?: string;
  /** Whether `^(?s:pattern)$` matches "" (meaningless when error is set). */
  matchesEmpty: boolean;
  /** Source and flags of an equivalent JS RegExp (anchored), or undefined when it cannot be expressed. */
  js?: { source: string; flags: string };
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, RegexInfo>();
const compiled = new Map<string, RegExp | null>();

/** Checks a matcher regex (the unquoted value of `=~` / `!~`). Cached by pattern. */
export function analyseRegex(pattern: string): RegexInfo {
  let info = cache.get(pattern);
  if (info === undefined) {
    info = parseRegex(pattern);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(pattern, info);
  }
  return info;
}

/**
 * A JS RegExp that matches what the Prometheus matcher `=~"pattern"` matches (anchored at both
 * ends), or undefined when the pattern is invalid or uses RE2 features JS cannot express.
 * Compiled once per pattern (bounded cache).
 */
export function matcherRegExp(pattern: string): RegExp | undefined {
  let re = compiled.get(pattern);
  if (re === undefined) {
    const info = analyseRegex(pattern);
    re = null;
    if (!info.error && info.js) {
      try {
        re = new RegExp(info.js.source, info.js.flags);
      } catch {
        re = null;
      }
    }
    if (compiled.size >= CACHE_LIMIT) compiled.delete(compiled.keys().next().value as string);
    compiled.set(pattern, re);
  }
  return re ?? undefined;
}

class RegexError extends Error {}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\u{0}-\\u{7f}',
  blank: '\\t ',
  cntrl: '\\u{0}-\\u{1f}\\u{7f}',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const PERL_CLASS: Record<string, string> = { d: '0-9', s: '\\t\\n\\f\\r ', w: '0-9A-Za-z_' };
const PERL_NEGATED: Record<string, string> = { D: '\\D', S: '[^\\t\\n\\f\\r ]', W: '\\W' };

function isAlnum(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function unhex(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  if (c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  return -1;
}

function jsChar(cp: number): string {
  const c = String.fromCodePoint(cp);
  return isAlnum(c) || c === '_' ? c : `\\u{${cp.toString(16)}}`;
}

// Go's unicode tables: "Any", the general categories by their one/two-letter names, and the
// scripts by their long names (unicode.Scripts). JS knows the same Unicode data, so it is the
// oracle, except that JS also takes the four-letter ISO 15924 aliases ("Latn"), which Go does not.
const FOUR_LETTER_SCRIPTS = new Set(['Ahom', 'Cham', 'Kawi', 'Lisu', 'Miao', 'Modi', 'Newa', 'Thai', 'Toto']);
const unicodeNames = new Map<string, string | null>();

/** The JS class for Go's `\p{name}`, or null when Go does not know the name. */
function unicodeClass(name: string): string | null {
  let js = unicodeNames.get(name);
  if (js !== undefined) return js;
  js = null;
  if (name === 'Any') js = 'Any';
  else if (/^[A-Z][a-z]?$/.test(name)) js = jsAccepts(`\\p{${name}}`) ? name : null;
  else if (/^[A-Z][A-Za-z_]+$/.test(name) && (name.length !== 4 || FOUR_LETTER_SCRIPTS.has(name)) && jsAccepts(`\\p{Script=${name}}`)) js = `Script=${name}`;
  if (unicodeNames.size < 1000) unicodeNames.set(name, js);
  return js;
}

function jsAccepts(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

interface Piece {
  js: string;
  nullable: boolean;
}

function parseRegex(pattern: string): RegexInfo {
  try {
    const p = new Parser(pattern);
    const body = p.parseAll();
    const flags = p.foldCase ? 'isu' : 'su';
    return { matchesEmpty: body.nullable, js: p.untranslatable ? undefined : { source: `^(?:${body.js})$`, flags } };
  } catch (e) {
    if (e instanceof RegexError) return { error: e.message, matchesEmpty: false };
    throw e;
  }
}

class Parser {
  private i = 0;
  untranslatable = false;
  foldCase = false;

  constructor(private readonly s: string) {}

  private fail(code: string, expr: string): never {
    throw new RegexError(`error parsing regexp: ${code}: \`${expr}\``);
  }

  parseAll(): Piece {
    const alt = this.parseAlternation(0);
    if (this.i < this.s.length) this.fail('unexpected )', this.s); // stray ')'
    return alt;
  }

  /** alternation := concat ('|' concat)*, stops before ')' or at the end. */
  private parseAlternation(depth: number): Piece {
    if (depth > 1000) this.fail('expression nests too deeply', this.s);
    const parts: Piece[] = [this.parseConcat(depth)];
    while (this.s[this.i] === '|') {
      this.i++;
      parts.push(this.parseConcat(depth));
    }
    if (parts.length === 1) return parts[0]!;
    return { js: parts.map((x) => x.js).join('|'), nullable: parts.some((x) => x.nullable) };
  }

  private parseConcat(depth: number): Piece {
    let js = '';
    let nullable = true;
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === undefined || c === '|' || c === ')') break;
      if (c === '*' || c === '+' || c === '?') this.fail('missing argument to repetition operator', c);
      if (c === '{') {
        const rep = this.readRepeat(this.i);
        if (rep) this.fail('missing argument to repetition operator', s.slice(this.i, rep.end));
      }
      const atom = this.parseAtom(depth);
      if (atom === null) {
        // A flag group like (?i) that is not an operand.
        continue;
      }
      const rep = this.parseRepetitions(atom);
      js += rep.js;
      nullable = nullable && rep.nullable;
    }
    return { js: js === '' ? '(?:)' : js, nullable };
  }

  /** Repetition operators after an atom; a second one in a row is RE2's "invalid nested repetition operator". */
  private parseRepetitions(atom: Piece): Piece {
    const s = this.s;
    let result = atom;
    let lastStart = -1;
    for (;;) {
      const c = s[this.i];
      const start = this.i;
      let min: number;
      let opText: string;
      if (c === '*' || c === '+' || c === '?') {
        this.i++;
        min = c === '+' ? 1 : 0;
        opText = c;
      } else if (c === '{') {
        const rep = this.readRepeat(this.i);
        if (!rep) break;
        if (rep.min < 0 || rep.min > 1000 || rep.max > 1000 || (rep.max >= 0 && rep.min > rep.max)) {
          this.fail('invalid repeat count', s.slice(this.i, rep.end));
        }
        min = rep.min;
        opText = s.slice(this.i, rep.end);
        this.i = rep.end;
      } else {
        break;
      }
      let lazy = '';
      if (s[this.i] === '?') {
        this.i++;
        lazy = '?';
      }
      if (lastStart >= 0) this.fail('invalid nested repetition operator', s.slice(lastStart, this.i));
      lastStart = start;
      result = { js: `(?:${result.js})${opText}${lazy}`, nullable: min === 0 || result.nullable };
    }
    return result;
  }

  /** `{n}`, `{n,}`, `{n,m}` at `at`; undefined when it is not a repeat (then `{` is a literal). */
  private readRepeat(at: number): { min: number; max: number; end: number } | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(at, at + 24));
    if (!m) return undefined;
    const num = (t: string) => (t.length >= 8 ? -1 : Number(t));
    const min = num(m[1]!);
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : num(m[3]!);
    if (m[3] !== undefined && m[3] !== '' && max < 0) return { min, max: 1001, end: at + m[0].length };
    return { min, max, end: at + m[0].length };
  }

  /** One operand; null for a flag-only group such as `(?i)`. */
  private parseAtom(depth: number): Piece | null {
    const s = this.s;
    const c = s[this.i]!;
    switch (c) {
      case '(':
        return this.parseGroup(depth);
      case '[':
        return this.parseClass();
      case '.':
        this.i++;
        return { js: '.', nullable: false };
      case '^':
      case '$':
        this.i++;
        return { js: `(?:${c})`, nullable: true };
      case '\\':
        return this.parseEscapeAtom();
      default: {
        const cp = s.codePointAt(this.i)!;
        this.i += cp > 0xffff ? 2 : 1;
        return { js: jsChar(cp), nullable: false };
      }
    }
  }

  private parseGroup(depth: number): Piece | null {
    const s = this.s;
    const start = this.i;
    if (s[start + 1] === '?') {
      const t = s.slice(start);
      if ((t.length > 4 && t[2] === 'P' && t[3] === '<') || (t.length > 3 && t[2] === '<')) {
        const begin = t[2] === '<' ? 3 : 4;
        const end = t.indexOf('>');
        if (end < 0) this.fail('invalid named capture', t);
        const name = t.slice(begin, end);
        if (!/^[A-Za-z0-9_]+$/.test(name)) this.fail('invalid named capture', t.slice(0, end + 1));
        this.i = start + end + 1;
        return this.finishGroup(depth);
      }
      // Flags: (?flags) or (?flags:...)
      let j = start + 2;
      let negated = false;
      let sawFlag = false;
      let flags = '';
      for (;;) {
        const f = s[j];
        if (f === undefined) this.fail('invalid or unsupported Perl syntax', s.slice(start));
        j++;
        if (f === 'i' || f === 'm' || f === 's' || f === 'U') {
          sawFlag = true;
          flags += negated ? '' : f;
          if (negated || f !== 's') flags += '!';
          continue;
        }
        if (f === '-') {
          if (negated) this.fail('invalid or unsupported Perl syntax', s.slice(start, j));
          negated = true;
          sawFlag = false;
          continue;
        }
        if (f === ':' || f === ')') {
          if (negated && !sawFlag) this.fail('invalid or unsupported Perl syntax', s.slice(start, j));
          break;
        }
        this.fail('invalid or unsupported Perl syntax', s.slice(start, j));
      }
      const closing = s[j - 1] === ')';
      if (flags !== '') {
        // Only a leading (?i) (or (?s), a no-op under Prometheus' DotNL) translates to JS.
        if (closing && start === 0 && /^i!?$/.test(flags) && !negated) this.foldCase = true;
        else if (!/^s$/.test(flags)) this.untranslatable = true;
      }
      this.i = j;
      if (closing) return null;
      return this.finishGroup(depth);
    }
    this.i++;
    return this.finishGroup(depth);
  }

  private finishGroup(depth: number): Piece {
    const inner = this.parseAlternation(depth + 1);
    if (this.s[this.i] !== ')') this.fail('missing closing )', this.s);
    this.i++;
    return { js: `(?:${inner.js})`, nullable: inner.nullable };
  }

  private parseEscapeAtom(): Piece {
    const s = this.s;
    const n = s[this.i + 1];
    switch (n) {
      case 'A':
        this.i += 2;
        return { js: '(?:^)', nullable: true };
      case 'z':
        this.i += 2;
        return { js: '(?:$)', nullable: true };
      case 'b':
        this.i += 2;
        return { js: '(?:\\b)', nullable: false };
      case 'B':
        this.i += 2;
        return { js: '(?:\\B)', nullable: true };
      case 'C':
        this.fail('invalid escape sequence', '\\C');
        break;
      case 'Q': {
        const end = s.indexOf('\\E', this.i + 2);
        const lit = end < 0 ? s.slice(this.i + 2) : s.slice(this.i + 2, end);
        this.i = end < 0 ? s.length : end + 2;
        let js = '';
        for (const ch of lit) js += jsChar(ch.codePointAt(0)!);
        return { js: js === '' ? '(?:)' : `(?:${js})`, nullable: lit === '' };
      }
      case 'p':
      case 'P': {
        const cls = this.parseUnicodeClass();
        return { js: cls, nullable: false };
      }
      case 'd':
      case 's':
      case 'w':
        this.i += 2;
        return { js: `[${PERL_CLASS[n]}]`, nullable: false };
      case 'D':
      case 'S':
      case 'W':
        this.i += 2;
        return { js: PERL_NEGATED[n]!, nullable: false };
    }
    return { js: jsChar(this.parseEscape()), nullable: false };
  }

  /** `\pL`, `\p{Greek}`, `\P{^Lu}` at this.i; returns the JS form. */
  private parseUnicodeClass(): string {
    const s = this.s;
    const start = this.i;
    let negated = s[start + 1] === 'P';
    let name: string;
    let seq: string;
    if (s[start + 2] === undefined) {
      // `\p` at the end: Go reports the escape itself.
      this.fail('invalid character class range', s.slice(start));
    }
    if (s[start + 2] !== '{') {
      const cp = s.codePointAt(start + 2)!;
      const len = cp > 0xffff ? 2 : 1;
      seq = s.slice(start, start + 2 + len);
      name = seq.slice(2);
      this.i = start + 2 + len;
    } else {
      const end = s.indexOf('}', start);
      if (end < 0) this.fail('invalid character class range', s.slice(start));
      seq = s.slice(start, end + 1);
      name = s.slice(start + 3, end);
      this.i = end + 1;
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const js = unicodeClass(name);
    if (js === null) this.fail('invalid character class range', seq);
    return `\\${negated ? 'P' : 'p'}{${js}}`;
  }

  /** A single-character escape (`\n`, `\x41`, `\101`, `\.`…) at this.i; returns the code point. */
  private parseEscape(): number {
    const s = this.s;
    const start = this.i;
    let j = start + 1;
    if (j >= s.length) this.fail('trailing backslash at end of expression', '');
    const cp = s.codePointAt(j)!;
    const c = String.fromCodePoint(cp);
    j += c.length;
    const bad = (): never => this.fail('invalid escape sequence', s.slice(start, j));
    if (cp < 0x80 && !isAlnum(c)) {
      this.i = j;
      return cp;
    }
    const isOct = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '7';
    if (c >= '1' && c <= '7' && !isOct(s[j])) bad();
    if (c >= '0' && c <= '7') {
      let r = cp - 48;
      for (let k = 1; k < 3 && isOct(s[j]); k++) r = r * 8 + (s.charCodeAt(j++) - 48);
      this.i = j;
      return r;
    }
    switch (c) {
      case 'x': {
        if (j >= s.length) bad();
        if (s[j] === '{') {
          j++;
          let r = 0;
          let digits = 0;
          for (;;) {
            if (j >= s.length) bad();
            const h = s[j++]!;
            if (h === '}') break;
            const v = unhex(h);
            if (v < 0) bad();
            r = r * 16 + v;
            if (r > 0x10ffff) bad();
            digits++;
          }
          if (digits === 0) bad();
          this.i = j;
          return r;
        }
        const x = unhex(s[j++]!);
        const y = j <= s.length ? unhex(s[j++] ?? '') : -1;
        if (x < 0 || y < 0) {
          j = Math.min(j, s.length);
          bad();
        }
        this.i = j;
        return x * 16 + y;
      }
      case 'a':
        this.i = j;
        return 7;
      case 'f':
        this.i = j;
        return 12;
      case 'n':
        this.i = j;
        return 10;
      case 'r':
        this.i = j;
        return 13;
      case 't':
        this.i = j;
        return 9;
      case 'v':
        this.i = j;
        return 11;
    }
    return bad();
  }

  private parseClass(): Piece {
    const s = this.s;
    const start = this.i;
    const whole = s.slice(start);
    let j = start + 1;
    let js = '';
    let negated = false;
    if (s[j] === '^') {
      negated = true;
      j++;
    }
    let first = true;
    const classChar = (): number => {
      if (j >= s.length) this.fail('missing closing ]', whole);
      if (s[j] === '\\') {
        this.i = j;
        const cp = this.parseEscape();
        j = this.i;
        return cp;
      }
      const cp = s.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      return cp;
    };
    while (j >= s.length || s[j] !== ']' || first) {
      first = false;
      if (j >= s.length) this.fail('missing closing ]', whole);
      // POSIX class [:alpha:]
      if (s[j] === '[' && s[j + 1] === ':') {
        const end = s.indexOf(':]', j + 2);
        if (end >= 0) {
          let name = s.slice(j + 2, end);
          const neg = name.startsWith('^');
          if (neg) name = name.slice(1);
          const body = POSIX[name];
          if (body === undefined) this.fail('invalid character class range', s.slice(j, end + 2));
          if (neg) this.untranslatable = true;
          js += body;
          j = end + 2;
          continue;
        }
      }
      if (s[j] === '\\' && (s[j + 1] === 'p' || s[j + 1] === 'P')) {
        this.i = j;
        js += this.parseUnicodeClass();
        j = this.i;
        continue;
      }
      if (s[j] === '\\' && s[j + 1] !== undefined && 'dswDSW'.includes(s[j + 1]!)) {
        const k = s[j + 1]!;
        js += PERL_CLASS[k] ?? `\\${k}`;
        j += 2;
        continue;
      }
      const rangeStart = j;
      const lo = classChar();
      let hi = lo;
      if (j + 1 < s.length && s[j] === '-' && s[j + 1] !== ']') {
        j++;
        hi = classChar();
        if (hi < lo) this.fail('invalid character class range', s.slice(rangeStart, j));
      }
      js += hi === lo ? jsChar(lo) : `${jsChar(lo)}-${jsChar(hi)}`;
    }
    this.i = j + 1;
    return { js: `[${negated ? '^' : ''}${js}]`, nullable: false };
  }
}
