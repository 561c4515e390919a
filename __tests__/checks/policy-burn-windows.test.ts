import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('policy/burn-windows', () => {
  it('reports an SLO with one window, and one with none', async () => {
    const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: one-window
    target: 0.999
    window: 30d
    indicator: { type: availability }
    error_budget:
      burn_rate_windows: [1h]
  - name: no-window
    target: 0.999
    window: 30d
    indicator: { type: availability }
`;
    const findings = await findingsOf('policy/burn-windows', { 'slo.yaml': policy });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'slo.yaml:4:5 SLO "one-window" declares only one burn-rate window; add a second (a fast 1h and a slow 6h window)',
      'slo.yaml:10:5 SLO "no-window" declares no burn-rate windows; add a fast one (1h at 14.4×) and a slow one (6h at 6×)',
    ]);
  });

  it('applies policy-wide windows to every SLO of the policy', async () => {
    const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: api
    target: 0.999
    window: 30d
    indicator: { type: availability }
alerts:
  burn_rate_thresholds:
    - { window: 1h, threshold: 14.4 }
    - { window: 6h, threshold: 6 }
`;
    expect(await findingsOf('policy/burn-windows', { 'slo.yaml': policy })).toEqual([]);
  });
});
