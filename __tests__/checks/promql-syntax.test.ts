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

  it('maps errors inside a multi-line expr block to the file line and column', async () => {
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
      'rules.yaml:7:21 record "job:errors:ratio_rate5m": could not parse expression: unclosed left parenthesis',
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
