import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const policy = (budget: string) => `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: api-availability
    target: 0.9999
    window: 30d
    indicator:
      type: availability
    error_budget:
${budget}
`;

describe('policy/budget', () => {
  it('reports a downtime allowance that disagrees with the target', async () => {
    const findings = await findingsOf('policy/budget', { 'slo.yaml': policy('      monthly_budget: 0.0001\n      max_downtime_minutes: 43.2') });
    expect(findings).toHaveLength(1);
    expect(at(findings[0])).toBe('slo.yaml:11:29');
    expect(findings[0].message).toBe('SLO "api-availability" declares 43.2 minutes of downtime, but 99.99 % over 30d allows 4.32 minutes');
    expect(findings[0].severity).toBe('error');
  });

  it('reports a budget ratio that is not 1 − target', async () => {
    const findings = await findingsOf('policy/budget', { 'slo.yaml': policy('      monthly_budget: 0.001') });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'slo.yaml:10:23 SLO "api-availability" declares an error budget of 0.001, but a target of 99.99 % leaves 0.0001',
    ]);
  });

  it('accepts a budget that matches, despite float noise in 1 − 0.9999', async () => {
    expect(await findingsOf('policy/budget', { 'slo.yaml': policy('      monthly_budget: 0.0001\n      max_downtime_minutes: 4.32') })).toEqual([]);
  });
});
