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
  it('reports an availability target below the default 99.9 % minimum', async () => {
    const findings = await findingsOf('policy/target-min', { 'policy.yml': flat('99.5') });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'policy.yml:3:11 SLO "checkout-availability" targets 99.5 %, below the minimum availability of 99.9 %',
    ]);
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
