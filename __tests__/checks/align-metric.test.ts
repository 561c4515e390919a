import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';
import { alignedAlerts, burnAlert, ruleFile, slothSpec } from '../helpers/slo-fixtures.js';

const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: api-latency-p95
    target: 0.95
    window: 30d
    indicator: { type: latency, threshold: 50ms, percentile: 95 }
`;

const latencyAlert = `groups:
  - name: api
    rules:
      - alert: ApiLatencyP95
        expr: histogram_quantile(0.95, sum by (le) (rate(api_response_duration_seconds_bucket[5m]))) > 0.05
        labels: { slo: api-latency-p95 }
`;

const dashboard = JSON.stringify(
  {
    title: 'API',
    uid: 'api',
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'API latency p95',
        targets: [{ refId: 'A', expr: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))' }],
      },
    ],
  },
  null,
  2,
);

describe('align/metric', () => {
  it('reports an alert that does not read the SLI\'s metrics', async () => {
    const rules = ruleFile(alignedAlerts[0], burnAlert({ name: 'ApiSlowBurn', long: '6h', short: '30m', factor: 6, metric: 'api_requests_total' }));
    const findings = await findingsOf('align/metric', { 'slo.yml': slothSpec(), 'rules.yml': rules });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'rules.yml:14:11 warning alert "ApiSlowBurn" for SLO "availability" reads api_requests, but SLO "availability"\'s SLI reads http_requests',
    ]);
  });

  it('reports a panel that shows the SLO from other metrics than its alerts', async () => {
    const findings = await findingsOf('align/metric', { 'slo.yaml': policy, 'rules.yml': latencyAlert, 'dashboards/api.json': dashboard });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'dashboards/api.json:5:5 panel "API latency p95" for SLO "api-latency-p95" reads http_request_duration_seconds, but alert "ApiLatencyP95" reads api_response_duration_seconds',
    ]);
  });

  it('accepts alerts and panels on the same metrics', async () => {
    const same = dashboard.replace('http_request_duration_seconds_bucket', 'api_response_duration_seconds_bucket');
    expect(await findingsOf('align/metric', { 'slo.yaml': policy, 'rules.yml': latencyAlert, 'dashboards/api.json': same })).toEqual([]);
  });
});
