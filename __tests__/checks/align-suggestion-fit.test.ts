// The rule group align/burn-alert-missing suggests fits the repository it is pasted into: it uses
// the SLO's own alert labels and what the configuration requires, so pasting it back adds no
// finding at all.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeConfig } from '../../src/config/config.js';
import { runEngine } from '../../src/engine/engine.js';
import { workspace } from '../helpers/workspace.js';
import type { Finding } from '../../src/model/findings.js';

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

/**
 * The align/burn-alert-missing suggestion for an SLO spec, and the findings (as `check file:line
 * message`) before, less that one, and after the suggestion is pasted in as a rule file.
 */
async function suggestAndPasteBack(spec: string): Promise<{ suggestion: string; before: string[]; after: string[] }> {
  const listed = (findings: Finding[]) => findings.map((finding) => `${finding.check} ${finding.file}:${finding.line} ${finding.message}`);
  const before = await runEngine(await workspace({ 'slo/checkout.yml': spec }), mergeConfig(CONFIG));
  const missing = before.findings.find((finding) => finding.check === 'align/burn-alert-missing');
  expect(missing?.suggestion).toBeDefined();
  const after = await runEngine(await workspace({ 'slo/checkout.yml': spec, 'rules/checkout-slo.yml': missing!.suggestion! }), mergeConfig(CONFIG));
  return { suggestion: missing!.suggestion!, before: listed(before.findings.filter((finding) => finding !== missing)), after: listed(after.findings) };
}

describe('the suggested rule group fits the repository', () => {
  it('carries the SLO spec labels and the required labels and annotations, and pasted back gives no finding at all', async () => {
    const { suggestion, before, after } = await suggestAndPasteBack(SPEC);
    const group = parse(suggestion).groups[0];
    const page = group.rules.find((rule: { labels: Record<string, string> }) => rule.labels.severity === 'critical');
    expect(page.labels).toEqual({ severity: 'critical', category: 'availability', routing_key: 'checkout-oncall', slo: 'requests-availability', team: 'payments' });
    expect(Object.keys(page.annotations).sort()).toEqual(['description', 'summary']);
    const ticket = group.rules.find((rule: { labels: Record<string, string> }) => rule.labels.severity === 'warning');
    // The ticket tier has no routing key of its own: the required label is a placeholder, named in a comment.
    expect(ticket.labels.routing_key).toBe('CHANGE-ME');
    expect(suggestion).toMatch(/^# .*Fill in label routing_key \(CHANGE-ME below\)/m);

    // The pasted group fixes the missing alerts and adds no finding of any check (the dashboard notice was there before).
    expect(after).toEqual(before);
    expect(after).toEqual(['align/dashboard-missing slo/checkout.yml:6 no dashboard panel shows SLO "requests-availability"']);
  });
});

// OpenSLO v1: two alert policies, one a page and one a ticket by their conditions' severity; the
// page policy's notification target (by reference) and the ticket's (inline) carry routing labels.
const OPENSLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  labels:
    team: payments
spec:
  service: checkout
  indicator:
    metadata:
      name: checkout-errors
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{job="checkout",code!~"5.."}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: http_requests_total{job="checkout"}
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: availability
      target: 0.999
  alertPolicies:
    - alertPolicyRef: checkout-fast-burn
    - alertPolicyRef: checkout-slow-burn
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: checkout-fast-burn
  labels:
    category: availability
    tier: [tier-1, tier-2]
    cost-centre: shop
spec:
  alertWhenBreaching: true
  conditions:
    - conditionRef: checkout-fast-burn-1h
  notificationTargets:
    - targetRef: checkout-oncall
---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: checkout-fast-burn-1h
spec:
  severity: page
  description: checkout spends its error budget 14.4 times too fast
  condition:
    kind: burnrate
    op: gte
    threshold: 14.4
    lookbackWindow: 1h
    alertAfter: 2m
---
apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata:
  name: checkout-oncall
  labels:
    routing_key: checkout-oncall
spec:
  target: pagerduty
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: checkout-slow-burn
spec:
  description: checkout spends its budget faster than it earns it
  alertWhenBreaching: true
  conditions:
    - kind: AlertCondition
      metadata:
        name: checkout-slow-burn-3d
        labels:
          category: availability
      spec:
        severity: ticket
        condition:
          kind: burnrate
          op: gte
          threshold: 1
          lookbackWindow: 3d
  notificationTargets:
    - kind: AlertNotificationTarget
      metadata:
        name: checkout-slack
        labels:
          channel: checkout-alerts
      spec:
        target: slack
`;

describe('the suggested rule group for an OpenSLO SLO fits the repository', () => {
  it('carries the alert policies\' labels, targets and severities and the required ones, and pasted back gives no finding at all', async () => {
    const { suggestion, before, after } = await suggestAndPasteBack(OPENSLO);
    const rules: { labels: Record<string, string>; annotations: Record<string, string> }[] = parse(suggestion).groups[0].rules;
    expect(rules).toHaveLength(2);
    const [page, ticket] = rules;
    // severity page and ticket become the allowed critical and warning; a list of two values and a name Prometheus rejects are left out.
    expect(page!.labels).toEqual({ severity: 'critical', category: 'availability', routing_key: 'checkout-oncall', slo: 'checkout-availability', team: 'payments' });
    expect(page!.annotations.description).toBe('checkout spends its error budget 14.4 times too fast');
    expect(ticket!.labels).toEqual({ severity: 'warning', category: 'availability', channel: 'checkout-alerts', routing_key: 'CHANGE-ME', slo: 'checkout-availability', team: 'payments' });
    expect(ticket!.annotations.description).toBe('checkout spends its budget faster than it earns it');
    expect(suggestion).toMatch(/^# .*Fill in label routing_key \(CHANGE-ME below\)/m);

    expect(after).toEqual(before);
    expect(after).toEqual(['align/dashboard-missing slo/checkout.yml:1 no dashboard panel shows SLO "checkout-availability"']);
  });
});
