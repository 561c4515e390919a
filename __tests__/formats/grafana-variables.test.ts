import { describe, it, expect } from 'vitest';
import { substituteGrafanaVariables, type GrafanaVariable } from '../../src/formats/grafana/variables.js';
import { analyseQuery } from '../../src/lang/promql/analyse.js';
import { originalOffset } from '../../src/model/placement.js';

const vars: GrafanaVariable[] = [
  { name: 'job', current: 'api' },
  { name: 'instance', current: '$__all' },
  { name: 'label', current: 'pod' },
  { name: 'q', current: '0.95' },
  { name: 'k' },
  { name: 'metric', current: 'http_requests_total' },
  { name: 'interval', current: '2m', type: 'interval' },
  { name: 'shift', current: '1d' },
  { name: 'ns', current: 'a|b' },
  { name: 'quoted', current: 'it"s' },
];

const sub = (q: string) => substituteGrafanaVariables(q, vars).text;

describe('substituteGrafanaVariables: values that keep the query parseable', () => {
  it('leaves queries without variables untouched', () => {
    const s = substituteGrafanaVariables('rate(x[5m])', vars);
    expect(s.text).toBe('rate(x[5m])');
    expect(originalOffset(s.edits, 7)).toBe(7);
  });

  it('durations inside [...] and after offset', () => {
    expect(sub('rate(x[$__rate_interval])')).toBe('rate(x[5m])');
    expect(sub('rate(x[$__interval])')).toBe('rate(x[1m])');
    expect(sub('increase(x[$__range])')).toBe('increase(x[1h])');
    expect(sub('rate(x[$__auto])')).toBe('rate(x[1m])');
    expect(sub('rate(x[$interval])')).toBe('rate(x[2m])');
    expect(sub('rate(x[${interval}])')).toBe('rate(x[2m])');
    expect(sub('rate(x[[[interval]]])')).toBe('rate(x[2m])');
    expect(sub('max_over_time(x[$interval:$__interval])')).toBe('max_over_time(x[2m:1m])');
    expect(sub('x offset $shift')).toBe('x offset 1d');
    expect(sub('x offset -$shift')).toBe('x offset -1d');
    expect(sub('rate(x[$job])')).toBe('rate(x[5m])'); // a value that is not a duration
  });

  it('numbers for _s / _ms globals, timestamps and numeric parameters', () => {
    expect(sub('increase(x[1h]) / $__range_s')).toBe('increase(x[1h]) / 3600');
    expect(sub('x * $__interval_ms')).toBe('x * 60000');
    expect(sub('x * $__rate_interval_ms')).toBe('x * 300000');
    expect(sub('x @ ${__to:date:seconds}')).toBe('x @ 1700003600');
    expect(sub('histogram_quantile($q, sum by (le) (rate(x_bucket[5m])))')).toBe('histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))');
    expect(sub('topk($k, x)')).toBe('topk(1, x)'); // no current value
    expect(sub('clamp_max(x, $k)')).toBe('clamp_max(x, 1)');
  });

  it('label names in by / without / on / ignoring', () => {
    expect(sub('sum by ($label) (x)')).toBe('sum by (pod) (x)');
    expect(sub('sum without (${label:csv}) (x)')).toBe('sum without (pod) (x)');
    expect(sub('a and on ($label, job) b')).toBe('a and on (pod, job) b');
    expect(sub('a * ignoring($k) b')).toBe('a * ignoring(k) b');
  });

  it('string-safe values inside quotes', () => {
    expect(sub('x{job="$job"}')).toBe('x{job="api"}');
    expect(sub('x{ns=~"$ns"}')).toBe('x{ns=~"a|b"}');
    expect(sub('x{instance=~"$instance"}')).toBe('x{instance=~"instance"}'); // "All": a neutral, non-empty value
    expect(sub('x{a="$quoted"}')).toBe('x{a="quoted"}'); // the current value would break the string
    expect(sub('x{a=~"$k.*"}')).toBe('x{a=~"k.*"}');
  });

  it('identifiers in metric names', () => {
    expect(sub('$metric{job="a"}')).toBe('http_requests_total{job="a"}');
    expect(sub('rate(node_${label}_total[5m])')).toBe('rate(node_pod_total[5m])');
    expect(sub('${metric}')).toBe('http_requests_total');
  });

  it('leaves references Grafana would leave alone', () => {
    expect(sub('label_replace(x, "dst", "$1", "src", "(.*)")')).toBe('label_replace(x, "dst", "$1", "src", "(.*)")');
    expect(sub('x > $undefined')).toBe('x > $undefined');
  });

  it('substituted dashboard queries analyse cleanly', () => {
    for (const q of [
      'sum(rate(http_requests_total{job="$job", instance=~"$instance"}[$__rate_interval])) by ($label)',
      'histogram_quantile($q, sum by (le) (rate(x_bucket{job=~"$job"}[$__rate_interval])))',
      'topk($k, sum by ($label) (rate(${metric}[$interval])))',
      'increase(x[$__range]) / $__range_s > 0',
      'sum({instance=~"$instance"})',
    ]) {
      expect(analyseQuery(sub(q)).errors, q).toEqual([]);
    }
  });
});

describe('substituteGrafanaVariables: offsets map back to the original', () => {
  it('maps offsets before, inside and after substitutions', () => {
    const original = 'rate(x{job="$job"}[$__rate_interval]) > $q';
    const s = substituteGrafanaVariables(original, vars);
    expect(s.text).toBe('rate(x{job="api"}[5m]) > 0.95');
    // Before any substitution: unchanged.
    expect(originalOffset(s.edits, 0)).toBe(0);
    expect(originalOffset(s.edits, 12)).toBe(12); // start of "api" ↔ start of "$job"
    // After "api" (3 chars for "$job", 4): shifted by one.
    expect(originalOffset(s.edits, 15)).toBe(16); // the closing quote
    expect(s.text.slice(18, 20)).toBe('5m');
    expect(original.slice(originalOffset(s.edits, 18), originalOffset(s.edits, 20))).toBe('$__rate_interval'); // the whole value ↔ the whole reference
    expect(originalOffset(s.edits, 19)).toBe(original.indexOf('$__rate_interval') + 1); // inside: the same distance in
    expect(originalOffset(s.edits, 21)).toBe(original.indexOf(']') + 1); // the ")" after the range
    expect(originalOffset(s.edits, s.text.length)).toBe(original.length);
    expect(original.slice(originalOffset(s.edits, s.text.indexOf('0.95')))).toBe('$q');
  });

  it('puts an error found in the substituted text where the user wrote it', () => {
    const original = 'sum(rate(x{job="$job"}[$__rate_interval])) by ($label) +';
    const s = substituteGrafanaVariables(original, vars);
    const [error] = analyseQuery(s.text).errors;
    expect(error?.message).toBe('unexpected end of input');
    expect(originalOffset(s.edits, error!.from)).toBe(original.length);
  });

  it('maps an error inside a long substitution to the variable', () => {
    const original = 'rate($metric) > 1';
    const s = substituteGrafanaVariables(original, vars);
    expect(s.text).toBe('rate(http_requests_total) > 1');
    const [error] = analyseQuery(s.text).errors;
    expect(error?.message).toBe('expected type range vector in call to function "rate", got instant vector');
    expect(original.slice(originalOffset(s.edits, error!.from), originalOffset(s.edits, error!.to))).toBe('$metric');
  });
});
