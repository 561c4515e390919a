// The rule group align/burn-alert-missing suggests fits the repository it is pasted into: it uses
// the SLO's own alert labels and what the configuration requires, so pasting it back adds no
// finding at all.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeConfig } from '../../src/config/config.js';
import { runEngine } from '../../src/engine/engine.js';
import { workspace } from '../helpers/workspace.js';

const SPEC = `version: prometheus/v1
service: checkout
labels:
  team: payments
slos:
  - name: "requests-availability"
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
    alerting:
      name: CheckoutAvailability
      labels:
        category: availability
      page_alert:
        labels:
          severity: pageteam
          routing_key: checkout-oncall
      ticket_alert:
        labels:
          severity: slack
`;

const CONFIG = {
  requiredLabels: { severity: ['critical', 'warning'], team: [], routing_key: [] },
  requiredAnnotations: ['summary', 'description'],
};

describe('the suggested rule group fits the repository', () => {
  it('carries the SLO spec labels and the required labels and annotations, and pasted back gives no finding at all', async () => {
    const dir = await workspace({ 'slo/checkout.yml': SPEC });
    const before = await runEngine(dir, mergeConfig(CONFIG));
    const missing = before.findings.find((finding) => finding.check === 'align/burn-alert-missing')!;
    expect(missing.suggestion).toBeDefined();
    const group = parse(missing.suggestion!).groups[0];
    const page = group.rules.find((rule: { labels: Record<string, string> }) => rule.labels.severity === 'critical');
    expect(page.labels).toEqual({ severity: 'critical', category: 'availability', routing_key: 'checkout-oncall', slo: 'requests-availability', team: 'payments' });
    expect(Object.keys(page.annotations).sort()).toEqual(['description', 'summary']);
    const ticket = group.rules.find((rule: { labels: Record<string, string> }) => rule.labels.severity === 'warning');
    // The ticket tier has no routing key of its own: the required label is a placeholder, named in a comment.
    expect(ticket.labels.routing_key).toBe('CHANGE-ME');
    expect(missing.suggestion).toMatch(/^# .*Fill in label routing_key \(CHANGE-ME below\)/m);

    const pasted = await workspace({ 'slo/checkout.yml': SPEC, 'rules/checkout-slo.yml': missing.suggestion! });
    const after = await runEngine(pasted, mergeConfig(CONFIG));
    const listed = (findings: typeof after.findings) => findings.map((finding) => `${finding.check} ${finding.file}:${finding.line} ${finding.message}`);
    // The pasted group fixes the missing alerts and adds no finding of any check (the dashboard notice was there before).
    expect(listed(after.findings)).toEqual(listed(before.findings.filter((finding) => finding.check !== 'align/burn-alert-missing')));
    expect(listed(after.findings)).toEqual(['align/dashboard-missing slo/checkout.yml:6 no dashboard panel shows SLO "requests-availability"']);
  });
});
