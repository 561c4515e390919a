import { describe, it, expect } from 'vitest';
import { analyseRegex } from '../../../src/lang/promql/regex.js';

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

describe("analyseRegex: RE2's limits, with Go's messages", () => {
  it('rejects a repeat count over 1000, also when nested repeats multiply past it', () => {
    expect(analyseRegex('a{1001}').error).toBe('error parsing regexp: invalid repeat count: `{1001}`');
    expect(analyseRegex('a{1000}').error).toBeUndefined();
    // Go checks the product of nested repeat counts: 100 × 100 × 100 > 1000.
    expect(analyseRegex('((a{100}){100}){100}').error).toBe('error parsing regexp: invalid repeat count: `{100}`');
    expect(analyseRegex('(a{10}){100}').error).toBeUndefined();
  });

  it('rejects nesting deeper than 1000, quoting the pattern as Go does', () => {
    const deep = `${'('.repeat(1001)}a${')'.repeat(1001)}`;
    expect(analyseRegex(deep).error).toBe(`error parsing regexp: expression nests too deeply: \`${deep}\``);
    const alternation = `${'(a|'.repeat(1001)}b${')'.repeat(1001)}`;
    expect(analyseRegex(alternation).error).toBe(`error parsing regexp: expression nests too deeply: \`${alternation}\``);
    expect(analyseRegex(`${'('.repeat(998)}a${')'.repeat(998)}`).error).toBeUndefined();
    // 999 groups parse, but the anchored pattern Prometheus compiles nests one level deeper.
    const edge = `${'('.repeat(999)}a${')'.repeat(999)}`;
    expect(analyseRegex(edge).error).toBe(`error parsing regexp: expression nests too deeply: \`^(?s:${edge})$\``);
  });

  it("accepts a large program within Go's limit, though re2js' own is lower", () => {
    // 1.5M instructions: over re2js' 1.4M, under Go's 3.3M; promtool accepts it.
    expect(analyseRegex('a{1000}'.repeat(1500)).error).toBeUndefined();
  });

  it('accepts two groups with the same name, as Go does, and still checks the rest', () => {
    expect(analyseRegex('(?P<n>a)(?P<n>b)').error).toBeUndefined();
    expect(analyseRegex('(?P<n>a)|(?<n>)').matchesEmpty).toBe(true);
    expect(analyseRegex('(?P<n>a)(?P<n>b)[z-a]').error).toBe('error parsing regexp: invalid character class range: `z-a`');
    expect(analyseRegex('(?P<n>a)(?P<n>b').error).toBe('error parsing regexp: missing closing ): `(?P<n>a)(?P<n>b`');
  });

  it('caches by pattern', () => {
    expect(analyseRegex('abc')).toBe(analyseRegex('abc'));
  });
});
