import { describe, it, expect } from 'vitest';
import { analyseQuery } from '../../../src/lang/promql/analyse.js';

const facts = (q: string) => {
  const r = analyseQuery(q);
  expect(r.errors).toEqual([]);
  return r.facts;
};

describe('multi-window burn-rate alert', () => {
  const q = '(sum(rate(http_requests_total{status=~"5.."}[1h])) / sum(rate(http_requests_total[1h]))) / (1 - 0.999) > 14.4';
  const f = facts(q);

  it('finds the budget, the comparison and its scale', () => {
    expect(f.budgets).toEqual([0.001]);
    expect(f.comparisons).toEqual([{ op: '>', bool: false, threshold: 14.4, thresholdSide: 'right', scale: 0.001, scaleOp: '/', from: 0, to: q.length }]);
  });

  it('finds both selectors with their range, functions and aggregations', () => {
    expect(f.selectors).toEqual([
      { metric: 'http_requests_total', matchers: [{ label: 'status', op: '=~', value: '5..' }], rangeSeconds: 3600, functions: ['rate'], aggregations: ['sum'], from: 10, to: 44 },
      { metric: 'http_requests_total', matchers: [], rangeSeconds: 3600, functions: ['rate'], aggregations: ['sum'], from: 62, to: 81 },
    ]);
  });

  it('lists aggregations, functions and numbers in source order', () => {
    expect(f.aggregations).toEqual([
      { op: 'sum', from: 1, to: 50 },
      { op: 'sum', from: 53, to: 87 },
    ]);
    expect(f.functions).toEqual(['rate', 'rate']);
    expect(f.numbers).toEqual([1, 0.999, 14.4]);
    expect(f.histogramQuantiles).toEqual([]);
  });
});

describe('latency alerts', () => {
  it('histogram_quantile(…) * 1000 > 50: threshold 50 at scale 1000, le kept', () => {
    const q = 'histogram_quantile(0.95, rate(x_bucket[5m])) * 1000 > 50';
    const f = facts(q);
    expect(f.comparisons).toEqual([{ op: '>', bool: false, threshold: 50, thresholdSide: 'right', scale: 1000, scaleOp: '*', from: 0, to: q.length }]);
    expect(f.histogramQuantiles).toEqual([{ quantile: 0.95, keepsLe: true, from: 0, to: 44 }]);
    expect(f.selectors[0]).toMatchObject({ metric: 'x_bucket', rangeSeconds: 300, functions: ['rate', 'histogram_quantile'], aggregations: [] });
  });

  it('keepsLe is false when the aggregation drops le', () => {
    expect(facts('histogram_quantile(0.9, sum(rate(x_bucket[5m])) by (job))').histogramQuantiles[0]).toMatchObject({ quantile: 0.9, keepsLe: false });
    expect(facts('histogram_quantile(0.9, sum(rate(x_bucket[5m])))').histogramQuantiles[0]!.keepsLe).toBe(false);
    expect(facts('histogram_quantile(0.9, sum without (le) (rate(x_bucket[5m])))').histogramQuantiles[0]!.keepsLe).toBe(false);
    // An inner aggregation that drops le loses it for good.
    expect(facts('histogram_quantile(0.9, sum by (le) (sum by (job) (rate(x_bucket[5m]))))').histogramQuantiles[0]!.keepsLe).toBe(false);
  });

  it('keepsLe is true when le survives', () => {
    expect(facts('histogram_quantile(0.9, sum by (job, le) (rate(x_bucket[5m])))').histogramQuantiles[0]!.keepsLe).toBe(true);
    expect(facts('histogram_quantile(0.9, sum(rate(x_bucket[5m])) by (le))').histogramQuantiles[0]!.keepsLe).toBe(true);
    expect(facts('histogram_quantile(0.9, sum without (instance) (rate(x_bucket[5m])))').histogramQuantiles[0]!.keepsLe).toBe(true);
    expect(facts('histogram_quantile(0.99, (sum by (le) (rate(a_bucket[5m])) / 2))').histogramQuantiles[0]!.keepsLe).toBe(true);
  });

  it('the quantile is folded when written as an expression, and absent when not constant', () => {
    expect(facts('histogram_quantile(1 - 0.01, rate(x_bucket[5m]))').histogramQuantiles[0]!.quantile).toBe(0.99);
    expect(facts('histogram_quantile(scalar(q), rate(x_bucket[5m]))').histogramQuantiles[0]!.quantile).toBeUndefined();
  });
});

describe('comparisons', () => {
  it('threshold on the left', () => {
    expect(facts('5 < x').comparisons[0]).toMatchObject({ op: '<', threshold: 5, thresholdSide: 'left' });
  });

  it('folds constants: 14.4 * (1 - 0.999) is 0.0144', () => {
    const f = facts('x > 14.4 * (1 - 0.999)');
    expect(f.comparisons[0]).toMatchObject({ threshold: 0.0144, thresholdSide: 'right' });
    expect(f.budgets).toEqual([0.001]);
  });

  it('folds floating-point noise away (Sloth writes 0.0009999999999999432)', () => {
    expect(facts('x > (14.4 * 0.0009999999999999432)').comparisons[0]!.threshold).toBe(0.0144);
    expect(facts('vector(1-0.9990000000000001)').budgets).toEqual([0.001]);
  });

  it('bool, negative thresholds, no constant side', () => {
    expect(facts('x == bool 0').comparisons[0]).toMatchObject({ op: '==', bool: true, threshold: 0 });
    expect(facts('x > -1').comparisons[0]!.threshold).toBe(-1);
    const f = facts('a > b');
    expect(f.comparisons[0]!.threshold).toBeUndefined();
    expect(f.comparisons[0]!.thresholdSide).toBeUndefined();
  });

  it('scale from `N * expr` and from parenthesised products', () => {
    expect(facts('100 * (1 - up) > 5').comparisons[0]).toMatchObject({ scale: 100, scaleOp: '*' });
    expect(facts('(rate(x[5m]) * 1000) > 50').comparisons[0]).toMatchObject({ scale: 1000, scaleOp: '*' });
    expect(facts('rate(x[5m]) / 1000 > 50').comparisons[0]).toMatchObject({ scale: 1000, scaleOp: '/' });
  });

  it('several comparisons, in source order', () => {
    const f = facts('sum(x > 1) > 5 and y < 2');
    expect(f.comparisons.map((c) => [c.op, c.threshold])).toEqual([['>', 5], ['>', 1], ['<', 2]]);
  });
});

describe('budgets', () => {
  it('a literal divisor after a ratio', () => {
    expect(facts('(sum(rate(errors[5m])) / sum(rate(total[5m]))) / 0.001 > 14.4').budgets).toEqual([0.001]);
    expect(facts('slo:sli_error:ratio_rate1h / 0.001 > 14.4').budgets).toEqual([0.001]);
  });

  it('not for other divisions', () => {
    expect(facts('rate(x[5m]) / 0.5').budgets).toEqual([]);
    expect(facts('x / 1000').budgets).toEqual([]);
  });

  it('each (1 - objective) once, in source order', () => {
    const f = facts('100 * ((1 - 0.999) - (sum(rate(e[30d])) / sum(rate(t[30d])))) / (1 - 0.995) < 10');
    expect(f.budgets).toEqual([0.001, 0.005]);
  });
});

describe('selectors', () => {
  it('metric from __name__, matchers as written', () => {
    const f = facts('{__name__="up", job!~"a|b"}');
    expect(f.selectors[0]).toMatchObject({ metric: 'up', matchers: [{ label: '__name__', op: '=', value: 'up' }, { label: 'job', op: '!~', value: 'a|b' }] });
  });

  it('metric from a quoted name (UTF-8 names, Prometheus 3)', () => {
    expect(facts('{"http.server.duration", "service.name"="api"}').selectors[0]).toMatchObject({
      metric: 'http.server.duration',
      matchers: [{ label: 'service.name', op: '=', value: 'api' }],
    });
  });

  it('no metric when the name is a regex', () => {
    expect(facts('{__name__=~"up|down"}').selectors[0]!.metric).toBeUndefined();
  });

  it('unquotes matcher values', () => {
    expect(facts('x{path="a\\"b", re=~`\\d+`}').selectors[0]!.matchers.map((m) => m.value)).toEqual(['a"b', '\\d+']);
  });

  it('functions and aggregations innermost first', () => {
    const f = facts('max(sum by (job) (max_over_time(rate(x[5m])[1h:1m]))) > 0');
    expect(f.selectors[0]).toMatchObject({ rangeSeconds: 300, functions: ['rate', 'max_over_time'], aggregations: ['sum', 'max'] });
  });

  it('an instant selector under a subquery takes the subquery range', () => {
    expect(facts('avg_over_time((up == 0)[30d:5m])').selectors[0]!.rangeSeconds).toBe(2592000);
    expect(facts('up').selectors[0]!.rangeSeconds).toBeUndefined();
  });

  it('keeps the range through offset and @, and reads ranges in seconds', () => {
    expect(facts('rate(x[5m] offset 1h)').selectors[0]!.rangeSeconds).toBe(300);
    expect(facts('rate(x[1h30m] @ end())').selectors[0]!.rangeSeconds).toBe(5400);
    expect(facts('rate(x[90])').selectors[0]!.rangeSeconds).toBe(90);
  });

  it('sees a selector whose offset follows an operator (a - b offset 1h)', () => {
    const f = facts('x - x offset 1d > 100');
    expect(f.selectors.map((s) => [s.metric, s.from, s.to])).toEqual([['x', 0, 1], ['x', 4, 5]]);
    expect(f.comparisons[0]).toMatchObject({ threshold: 100 });
  });
});

describe('aggregations, functions and numbers', () => {
  it('by / without labels, lower-cased operators', () => {
    expect(facts('SUM BY (a, b) (x)').aggregations).toEqual([{ op: 'sum', by: ['a', 'b'], from: 0, to: 17 }]);
    expect(facts('topk without (c) (3, x)').aggregations).toEqual([{ op: 'topk', without: ['c'], from: 0, to: 23 }]);
  });

  it('functions in source order, including repeats and nesting', () => {
    expect(facts('abs(rate(x[5m])) + abs(delta(y[5m]))').functions).toEqual(['abs', 'rate', 'abs', 'delta']);
  });

  it('numbers after unary minus, durations as seconds, hex', () => {
    expect(facts('x > -5 or y < 1h or z == 0x10 or w > 1e3').numbers).toEqual([-5, 3600, 16, 1000]);
  });
});
