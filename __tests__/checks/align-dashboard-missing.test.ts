import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const policy = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - { name: api-availability, target: 0.999, window: 30d, indicator: { type: availability } }
  - { name: web-availability, target: 0.999, window: 30d, indicator: { type: availability } }
`;

const dashboard = (title: string) =>
  JSON.stringify({ title: 'SLOs', uid: 'slos', panels: [{ id: 1, type: 'stat', title, targets: [{ refId: 'A', expr: 'sum(rate(http_requests_total[5m]))' }] }] }, null, 2);

describe('align/dashboard-missing', () => {
  it('notes each SLO no panel shows', async () => {
    const findings = await findingsOf('align/dashboard-missing', { 'slo.yaml': policy, 'slos.json': dashboard('API availability') });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual(['slo.yaml:5:5 notice no dashboard panel shows SLO "web-availability"']);
  });

  it('notes a panel that fits several SLOs equally well instead of guessing', async () => {
    const findings = await findingsOf('align/dashboard-missing', { 'slo.yaml': policy, 'slos.json': dashboard('Availability of api and web') });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'slo.yaml:4:5 no dashboard panel shows SLO "api-availability"',
      'slo.yaml:5:5 no dashboard panel shows SLO "web-availability"',
      'slos.json:5:5 panel "Availability of api and web" fits SLOs "api-availability" and "web-availability" equally well; its title or queries should name one',
    ]);
  });
});
