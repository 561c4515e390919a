import { describe, expect, it } from 'vitest';
import { described, diffFindingsOf } from '../helpers/diff.js';

const POLICY = `apiVersion: slo/v1
kind: SLOPolicy
alerts:
  burn_rate_thresholds:
    - { window: 1h, threshold: 14.4, severity: page }
    - { window: 6h, threshold: 6, severity: ticket }
slos:
  - name: api-availability
    target: 0.999
    window: 30d
    indicator:
      type: availability
`;

const alert = (severity: string, window: string, factor: string, labels = `slo: api-availability`) => `      - alert: ApiBurnRate
        expr: sum(rate(http_requests_total{code=~"5.."}[${window}])) / sum(rate(http_requests_total[${window}])) > (${factor} * (1 - 0.999))
        labels:
          severity: ${severity}
          ${labels}
        annotations:
          summary: burning
`;
const rules = (...alerts: string[]) => `groups:\n  - name: slo\n    rules:\n${alerts.join('')}`;

describe('diff/alert-removed', () => {
  it('reports a deleted page alert where it used to be', async () => {
    const findings = await diffFindingsOf(
      'diff/alert-removed',
      { 'slo.yaml': POLICY, 'rules.yml': rules(alert('page', '1h', '14.4'), alert('ticket', '6h', '6')) },
      { 'slo.yaml': POLICY, 'rules.yml': rules(alert('ticket', '6h', '6')) },
    );
    expect(findings.map(described)).toEqual(['rules.yml:4 alert "ApiBurnRate" (severity page) for SLO "api-availability" was removed']);
    expect(findings[0].severity).toBe('error');
  });

  it('reports an alert that is no longer linked to its SLO, at the alert', async () => {
    const withWeb = `${POLICY}  - name: web-availability\n    target: 0.999\n    window: 30d\n    indicator:\n      type: availability\n`;
    const findings = await diffFindingsOf(
      'diff/alert-removed',
      { 'slo.yaml': withWeb, 'rules.yml': rules(alert('page', '1h', '14.4'), alert('ticket', '6h', '6')) },
      { 'slo.yaml': withWeb, 'rules.yml': rules(alert('page', '1h', '14.4', 'slo: web-availability'), alert('ticket', '6h', '6')) },
    );
    expect(findings.map(described)).toEqual(['rules.yml:4:16 alert "ApiBurnRate" (severity page) is no longer linked to SLO "api-availability"']);
  });

  it('reports burn-rate alerting the policy no longer declares', async () => {
    const findings = await diffFindingsOf('diff/alert-removed', { 'slo.yaml': POLICY }, { 'slo.yaml': POLICY.replace('    - { window: 1h, threshold: 14.4, severity: page }\n', '') });
    expect(findings.map(described)).toEqual(['slo.yaml:5 SLO "api-availability" no longer declares its page burn-rate alert (1h ×14.4)']);
  });

  it("reports a Sloth SLO's page alert switched off, once for its two windows", async () => {
    const sloth = (page: string) => `version: prometheus/v1
service: api
slos:
  - name: availability
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{.window}}]))
    alerting:
      name: ApiAvailability
      page_alert:${page}
      ticket_alert:
        labels: { severity: ticket }
`;
    const findings = await diffFindingsOf('diff/alert-removed', { 'sloth.yml': sloth(' { labels: { severity: page } }') }, { 'sloth.yml': sloth(' { disable: true }') });
    expect(findings.map(described)).toEqual(['sloth.yml:12 SLO "availability" no longer declares its page burn-rate alert (1h/5m ×14.4, 6h/30m ×6)']);
  });

  it('accepts alerts reordered or moved to another file', async () => {
    const base = { 'slo.yaml': POLICY, 'rules.yml': rules(alert('page', '1h', '14.4'), alert('ticket', '6h', '6')) };
    expect(await diffFindingsOf('diff/alert-removed', base, { 'slo.yaml': POLICY, 'rules.yml': rules(alert('ticket', '6h', '6'), alert('page', '1h', '14.4')) })).toEqual([]);
    expect(await diffFindingsOf('diff/alert-removed', base, { 'slo.yaml': POLICY, 'a.yml': rules(alert('ticket', '6h', '6')), 'b.yml': rules(alert('page', '1h', '14.4')) })).toEqual([]);
  });
});
