import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('promql/syntax', () => {
  it('reports a type error at its column on a one-line expr', async () => {
    const rules = `groups:
  - name: api
    rules:
      - alert: HighErrorRate
        expr: rate(http_requests_total{code=~"5.."}) > 0.1
`;
    const findings = await findingsOf('promql/syntax', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'rules.yaml:5:20 error alert "HighErrorRate": could not parse expression: expected type range vector in call to function "rate", got instant vector',
    ]);
  });

  it('maps errors inside a multi-line expr block to the file line and column, one finding per root cause', async () => {
    const rules = `groups:
  - name: api
    rules:
      - record: job:errors:ratio_rate5m
        expr: |
          sum(rate(errors_total[5m])
            by (job)
`;
    const findings = await findingsOf('promql/syntax', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yaml:7:13 record "job:errors:ratio_rate5m": could not parse expression: unexpected <by> in aggregation',
    ]);
  });

  it('keeps independent errors of one query and drops the follow-ons of a typo', async () => {
    const rules = `groups:
  - name: api
    rules:
      - alert: TwoTypeErrors
        expr: rate(x_total) + rate(y_total) > 0
      - alert: MissingBracket
        expr: rate(x_total[5m) > 0
      - alert: BadGrouping
        expr: sum by (job (rate(x_total[5m])) > 0
`;
    const findings = await findingsOf('promql/syntax', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yaml:5:20 alert "TwoTypeErrors": could not parse expression: expected type range vector in call to function "rate", got instant vector',
      'rules.yaml:5:36 alert "TwoTypeErrors": could not parse expression: expected type range vector in call to function "rate", got instant vector',
      'rules.yaml:7:30 alert "MissingBracket": could not parse expression: unexpected ")" in subquery or range, expected ":" or "]"',
      'rules.yaml:9:27 alert "BadGrouping": could not parse expression: unexpected "(" in grouping opts, expected "," or ")"',
    ]);
  });

  it('reports a file written in MetricsQL (vmalert) once per rule, as a warning', async () => {
    const rules = `groups:
  - name: vm
    rules:
      - record: slo:sli_error:ratio_rate5m
        expr: 1 - histogram_share(0.2, sum by (vmrange) (rate(requests_duration_seconds_bucket[5m])))
      - record: slo:sli_error:ratio_rate30m
        expr: (vector(1)[30m])
`;
    const findings = await findingsOf('promql/syntax', { 'vm.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'vm.yaml:5:19 warning record "slo:sli_error:ratio_rate5m": not PromQL (unknown function with name "histogram_share"); this file uses MetricsQL (histogram_share), which VictoriaMetrics\' vmalert reads and Prometheus rejects',
      'vm.yaml:7:25 warning record "slo:sli_error:ratio_rate30m": not PromQL (ranges only allowed for vector selectors); this file uses MetricsQL (histogram_share), which VictoriaMetrics\' vmalert reads and Prometheus rejects',
    ]);
  });

  it('accepts valid expressions', async () => {
    const rules = `groups:
  - name: api
    rules:
      - alert: HighErrorRate
        expr: |
          sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))
            / sum by (job) (rate(http_requests_total[5m])) > 0.01
`;
    expect(await findingsOf('promql/syntax', { 'rules.yaml': rules })).toEqual([]);
  });
});
