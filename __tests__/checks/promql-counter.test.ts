import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('promql/counter', () => {
  it('reports counters compared, aggregated or used raw, at the selector', async () => {
    const rules = `groups:
  - name: node
    rules:
      - alert: CpuMostlyIdle
        expr: avg(node_cpu_seconds_total{mode="idle"}) < 0.3
      - record: job:requests:sum
        expr: sum by (job) (http_requests_total)
      - alert: SlowAverage
        expr: |
          http_request_duration_seconds_sum
            / http_request_duration_seconds_count > 0.5
`;
    const findings = await findingsOf('promql/counter', { 'rules.yaml': rules });
    const raw = 'its value only grows and resets on restart, so it says nothing about now; use rate() or increase()';
    const guess = 'raw and its _total name says it is a counter (a guess from the name alone: no metric metadata is read)';
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      `rules.yaml:5:19 alert "CpuMostlyIdle": node_cpu_seconds_total is compared ${guess}: ${raw}`,
      `rules.yaml:7:29 record "job:requests:sum": http_requests_total is aggregated with sum ${guess}: ${raw}`,
      `rules.yaml:10:11 alert "SlowAverage": counter http_request_duration_seconds_sum is compared raw: ${raw}`,
      `rules.yaml:11:15 alert "SlowAverage": counter http_request_duration_seconds_count is compared raw: ${raw}`,
    ]);
  });

  it('accepts rates, increases, counting and presence checks', async () => {
    const rules = `groups:
  - name: node
    rules:
      - alert: A
        expr: sum(rate(http_requests_total[5m])) > 10
      - alert: B
        expr: increase(process_restarts_total[1h]) > 3 or absent(http_requests_total)
      - alert: C
        expr: count(http_requests_total) < 2 and changes(build_info_count[1h]) > 0
      - record: job:http_requests_total:rate5m
        expr: sum by (job) (rate(http_requests_total[5m]))
      - alert: D
        expr: job:http_requests_total:rate5m > 100
`;
    expect(await findingsOf('promql/counter', { 'rules.yaml': rules })).toEqual([]);
  });
});
