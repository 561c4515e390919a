import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const flat = (target: string) => `service: checkout
availability:
  target: ${target}
  windows:
    - { name: fast, lookback: 1h, burn_rate: 14.4 }
    - { name: slow, lookback: 6h, burn_rate: 6 }
`;

describe('policy/target-min', () => {
  it('warns on an availability target below the default 99.9 % floor, which the repository did not choose', async () => {
    const findings = await findingsOf('policy/target-min', { 'policy.yml': flat('99.5') });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'policy.yml:3:11 warning SLO "checkout-availability" targets 99.5 %, below slo-gate\'s default minimum availability of 99.9 % (set min-availability to your floor to make this an error, or to accept it)',
    ]);
  });

  it('reports an error below a minimum the repository chose', async () => {
    const findings = await findingsOf('policy/target-min', { 'policy.yml': flat('99.5') }, { minAvailability: 0.999 });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual(['policy.yml:3:11 error SLO "checkout-availability" targets 99.5 %, below the minimum availability of 99.9 %']);
  });

  it('accepts a target equal to the minimum, and follows a configured minimum', async () => {
    expect(await findingsOf('policy/target-min', { 'policy.yml': flat('99.9') })).toEqual([]);
    expect(await findingsOf('policy/target-min', { 'policy.yml': flat('99.5') }, { minAvailability: 0.995 })).toEqual([]);
    expect(await findingsOf('policy/target-min', { 'policy.yml': flat('99.9') }, { minAvailability: 0.9995 })).toHaveLength(1);
  });

  it('leaves latency SLOs alone: their target is a share of fast requests, not availability', async () => {
    const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: p95
    target: 0.95
    window: 30d
    indicator: { type: latency, threshold: 50ms, percentile: 95 }
`;
    expect(await findingsOf('policy/target-min', { 'slo.yaml': policy })).toEqual([]);
  });
});

describe('policy/target-min across SLO formats', () => {
  const sloth = (objective: number, errorQuery: string) => `version: prometheus/v1
service: checkout
slos:
  - name: requests
    objective: ${objective}
    sli:
      events:
        error_query: ${errorQuery}
        total_query: sum(rate(http_request_duration_seconds_count[{{.window}}]))
    alerting:
      page_alert: { disable: true }
      ticket_alert: { disable: true }
`;
  const errors = `sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))`;
  const slow = `sum(rate(http_request_duration_seconds_count[{{.window}}])) - sum(rate(http_request_duration_seconds_bucket{le="0.3"}[{{.window}}]))`;

  it('a Sloth ratio SLO counts as availability', async () => {
    const findings = await findingsOf('policy/target-min', { 'slo.yml': sloth(99.5, errors) }, { minAvailability: 0.999 });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual(['slo.yml:5:16 error SLO "requests" targets 99.5 %, below the minimum availability of 99.9 %']);
    const vmrange = `sum(rate(grpc_duration_seconds_bucket{vmrange=~"0...0.5"}[{{.window}}]))`;
    expect(await findingsOf('policy/target-min', { 'slo.yml': sloth(90, vmrange) })).toEqual([]);
  });

  it('a ratio SLO whose queries select histogram buckets by le is a latency SLO, held to min-latency-objective when set', async () => {
    expect(await findingsOf('policy/target-min', { 'slo.yml': sloth(95, slow) })).toEqual([]);
    const findings = await findingsOf('policy/target-min', { 'slo.yml': sloth(95, slow) }, { minLatencyObjective: 0.99 });
    expect(findings.map((f) => f.message)).toEqual(['SLO "requests" targets 95 %, below min-latency-objective of 99 %']);
  });

  it('an SLO whose kind cannot be told gets a notice, not a silent skip', async () => {
    const pyrra = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: queue-depth
spec:
  target: "99"
  window: 4w
  indicator: {}
`;
    const findings = await findingsOf('policy/target-min', { 'slo.yml': pyrra });
    expect(findings.map((f) => `${f.severity} ${f.message}`)).toEqual(['notice SLO "queue-depth": cannot tell whether it measures availability or latency (other indicator), so no minimum target was applied']);
  });
});

describe('policy/target-min and throughput SLOs', () => {
  it('applies no minimum to a throughput SLO, and says nothing about it', async () => {
    const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: tasks
    target: 0.95
    window: 30d
    indicator: { type: throughput, minimum: 100/s }
`;
    expect(await findingsOf('policy/target-min', { 'slo.yaml': policy })).toEqual([]);
  });
});
