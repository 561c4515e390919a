// Label-matcher regular expressions, checked the way Prometheus checks them: Go's RE2 syntax
// (regexp/syntax with Perl flags and `.` matching newlines), fully anchored.
//
// JavaScript's RegExp accepts things RE2 rejects (look-arounds, back-references, possessive
// `a*+`…) and rejects some things RE2 accepts, so patterns go through re2js, a port of RE2 that
// words its errors as Go does (`error parsing regexp: invalid or unsupported Perl syntax: \`(?=\``)
// and enforces RE2's limits on repeat counts and nesting. Results are cached by pattern in a
// bounded Map.

import { RE2JS } from 're2js';

export interface RegexInfo {
  /** Go's message, e.g. "error parsing regexp: missing closing ): `(a`"; undefined when valid. */
  error?: string;
  /** Whether `^(?s:pattern)$` matches "" (meaningless when error is set). */
  matchesEmpty: boolean;
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, RegexInfo>();

/** Checks a matcher regex (the unquoted value of `=~` / `!~`). Cached by pattern. */
export function analyseRegex(pattern: string): RegexInfo {
  let info = cache.get(pattern);
  if (info === undefined) {
    info = check(pattern);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(pattern, info);
  }
  return info;
}

const PREFIX = 'error parsing regexp: ';
const NAMED_GROUP = /\(\?P?<(\w+)>/g;
/** RE2 allows 1000 levels of nesting; a pattern needs about as many characters to reach it. */
const MIN_DEEP_LENGTH = 999;
const NAME_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';

function check(pattern: string): RegexInfo {
  const info = checkSyntax(pattern);
  // Prometheus then compiles the anchored `^(?s:…)$`, one level deeper: a pattern at RE2's
  // nesting limit parses alone and fails there (a shorter one cannot be deep enough to).
  if (info.error || pattern.length < MIN_DEEP_LENGTH) return info;
  const anchored = compile(`^(?s:${pattern})$`);
  return anchored.error ? anchored : info;
}

function checkSyntax(pattern: string): RegexInfo {
  const first = compile(pattern);
  if (!first.error?.startsWith(`${PREFIX}duplicate capture group name: `)) return first;
  // Go's regexp/syntax allows two groups with the same name (RE2 and re2js do not): give the
  // repeats fresh names of the same length, so that offsets and the rest of the check stay.
  const unique = renameDuplicateGroups(pattern);
  const again = unique === undefined ? undefined : compile(unique);
  if (!again) return { matchesEmpty: false };
  return again.error ? { ...again, error: restoreQuoted(again.error, unique!, pattern) } : again;
}

function compile(pattern: string): RegexInfo {
  try {
    // `matches` is a whole-input match: the anchored pattern, as Prometheus compiles it. Without
    // the DOTALL flag, which re2js applies by prefixing `(?s)` to the text its errors quote; it
    // changes neither what parses nor whether "" matches.
    return { matchesEmpty: RE2JS.compile(pattern).matches('') };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // re2js caps a program at 1.4M instructions, Go at 3.3M (128 MiB / 40-byte Inst): past re2js'
    // cap the pattern cannot be judged here, and a false error is worse than an unchecked matcher.
    if (message === `${PREFIX}expression too large`) return { matchesEmpty: false };
    return { error: goWording(message, pattern), matchesEmpty: false };
  }
}

/** re2js words errors as Go does, except where noted here. */
function goWording(message: string, pattern: string): string {
  // Go quotes an empty argument as ``, and the whole pattern with its nesting error; re2js leaves both out.
  if (message === `${PREFIX}trailing backslash at end of expression`) return `${message}: \`\``;
  if (message === `${PREFIX}expression nests too deeply`) return `${message}: \`${pattern}\``;
  return message;
}

/** `pattern` with every repeated group name replaced by an unused one of the same length; undefined when there is none. */
function renameDuplicateGroups(pattern: string): string | undefined {
  const names = new Set<string>();
  for (const m of pattern.matchAll(NAMED_GROUP)) names.add(m[1]!);
  const seen = new Set<string>();
  let counter = 0;
  let failed = false;
  const out = pattern.replace(NAMED_GROUP, (whole, name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      return whole;
    }
    let fresh: string | undefined;
    while (fresh === undefined || names.has(fresh)) {
      fresh = spell(counter++, name.length);
      if (fresh === undefined) {
        failed = true;
        return whole;
      }
    }
    names.add(fresh);
    return whole.slice(0, whole.length - name.length - 1) + fresh + '>';
  });
  return failed ? undefined : out;
}

/** The n-th name of `length` word characters, or undefined past the last one. */
function spell(n: number, length: number): string | undefined {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = NAME_CHARS[n % NAME_CHARS.length] + out;
    n = Math.floor(n / NAME_CHARS.length);
  }
  return n === 0 ? out : undefined;
}

/** An error about the renamed pattern, quoting the text as the user wrote it. */
function restoreQuoted(message: string, renamed: string, original: string): string {
  const m = /^(.*?: `)([\s\S]*)`$/.exec(message);
  if (!m) return message;
  const at = renamed.indexOf(m[2]!);
  return at < 0 ? message : `${m[1]}${original.slice(at, at + m[2]!.length)}\``;
}
