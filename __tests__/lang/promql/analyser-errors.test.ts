import { describe, it, expect } from 'vitest';
import { analyseQuery } from '../../../src/lang/promql/analyse.js';

type Expected = [from: number, to: number, message: string][];

/** Every error for `query`, as [from, to, message]. */
function errorsOf(query: string, options?: Parameters<typeof analyseQuery>[1]): Expected {
  return analyseQuery(query, options).errors.map((e) => [e.from, e.to, e.message]);
}

function check(cases: [string, Expected][]) {
  for (const [query, expected] of cases) {
    it(JSON.stringify(query), () => {
      expect(errorsOf(query)).toEqual(expected);
    });
  }
}

// Messages are Prometheus 3.14's (promql/parser); where promtool 2.42 words a message differently
// the case says so. Offsets are 0-based UTF-16 offsets into the query.

describe('syntax errors (grammar error nodes, worded like Prometheus)', () => {
  check([
    ['sum(rate(x[5m])', [[15, 15, 'unclosed left parenthesis']]],
    ['x[5m', [[4, 4, 'unclosed left bracket']]],
    ['x + ', [[4, 4, 'unexpected end of input']]],
    ['up == 0 and', [[11, 11, 'unexpected end of input']]],
    ['x{a=~"b"', [[8, 8, 'unexpected end of input inside braces']]],
    ['x{a="b}', [[4, 7, 'unterminated quoted string']]],
    ['"abc', [[0, 4, 'unterminated quoted string']]],
    ['1 +* 2', [[3, 4, 'unexpected <op:*>']]],
    ['foo bar', [[4, 7, 'unexpected identifier "bar"']]],
    ['x $ y', [[2, 3, "unexpected character: '$'"]]],
    ['rate(x[5m]))', [[11, 12, "unexpected right parenthesis ')'"]]],
    ['x{a=b}', [[4, 5, 'unexpected identifier "b" in label matching, expected string']]],
    ['x{a="b" c="d"}', [[8, 9, 'unexpected identifier "c" in label matching, expected "," or "}"']]],
    ['sum by (a (x)', [[10, 11, 'unexpected "(" in grouping opts, expected "," or ")"'], [13, 13, 'unclosed left parenthesis']]],
    ['sum by x (y)', [[7, 8, 'unexpected identifier "x" in grouping opts, expected "("']]],
    ['sum x', [[4, 5, 'unexpected identifier "x"']]],
    ['sum by', [[6, 6, 'unexpected end of input in grouping opts, expected "("']]],
    ['x offset -', [[10, 10, 'unexpected end of input in offset, expected number, duration, step(), or range()']]],
    ['"\\', [[0, 2, 'escape sequence not terminated']]],
    ['x @', [[3, 3, 'unexpected end of input in @, expected timestamp']]],
    // promtool 2.42: "… in offset, expected duration".
    ['x offset', [[8, 8, 'unexpected end of input in offset, expected number, duration, step(), or range()']]],
    ['x[5m:1m:]', [[7, 8, "unexpected colon ':'"]]],
    ['sum(x,)', [[5, 6, 'trailing commas not allowed in function call args']]],
    ['rate(x[5m],)', [[10, 11, 'trailing commas not allowed in function call args']]],
    ['', [[0, 0, 'no expression found in input']]],
    ['  # only a comment', [[0, 0, 'no expression found in input']]],
  ]);

  it('reports an error node at the very end of the text', () => {
    expect(errorsOf('sum(rate(http_requests_total[5m])) by (job) /')).toEqual([[45, 45, 'unexpected end of input']]);
  });

  it('reports every separate error, in the order Prometheus notices them', () => {
    expect(errorsOf('x{a=~"("} + ')).toEqual([
      [2, 8, 'error parsing regexp: missing closing ): `(`'],
      [12, 12, 'unexpected end of input'],
    ]);
  });
});

describe('functions', () => {
  check([
    ['foo(x)', [[0, 3, 'unknown function with name "foo"']]],
    ['holt_winters(x[5m], 0.5, 0.5)', [[0, 12, 'unknown function with name "holt_winters"']]], // removed in Prometheus 3
    ['RATE(x[5m])', [[0, 4, 'unknown function with name "RATE"']]], // function names are case-sensitive
    // Experimental functions are rejected unless enabled (promtool 2.42: unknown function with name "sort_by_label").
    ['sort_by_label(x, "a")', [[0, 13, 'function "sort_by_label" is not enabled']]],
    ['min_of(1, 2)', [[0, 6, 'function "min_of" is not enabled']]],
    ['histogram_quantile(0.9)', [[0, 23, 'expected 2 argument(s) in call to "histogram_quantile", got 1']]],
    ['label_replace(x, "a", "b", "c")', [[0, 31, 'expected 5 argument(s) in call to "label_replace", got 4']]],
    ['label_join(x, "a")', [[0, 18, 'expected at least 3 argument(s) in call to "label_join", got 2']]],
    ['round(x, 1, 2)', [[0, 14, 'expected at most 2 argument(s) in call to "round", got 3']]],
    ['time(1)', [[0, 7, 'expected 0 argument(s) in call to "time", got 1']]],
    ['rate(x)', [[5, 6, 'expected type range vector in call to function "rate", got instant vector']]],
    ['rate(x[5m:])', []],
    ['abs("s")', [[4, 7, 'expected type instant vector in call to function "abs", got string']]],
    ['vector(x)', [[7, 8, 'expected type scalar in call to function "vector", got instant vector']]],
    ['scalar(x[5m])', [[7, 12, 'expected type instant vector in call to function "scalar", got range vector']]],
    ['histogram_quantile(x, y)', [[19, 20, 'expected type scalar in call to function "histogram_quantile", got instant vector']]],
  ]);

  it('still checks the arguments of an unknown function', () => {
    expect(errorsOf('foo(bar(x))')).toEqual([
      [4, 7, 'unknown function with name "bar"'],
      [0, 3, 'unknown function with name "foo"'],
    ]);
    expect(errorsOf('foo(x{a="b" c})')[0]).toEqual([12, 13, 'unexpected identifier "c" in label matching, expected "," or "}"']);
  });

  it('accepts experimental functions and aggregations when enabled', () => {
    const on = { experimentalFunctions: true };
    expect(errorsOf('sort_by_label(x, "a", "b")', on)).toEqual([]);
    expect(errorsOf('limitk(1, x)', on)).toEqual([]);
    expect(errorsOf('mad_over_time(x[5m])', on)).toEqual([]);
    expect(errorsOf('min_of(1, 2) + x', on)).toEqual([]);
    expect(errorsOf('mad_over_time(x)', on)).toEqual([[14, 15, 'expected type range vector in call to function "mad_over_time", got instant vector']]);
  });
});

describe('aggregations', () => {
  check([
    ['topk(x)', [[0, 7, 'wrong number of arguments for aggregate expression provided, expected 2, got 1']]],
    ['count_values(x)', [[0, 15, 'wrong number of arguments for aggregate expression provided, expected 2, got 1']]],
    ['sum()', [[0, 5, 'no arguments for aggregate expression provided']]],
    ['sum(x, y)', [[0, 9, 'wrong number of arguments for aggregate expression provided, expected 1, got 2']]],
    ['topk("a", x)', [[5, 8, 'expected type scalar in aggregation parameter, got string']]],
    ['count_values(1, x)', [[13, 14, 'expected type string in aggregation parameter, got scalar']]],
    ['quantile(x, y)', [[9, 10, 'expected type scalar in aggregation parameter, got instant vector']]],
    ['sum(x[5m])', [[4, 9, 'expected type instant vector in aggregation expression, got range vector']]],
    // promtool 2.42: unknown function with name "limitk".
    ['limitk(1, x)', [[0, 12, 'limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions']]],
  ]);
});

describe('binary operators', () => {
  check([
    ['1 > 2', [[2, 3, 'comparisons between scalars must use BOOL modifier']]],
    ['1 > bool 2', []],
    ['x + bool y', [[2, 8, 'bool modifier can only be used on comparison operators']]],
    ['x and 1', [[0, 7, 'set operator "and" not allowed in binary scalar expression']]],
    ['1 or x', [[0, 6, 'set operator "or" not allowed in binary scalar expression']]],
    ['x and on(a) group_left y', [[0, 24, 'no grouping allowed for "and" operation'], [0, 24, 'set operations must always be many-to-many']]],
    ['x + on(a) group_left(a) y', [[2, 23, 'label "a" must not occur in ON and GROUP clause at once']]],
    ['1 + on(a) x', [[0, 11, 'vector matching only allowed between instant vectors']]],
    ['x[5m] + 1', [[0, 5, 'binary expression must contain only scalar and instant vector types']]],
    ['"a" + 1', [[0, 3, 'binary expression must contain only scalar and instant vector types']]],
    ['-x[5m]', [[0, 6, 'unary expression only allowed on expressions of type scalar or instant vector, got "range vector"']]],
    ['-"a"', [[0, 4, 'unary expression only allowed on expressions of type scalar or instant vector, got "string"']]],
  ]);

  it('binds offset, @ and ranges tighter than operators, as Prometheus does', () => {
    // The lezer grammar alone would read these as `(a - b) offset 1h` and reject them.
    expect(errorsOf('a - b offset 1h')).toEqual([]);
    expect(errorsOf('a / b @ 100')).toEqual([]);
    expect(errorsOf('a or b offset 1h and c')).toEqual([]);
    expect(errorsOf('1 - x[5m]')).toEqual([[4, 9, 'binary expression must contain only scalar and instant vector types']]);
    expect(errorsOf('-x offset 5m')).toEqual([]);
  });
});

describe('selectors, ranges and modifiers', () => {
  check([
    ['{}', [[0, 2, 'vector selector must contain at least one non-empty matcher']]],
    ['{a=""}', [[0, 6, 'vector selector must contain at least one non-empty matcher']]],
    ['{a=~".*"}', [[0, 9, 'vector selector must contain at least one non-empty matcher']]],
    ['{a!~".+"}', [[0, 9, 'vector selector must contain at least one non-empty matcher']]],
    ['{a=~".+"}', []],
    ['{a!=""}', []],
    ['{"up"}', []],
    ['x{__name__="y"}', [[0, 15, 'metric name must not be set twice: "x" or "y"']]],
    ['x[0s]', [[2, 4, 'duration must be greater than 0']]],
    ['x[5m:0s]', [[5, 7, 'duration must be greater than 0']]],
    // promtool 2.42: bad duration syntax: "5".
    ['x[5x]', [[2, 3, 'bad number or duration syntax: "5"']]],
    ['5m1h', [[0, 4, 'not a valid duration string: "5m1h"']]],
    ['x offset 5m offset 1m', [[0, 11, 'offset may not be set multiple times']]],
    ['sum(x) offset 5m', [[0, 6, 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery']]],
    ['x offset 5m [5m]', [[12, 16, 'no offset modifiers allowed before range']]],
    ['x @ 100 [5m]', [[8, 12, 'no @ modifiers allowed before range']]],
    ['x @ 100 @ 200', [[0, 7, '@ <timestamp> may not be set multiple times']]],
    ['sum(x) @ 100', [[0, 6, '@ modifier must be preceded by an instant vector selector or range vector selector or a subquery']]],
    ['x @ Inf', [[0, 1, 'timestamp out of bounds for @ modifier: +Inf']]],
    ['(x)[5m]', [[3, 7, 'ranges only allowed for vector selectors']]],
    ['x[5m][1h:]', [[0, 10, 'subquery is only allowed on instant vector, got matrix instead']]],
    ['x[5m+1m]', [[2, 7, 'experimental duration expression is not enabled']]],
    ['rate(x[1m] anchored)', [[5, 10, 'anchored modifier is experimental and not enabled']]],
    ['x + fill(0) y', [[0, 13, 'binop fill modifiers are experimental and not enabled']]],
    // Prometheus 3 accepts these.
    ['x[300]', []],
    ['x offset 0s', []],
    ['x offset -5m', []],
    ['x[5m] @ start()', []],
    ['x @ 1609746000 offset 5m', []],
  ]);

  it('accepts duration expressions, extended range selectors and fill modifiers when enabled', () => {
    expect(errorsOf('x[5m+1m]', { durationExpressions: true })).toEqual([]);
    expect(errorsOf('rate(x[1m] anchored)', { extendedRangeSelectors: true })).toEqual([]);
    expect(errorsOf('x + fill(0) y', { binopFillModifiers: true })).toEqual([]);
  });
});

describe('label matcher regexes (RE2 rules, not JavaScript)', () => {
  // Prometheus 3 reports the unanchored pattern; promtool 2.42 showed it wrapped in ^(?:…)$.
  check([
    ['x{a=~"("}', [[2, 8, 'error parsing regexp: missing closing ): `(`']]],
    ['x{a=~"a)"}', [[2, 9, 'error parsing regexp: unexpected ): `a)`']]],
    ['x{a=~"a\\\\"}', [[2, 10, 'error parsing regexp: trailing backslash at end of expression: ``']]],
    ['x{a=~"(?=a)"}', [[2, 12, 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`']]],
    ['x{a=~"(?!a)"}', [[2, 12, 'error parsing regexp: invalid or unsupported Perl syntax: `(?!`']]],
    ['x{a=~"(?<!a)b"}', [[2, 14, 'error parsing regexp: invalid named capture: `(?<!a)b`']]],
    ['x{a=~"a**"}', [[2, 10, 'error parsing regexp: invalid nested repetition operator: `**`']]],
    ['x{a=~"a*+"}', [[2, 10, 'error parsing regexp: invalid nested repetition operator: `*+`']]],
    ['x{a=~"[z-a]"}', [[2, 12, 'error parsing regexp: invalid character class range: `z-a`']]],
    ['x{a=~"a{2,1}"}', [[2, 13, 'error parsing regexp: invalid repeat count: `{2,1}`']]],
    ['x{a=~"*a"}', [[2, 9, 'error parsing regexp: missing argument to repetition operator: `*`']]],
    // RE2's limits: nested repeat counts multiply, and nesting stops at 1000 levels.
    ['x{a=~"((a{100}){100}){100}"}', [[2, 27, 'error parsing regexp: invalid repeat count: `{100}`']]],
    [`x{a=~"${'('.repeat(1001)}a${')'.repeat(1001)}"}`, [[2, 2010, `error parsing regexp: expression nests too deeply: \`${'('.repeat(1001)}a${')'.repeat(1001)}\``]]],
    ['x{a=~"(?P<n>a)(?P<n>b)"}', []],
    ['x{a=~"[[:foo:]]"}', [[2, 16, 'error parsing regexp: invalid character class range: `[:foo:]`']]],
    ['x{a=~"[a"}', [[2, 9, 'error parsing regexp: missing closing ]: `[a`']]],
    // Back-references and \k are JS features; in a PromQL string the escape itself is checked first.
    ['x{a=~"(a)\\\\1"}', [[2, 13, 'error parsing regexp: invalid escape sequence: `\\1`']]],
    ['x{a=~`\\k<n>`}', [[2, 12, 'error parsing regexp: invalid escape sequence: `\\k`']]],
    ['x{a=~"\\\\p{Foo}"}', [[2, 15, 'error parsing regexp: invalid character class range: `\\p{Foo}`']]],
    ['x{a=~"\\\\p{Latn}"}', [[2, 16, 'error parsing regexp: invalid character class range: `\\p{Latn}`']]],
    ['x{a=~"\\\\p{Greek}|\\\\p{Thai}|\\\\PN|\\\\p{^Lu}"}', []],
    ['x{a=~"a{,5}|(?i)b|\\\\d+|[[:alpha:]]|\\\\pL|(?P<n>x)|^$"}', []],
  ]);
});

describe('string literals', () => {
  check([
    ['x{a="\\d"}', [[4, 8, "unknown escape sequence U+0064 'd'"]]],
    ['x{a=~"\\1"}', [[5, 9, `illegal character U+0022 '"' in escape sequence`]]],
    ["x{a='\\x4'}", [[4, 9, "illegal character U+0027 ''' in escape sequence"]]],
    ['x{a="\\x41\\u00e9\\101\\n\\\\"}', []],
    ['x{a=`\\d`}', []],
  ]);
});

describe('robustness', () => {
  it('never throws and keeps offsets inside the text', () => {
    const samples = ['((((', ')))', '{{{', '[[[', 'sum by', 'x offset -', '"\\', '`', '@@', '#', 'x[', 'a{b=~"\\', 'topk(,)', 'x[1h:5m:1m]', '"\\', 'sum by', 'x offset -'];
    for (const q of samples) {
      const r = analyseQuery(q);
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.from).toBeGreaterThanOrEqual(0);
        expect(e.to).toBeGreaterThanOrEqual(e.from);
        expect(e.to).toBeLessThanOrEqual(q.length);
        expect(e.message).not.toMatch(/internal error/);
      }
    }
  });

  it('shares one frozen analysis between repeated queries, so no caller can change what another sees', () => {
    const a = analyseQuery('rate(x[5m]) > 1');
    expect(() => a.facts.selectors[0]!.functions.push('mutated')).toThrow(TypeError);
    expect(() => a.errors.push({ from: 0, to: 0, message: 'mutated' })).toThrow(TypeError);
    const b = analyseQuery('rate(x[5m]) > 1');
    expect(b).toBe(a);
    expect(b.facts.selectors[0]!.functions).toEqual(['rate']);
    expect(b.errors).toEqual([]);
  });
});
