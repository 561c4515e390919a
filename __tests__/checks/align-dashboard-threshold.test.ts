import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - { name: api-availability, target: 0.9999, window: 30d, indicator: { type: availability } }
  - { name: api-latency-p99, target: 0.99, window: 30d, indicator: { type: latency, threshold: 500ms, percentile: 99 } }
`;

const panel = (title: string, expr: string, fieldConfig?: unknown) => ({ id: 1, type: 'stat', title, targets: [{ refId: 'A', expr }], ...(fieldConfig ? { fieldConfig } : {}) });
const dashboard = (...panels: unknown[]) => JSON.stringify({ title: 'API', uid: 'api', panels: panels.map((p, i) => ({ ...(p as object), id: i + 1 })) }, null, 2);
const availability = '100 * (1 - sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])))';
const p99 = 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))';

describe('align/dashboard-threshold', () => {
  it('reports panel titles that state another target or latency', async () => {
    const files = { 'slo.yaml': policy, 'api.json': dashboard(panel('API availability (99.9% target)', availability), panel('API latency p99 (100ms target)', p99)) };
    const findings = await findingsOf('align/dashboard-threshold', files);
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'api.json:5:5 warning panel "API availability (99.9% target)" title states 99.9 %, but SLO "api-availability" targets 99.99 %',
      'api.json:16:5 warning panel "API latency p99 (100ms target)" title states 100ms, but SLO "api-latency-p99" allows 500ms',
    ]);
  });

  it('reports threshold steps in the panel\'s unit', async () => {
    const steps = { defaults: { unit: 'ms', thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 300, color: 'red' }] } } };
    const findings = await findingsOf('align/dashboard-threshold', { 'slo.yaml': policy, 'api.json': dashboard(panel('API latency p99', `${p99} * 1000`, steps)) });
    expect(findings.map((f) => f.message)).toEqual(['panel "API latency p99" thresholds are 300ms, but SLO "api-latency-p99" allows 500ms']);
  });

  it('accepts panels that state the SLO\'s own figures', async () => {
    const files = { 'slo.yaml': policy, 'api.json': dashboard(panel('API availability (99.99% target)', availability), panel('API latency p99 (500ms)', p99)) };
    expect(await findingsOf('align/dashboard-threshold', files)).toEqual([]);
  });
});
