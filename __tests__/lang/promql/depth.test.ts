import { describe, expect, it } from 'vitest';
import { analyseQuery } from '../../../src/lang/promql/analyse.js';
import { collapseDeepRuns, TOO_DEEP_MESSAGE } from '../../../src/lang/promql/depth.js';

// Prometheus' parser has no depth limit; these are valid there (promtool accepts them; the
// differential suite checks smaller ones against promtool itself).
const terms = (n: number, op: string, term: (i: number) => string) => Array.from({ length: n }, (_, i) => term(i)).join(op);

describe('deep PromQL: accepted as Prometheus accepts it', () => {
  it('10k parentheses', () => {
    const { errors, facts } = analyseQuery(`${'('.repeat(10_000)}up${')'.repeat(10_000)}`);
    expect(errors).toEqual([]);
    expect(facts.selectors.map((s) => s.metric)).toEqual(['up']);
  });

  it('50k unary minus, with the sign folded into the number as Prometheus does', () => {
    expect(analyseQuery(`${'-'.repeat(50_000)}up`).errors).toEqual([]);
    expect(analyseQuery(`${'-'.repeat(50_001)}1 > bool 0`).facts.numbers).toEqual([-1, 0]);
    expect(analyseQuery(`${'- '.repeat(50_000)}1 > bool 0`).facts.numbers).toEqual([1, 0]);
  });

  it('a 100k-term chain, every operand seen', () => {
    const { errors, facts } = analyseQuery(terms(100_000, ' + ', (i) => `m${i}`));
    expect(errors).toEqual([]);
    expect(facts.selectors).toHaveLength(100_000);
    expect(facts.selectors.at(-1)!.metric).toBe('m99999');
  }, 60_000);

  it('long chains keep modifiers, vector matching and comparisons', () => {
    const or = analyseQuery(terms(3_000, ' or ', (i) => `rate(m${i}{job="a"}[5m] offset 1m)`));
    expect(or.errors).toEqual([]);
    expect(or.facts.selectors.every((s) => s.rangeSeconds === 300 && s.functions[0] === 'rate')).toBe(true);
    const cmp = analyseQuery(terms(3_000, ' > bool on(job) group_left(x) ', (i) => `sum by (job) (m${i})`));
    expect(cmp.errors).toEqual([]);
    expect(cmp.facts.comparisons).toHaveLength(2_999);
  });

  it('still finds the error inside a long chain, at its place', () => {
    const text = terms(3_000, ' + ', (i) => (i === 2_000 ? `m${i}[5m]` : `m${i}`));
    const [error, ...rest] = analyseQuery(text).errors;
    expect(rest).toEqual([]);
    expect(text.slice(error!.from, error!.to)).toBe('m2000[5m]');
    expect(error!.message).toBe('binary expression must contain only scalar and instant vector types');
  });

  it('collapsing redundant parentheses and signs changes no fact', () => {
    const deep = analyseQuery(`sum(${'('.repeat(12)}rate(x[5m])${')'.repeat(12)}) / ${'('.repeat(12)}1 - 0.999${')'.repeat(12)}`);
    const shallow = analyseQuery(`sum((rate(x[5m]))) / (1 - 0.999)`);
    expect(deep.errors).toEqual([]);
    expect(deep.facts.budgets).toEqual(shallow.facts.budgets);
    expect(deep.facts.selectors.map(({ from, to, ...s }) => s)).toEqual(shallow.facts.selectors.map(({ from, to, ...s }) => s));
    expect(analyseQuery(`${'('.repeat(12)}x[5m]${')'.repeat(12)} offset 1m`).errors.map((e) => e.message)).toEqual(
      analyseQuery('((x[5m])) offset 1m').errors.map((e) => e.message),
    );
  });
});

describe('collapsing runs: from eight on, as written below that', () => {
  it('a run of exactly eight parentheses or signs is collapsed, seven are left', () => {
    expect(collapseDeepRuns(`${'('.repeat(8)}up${')'.repeat(8)}`)).toBe(`(${' '.repeat(7)}up${' '.repeat(7)})`);
    expect(collapseDeepRuns(`${'('.repeat(7)}up${')'.repeat(7)}`)).toBe(`${'('.repeat(7)}up${')'.repeat(7)}`);
    // Queries shorter than two runs are never collapsed: the metric name makes them long enough.
    expect(collapseDeepRuns(`${'-'.repeat(8)}up_total`)).toBe(`+${' '.repeat(7)}up_total`);
    expect(collapseDeepRuns(`${'-'.repeat(9)}up_total`)).toBe(`-${' '.repeat(8)}up_total`);
    expect(collapseDeepRuns(`${'-'.repeat(7)}up_total_`)).toBe(`${'-'.repeat(7)}up_total_`);
    expect(collapseDeepRuns(`${'+-'.repeat(4)}up_total`)).toBe(`+${' '.repeat(7)}up_total`);
  });

  it('eight signs spread over a query are no run', () => {
    const query = 'a - b - c - d - e - f - g - h - i + j';
    expect(collapseDeepRuns(query)).toBe(query);
  });
});

describe('deep PromQL past what slo-gate parses: one clear error where it gets too deep', () => {
  it('3k nested calls', () => {
    const text = `${'abs('.repeat(3_000)}up${')'.repeat(3_000)}`;
    const errors = analyseQuery(text).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe(TOO_DEEP_MESSAGE);
    expect(errors[0]!.from).toBeGreaterThan(1_000); // where the nesting gets too deep, not at the start
    expect(errors[0]!.from).toBeLessThan(text.length);
  });

  it('a 5k-term ^ chain (right-associative, so nested)', () => {
    expect(analyseQuery(terms(5_000, ' ^ ', () => 'x')).errors.map((e) => e.message)).toEqual([TOO_DEEP_MESSAGE]);
  });
});
