import { describe, it, expect } from 'vitest';
import { analyseRegex, matcherRegExp } from '../../../src/lang/promql/regex.js';

describe('analyseRegex: RE2 syntax as Go reports it', () => {
  const invalid: [string, string][] = [
    ['(', 'missing closing ): `(`'],
    ['a)', 'unexpected ): `a)`'],
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?!a)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
    ['(?P=n)', 'invalid or unsupported Perl syntax: `(?P`'],
    ['(?i', 'invalid or unsupported Perl syntax: `(?i`'],
    ['(?-)', 'invalid or unsupported Perl syntax: `(?-)`'],
    ['(?P<a-b>x)', 'invalid named capture: `(?P<a-b>`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['\\k<a>', 'invalid escape sequence: `\\k`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['\\8', 'invalid escape sequence: `\\8`'],
    ['\\xZZ', 'invalid escape sequence: `\\xZZ`'],
    ['\\x{zz}', 'invalid escape sequence: `\\x{z`'],
    ['a\\', 'trailing backslash at end of expression: ``'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['a++', 'invalid nested repetition operator: `++`'],
    ['a{2}{3}', 'invalid nested repetition operator: `{2}{3}`'],
    ['*a', 'missing argument to repetition operator: `*`'],
    ['a|+', 'missing argument to repetition operator: `+`'],
    ['{2}', 'missing argument to repetition operator: `{2}`'],
    ['a{2,1}', 'invalid repeat count: `{2,1}`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['[a', 'missing closing ]: `[a`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['[[:nope:]]', 'invalid character class range: `[:nope:]`'],
    ['[\\b]', 'invalid escape sequence: `\\b`'],
    ['\\p{Nope}', 'invalid character class range: `\\p{Nope}`'],
  ];
  for (const [pattern, message] of invalid) {
    it(`rejects ${pattern}`, () => {
      expect(analyseRegex(pattern).error).toBe(`error parsing regexp: ${message}`);
    });
  }

  const valid = ['', '.*', 'a|b|', '5..', '(?i)abc', '(?i:a)b', '(?s).', '(?:a)+?', 'a*?b??c+?', 'a{,5}', 'x{', '\\{\\}', '[]a]', '[^]a]', '[a-]', '[-a]',
    '[[:alpha:][:^digit:]]', '\\d\\D\\s\\S\\w\\W', '\\pL\\p{Greek}\\P{Lu}\\p{^N}', '\\Qa.b*\\E', '\\x41\\x{263a}\\101\\0', '\\.\\-\\ \\/', '^$\\A\\z\\b\\B', '(?P<name>a)(?<other>b)', '^*', 'a{0}', 'a{2,}', '\\a\\f\\t\\n\\r\\v'];
  for (const pattern of valid) {
    it(`accepts ${JSON.stringify(pattern)}`, () => {
      expect(analyseRegex(pattern).error).toBeUndefined();
    });
  }
});

describe('analyseRegex: does the anchored pattern match ""', () => {
  const cases: [string, boolean][] = [
    ['', true],
    ['.*', true],
    ['.+', false],
    ['a?', true],
    ['a|', true],
    ['(a|b)*', true],
    ['a{0,3}', true],
    ['a{1,3}', false],
    ['^$', true],
    ['\\b', false],
    ['\\B', true],
    ['[a-z]*', true],
    ['\\Q\\E', true],
    ['(?i)', true],
    ['5..', false],
    ['(?:.*)(?:x)?', true],
  ];
  for (const [pattern, empty] of cases) {
    it(`${JSON.stringify(pattern)} → ${empty}`, () => {
      expect(analyseRegex(pattern).matchesEmpty).toBe(empty);
    });
  }
});

describe('matcherRegExp: a JS RegExp with Prometheus semantics (fully anchored, dot matches newline)', () => {
  it('matches like Prometheus', () => {
    const re = matcherRegExp('5..')!;
    expect(re.test('500')).toBe(true);
    expect(re.test('5000')).toBe(false);
    expect(re.test('x500')).toBe(false);
    expect(matcherRegExp('a.b')!.test('a\nb')).toBe(true);
    expect(matcherRegExp('(?i)get|post')!.test('POST')).toBe(true);
    expect(matcherRegExp('[[:upper:]]+')!.test('ABC')).toBe(true);
    expect(matcherRegExp('\\Qa.b\\E')!.test('axb')).toBe(false);
    expect(matcherRegExp('\\p{Greek}+')!.test('αβγ')).toBe(true);
    expect(matcherRegExp('^*x$*')!.test('x')).toBe(true);
  });

  it('is undefined for invalid patterns and for flags JS cannot scope', () => {
    expect(matcherRegExp('(?=a)')).toBeUndefined();
    expect(matcherRegExp('a(?i)b')).toBeUndefined();
  });

  it('caches by pattern', () => {
    expect(matcherRegExp('abc')).toBe(matcherRegExp('abc'));
    expect(analyseRegex('abc')).toBe(analyseRegex('abc'));
  });
});
