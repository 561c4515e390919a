import { describe, expect, it } from 'vitest';
import { described, diffFindingsOf } from '../helpers/diff.js';

const policy = (dashboard: string) => `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: api-availability
    target: 0.999
    window: 30d
    indicator:
      type: availability
reporting:
  dashboards:
    - ${dashboard}
`;
const dashboard = (uid: string, title: string) => JSON.stringify({ uid, title, panels: [] }, null, 2);

describe('diff/dashboard-removed', () => {
  it('reports a deleted dashboard that showed an SLO, at the file', async () => {
    const findings = await diffFindingsOf(
      'diff/dashboard-removed',
      { 'slo.yaml': policy('dashboards/api.json'), 'dashboards/api.json': dashboard('api', 'API SLO'), 'dashboards/other.json': dashboard('other', 'Other') },
      { 'slo.yaml': policy('dashboards/api.json'), 'dashboards/other.json': dashboard('other', 'Other') },
    );
    expect(findings.map(described)).toEqual(['dashboards/api.json dashboard "API SLO" was removed; it showed SLO "api-availability"']);
    expect(findings[0].severity).toBe('warning');
  });

  it('accepts a dashboard moved to another file with its uid, and a removed dashboard that showed no SLO', async () => {
    const base = { 'slo.yaml': policy('dashboards/api.json'), 'dashboards/api.json': dashboard('api', 'API SLO'), 'dashboards/other.json': dashboard('other', 'Other') };
    expect(await diffFindingsOf('diff/dashboard-removed', base, { 'slo.yaml': policy('grafana/api.json'), 'grafana/api.json': dashboard('api', 'API SLO'), 'dashboards/other.json': dashboard('other', 'Other') })).toEqual([]);
    expect(await diffFindingsOf('diff/dashboard-removed', base, { 'slo.yaml': policy('dashboards/api.json'), 'dashboards/api.json': dashboard('api', 'API SLO') })).toEqual([]);
  });
});
