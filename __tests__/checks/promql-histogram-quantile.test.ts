import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('promql/histogram-quantile', () => {
  it('reports buckets aggregated without le', async () => {
    const rules = `groups:
  - name: api
    rules:
      - alert: SlowRequests
        expr: |
          histogram_quantile(0.99,
            sum by (job) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5
`;
    const findings = await findingsOf('promql/histogram-quantile', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yaml:6:11 alert "SlowRequests": histogram_quantile() gets buckets aggregated without le, so it has no buckets to interpolate and returns nothing; keep le in by (...)',
    ]);
  });

  it('accepts le kept, no aggregation, native histograms, and an aggregation that does not enclose the buckets', async () => {
    const rules = `groups:
  - name: api
    rules:
      - record: a
        expr: histogram_quantile(0.99, sum by (job, le) (rate(http_request_duration_seconds_bucket[5m])))
      - record: b
        expr: histogram_quantile(0.99, rate(http_request_duration_seconds_bucket[5m]))
      - record: c
        expr: histogram_quantile(0.99, sum by (job) (rate(http_request_duration_seconds[5m])))
      - record: d
        expr: |
          histogram_quantile(0.99, sum by (instance, le) (rate(http_request_duration_seconds_bucket[5m]))
            * on (instance) group_left (node) max by (instance, node) (node_info))
`;
    expect(await findingsOf('promql/histogram-quantile', { 'rules.yaml': rules })).toEqual([]);
  });
});
