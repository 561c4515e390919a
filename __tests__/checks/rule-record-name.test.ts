import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('rule/record-name', () => {
  it('reports braces as an error and UTF-8 names as a Prometheus 2 warning', async () => {
    const rules = `groups:
  - name: api
    rules:
      - record: job:http_requests:rate5m{code="500"}
        expr: sum by (job) (rate(http_requests_total{code="500"}[5m]))
      - record: http-requests:rate5m
        expr: sum(rate(http_requests_total[5m]))
      - record: job:http_requests:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
`;
    const findings = await findingsOf('rule/record-name', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'rules.yaml:4:17 error invalid recording rule name: job:http_requests:rate5m{code="500"} (braces belong in expr, not in the name)',
      'rules.yaml:6:17 warning recording rule name "http-requests:rate5m" needs Prometheus 3 (UTF-8 names); Prometheus 2 rejects the whole file',
    ]);
  });
});
