import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: checkout-latency-p99
    target: 0.99
    window: 30d
    indicator:
      type: latency
      threshold: 500ms
      percentile: 99
`;

const alert = (quantile: string, comparison: string) => `groups:
  - name: checkout
    rules:
      - alert: CheckoutSlow
        expr: histogram_quantile(${quantile}, sum by (le) (rate(checkout_request_duration_seconds_bucket[5m])))${comparison}
        labels:
          slo: checkout-latency-p99
`;

describe('align/latency-threshold', () => {
  it('reports an alert at another threshold, reading `* 1000 > 100` on seconds as 100 ms', async () => {
    const findings = await findingsOf('align/latency-threshold', { 'slo.yaml': policy, 'rules.yml': alert('0.99', ' * 1000 > 100') });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'rules.yml:5:15 error alert "CheckoutSlow" fires above 100ms at p99, but SLO "checkout-latency-p99" allows 500ms at p99',
    ]);
  });

  it('reports an alert on another percentile', async () => {
    const findings = await findingsOf('align/latency-threshold', { 'slo.yaml': policy, 'rules.yml': alert('0.95', ' > 0.5') });
    expect(findings.map((f) => f.message)).toEqual(['alert "CheckoutSlow" fires above 500ms at p95, but SLO "checkout-latency-p99" allows 500ms at p99']);
  });

  it('accepts the same threshold in other units', async () => {
    expect(await findingsOf('align/latency-threshold', { 'slo.yaml': policy, 'rules.yml': alert('0.99', ' * 1000 > 500') })).toEqual([]);
    expect(await findingsOf('align/latency-threshold', { 'slo.yaml': policy, 'rules.yml': alert('0.99', ' > 0.5') })).toEqual([]);
  });
});
