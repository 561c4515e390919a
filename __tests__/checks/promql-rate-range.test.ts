import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('promql/rate-range', () => {
  it('reports ranges under 4 scrape intervals (2 for irate), and under 4 evaluation intervals for recorded series', async () => {
    const rules = `groups:
  - name: record
    interval: 2m
    rules:
      - record: job:requests:sum
        expr: sum by (job) (rate(http_requests_total[5m]))
  - name: alerts
    rules:
      - alert: Spiky
        expr: rate(http_requests_total[1m]) > 1 or irate(errors_total[30s]) > 1
      - alert: Recorded
        expr: increase(job:requests:sum[6m]) > 100
`;
    const findings = await findingsOf('promql/rate-range', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yaml:10:20 alert "Spiky": rate(http_requests_total[1m]) spans fewer than 4 samples at a 1m scrape interval (`scrape-interval` in .slo-gate.yml); use at least [4m]',
      'rules.yaml:10:58 alert "Spiky": irate(errors_total[30s]) spans fewer than 2 samples at a 1m scrape interval (`scrape-interval` in .slo-gate.yml); use at least [2m]',
      'rules.yaml:12:24 alert "Recorded": increase(job:requests:sum[6m]) spans fewer than 4 samples at the 2m interval of group "record", which records it; use at least [8m]',
    ]);
  });

  it('names the evaluation-interval key for a series recorded by a group without its own interval', async () => {
    const rules = `groups:
  - name: record
    rules:
      - record: job:requests:sum
        expr: sum by (job) (rate(http_requests_total[5m]))
      - alert: Recorded
        expr: increase(job:requests:sum[3m]) > 100
`;
    const findings = await findingsOf('promql/rate-range', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yaml:7:24 alert "Recorded": increase(job:requests:sum[3m]) spans fewer than 4 samples at the 1m evaluation interval of the rule that records it (`evaluation-interval` in .slo-gate.yml); use at least [4m]',
    ]);
  });

  it('follows the configured scrape interval', async () => {
    const rules = `groups:
  - name: alerts
    rules:
      - alert: Spiky
        expr: rate(http_requests_total[1m]) > 1
`;
    expect(await findingsOf('promql/rate-range', { 'rules.yaml': rules }, { scrapeIntervalSeconds: 15 })).toEqual([]);
  });
});
