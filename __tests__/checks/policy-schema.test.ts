import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('policy/schema', () => {
  it('reports mistyped and missing SLO fields at their YAML line', async () => {
    const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: api
    target: "high"
    window: 30 days
    indicator:
      type: latency
      percentile: 95
`;
    const findings = await findingsOf('policy/schema', { 'slo.yaml': policy });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'slo.yaml:5:13 slos[0].target: must be number',
      'slo.yaml:6:13 slos[0].window: must match pattern "^([0-9]+(ms|s|m|h|d|w|y))+$"',
      "slo.yaml:8:7 slos[0].indicator: must have required property 'threshold'",
    ]);
  });

  it('reports what the seed workflow required of the flat shape', async () => {
    const findings = await findingsOf('policy/schema', { 'p.yaml': 'service: api\nlatency:\n  p95_ms: fast\n' });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      "p.yaml:1:1 policy: must have required property 'availability'",
      'p.yaml:3:11 latency.p95_ms: must be number',
    ]);
  });

  it('accepts a complete policy', async () => {
    const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: api
    target: 0.999
    window: 30d
    indicator: { type: latency, threshold: 50ms, percentile: 95 }
`;
    expect(await findingsOf('policy/schema', { 'slo.yaml': policy })).toEqual([]);
  });
});

describe('policy/schema on generator formats', () => {
  it('reads a Pyrra target that is not a percent string, and a Sloth SLO without an objective', async () => {
    const pyrra = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: api
spec:
  target: 99.9
  window: 4w
  indicator:
    ratio:
      errors: { metric: 'errors_total' }
      total: { metric: 'requests_total' }
`;
    const sloth = `version: prometheus/v1
service: api
slos:
  - name: availability
    sli:
      raw:
        error_ratio_query: sum(rate(errors_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))
`;
    const findings = await findingsOf('policy/schema', { 'pyrra.yaml': pyrra, 'sloth.yml': sloth });
    expect(findings.map((f) => `${at(f)} ${f.message}`).sort()).toEqual([
      'pyrra.yaml:6:11 spec.target: must be string',
      "sloth.yml:4:5 slos[0]: must have required property 'objective'",
    ]);
  });
});
