import { describe, expect, it } from 'vitest';
import { described, diffFindingsOf } from '../helpers/diff.js';

const POLICY = `apiVersion: slo/v1
kind: SLOPolicy
alerts:
  burn_rate_thresholds:
    - { window: 1h, threshold: 14.4, severity: page }
slos:
  - name: api-availability
    target: 0.999
    window: 30d
    indicator:
      type: availability
  - name: api-latency
    target: 0.95
    window: 30d
    indicator: { type: latency, threshold: 500ms, percentile: 99 }
`;

const burn = (window: string, factor: string, budget = '(1 - 0.999)', forDuration = '2m') => `      - alert: ApiBurnRate
        expr: |
          sum(rate(http_requests_total{code=~"5.."}[${window}]))
            / sum(rate(http_requests_total[${window}]))
            > (${factor} * ${budget})
        for: ${forDuration}
        labels: { severity: page, slo: api-availability }
        annotations: { summary: burning }
`;
const latency = (threshold: string) => `      - alert: ApiSlow
        expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > ${threshold}
        labels: { severity: page, slo: api-latency }
        annotations: { summary: slow }
`;
const rules = (...alerts: string[]) => `groups:\n  - name: slo\n    rules:\n${alerts.join('')}`;
const base = { 'slo.yaml': POLICY, 'rules.yml': rules(burn('1h', '14.4'), latency('0.5')) };

describe('diff/alert-loosened', () => {
  it('reports a raised latency threshold at the number', async () => {
    const findings = await diffFindingsOf('diff/alert-loosened', base, { 'slo.yaml': POLICY, 'rules.yml': rules(burn('1h', '14.4'), latency('1')) });
    expect(findings.map(described)).toEqual(['rules.yml:13:104 alert "ApiSlow" for SLO "api-latency" fires later than before: latency threshold 500ms → 1s']);
    expect(findings[0].severity).toBe('warning');
  });

  it('reports a lower burn-rate factor, a longer window and a longer for, on a multi-line query', async () => {
    const findings = await diffFindingsOf('diff/alert-loosened', base, { 'slo.yaml': POLICY, 'rules.yml': rules(burn('2h', '6', '(1 - 0.999)', '10m'), latency('0.5')) });
    expect(findings.map(described)).toEqual([
      'rules.yml:8:15 alert "ApiBurnRate" for SLO "api-availability" fires later than before: burn-rate factor 14.4 → 6, window 1h → 2h, for 2m → 10m',
    ]);
  });

  it('reports a lower factor the policy declares', async () => {
    const findings = await diffFindingsOf('diff/alert-loosened', base, { ...base, 'slo.yaml': POLICY.replace('threshold: 14.4', 'threshold: 10') });
    expect(findings.map(described)).toEqual(['slo.yaml:5:7 SLOs "api-availability", "api-latency" burn-rate alert fires later than before: page 1h ×14.4 → page 1h ×10']);
  });

  it('accepts tighter thresholds, and a budget that moved with the target', async () => {
    expect(await diffFindingsOf('diff/alert-loosened', base, { 'slo.yaml': POLICY, 'rules.yml': rules(burn('30m', '20', '(1 - 0.999)', '1m'), latency('0.3')) })).toEqual([]);
    const lowered = { 'slo.yaml': POLICY.replace('target: 0.999', 'target: 0.995'), 'rules.yml': rules(burn('1h', '14.4', '(1 - 0.995)'), latency('0.5')) };
    expect(await diffFindingsOf('diff/alert-loosened', base, lowered)).toEqual([]);
  });
});
