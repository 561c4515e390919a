import { describe, expect, it } from 'vitest';
import { at, check, findingsOf } from '../helpers/workspace.js';

// A repository laid out as slo-generator users lay it out: a shared config with the error budget
// policies, one SLO file per SLO, and the Prometheus alerts on the burn rate slo-generator exports.
const sharedConfig = `backends:
  prometheus:
    url: http://prometheus:9090
exporters:
  prometheus:
    url: http://pushgateway:9091
error_budget_policies:
  default:
    steps:
      - name: 1 hour
        window: 3600
        burn_rate_threshold: 9
        alert: true
        message_alert: Page to defend the SLO
        message_ok: Last hour on track
      - name: 12 hours
        window: 43200
        burn_rate_threshold: 3
        alert: true
        message_alert: Page to defend the SLO
        message_ok: Last 12 hours on track
      - name: 7 days
        window: 604800
        burn_rate_threshold: 1.5
        alert: false
        message_alert: Reliability work first
        message_ok: Last week on track
`;

const availability = `apiVersion: sre.google.com/v2
kind: ServiceLevelObjective
metadata:
  name: checkout-api-availability
  labels:
    service_name: checkout
    feature_name: api
    slo_name: availability
spec:
  description: 99.9% of checkout API requests succeed
  backend: prometheus
  method: good_bad_ratio
  exporters: [prometheus]
  service_level_indicator:
    filter_good: http_requests_total{job="checkout", code!~"5.."}
    filter_valid: http_requests_total{job="checkout"}
  goal: 0.999
`;

const latencyV1 = `service_name: checkout
feature_name: api
slo_name: latency
slo_description: 99% of checkout API requests answer within 300ms
slo_target: 0.99
backend:
  class: Prometheus
  url: http://prometheus:9090
  method: distribution_cut
  measurement:
    expression: http_request_duration_seconds_bucket{job="checkout"}
    threshold_bucket: 0.3
exporters:
  - class: Prometheus
    url: http://pushgateway:9091
`;

const v1Policy = `- error_budget_policy_step_name: 1 hour
  measurement_window_seconds: 3600
  alerting_burn_rate_threshold: 9
  urgent_notification: true
  overburned_consequence_message: Page to defend the SLO
  achieved_consequence_message: Last hour on track
- error_budget_policy_step_name: 7 days
  measurement_window_seconds: 604800
  alerting_burn_rate_threshold: 1.5
  urgent_notification: false
  overburned_consequence_message: Reliability work first
  achieved_consequence_message: Last week on track
`;

const alerts = `groups:
  - name: checkout-slo
    rules:
      - alert: CheckoutAvailabilityFastBurn
        expr: error_budget_burn_rate{service_name="checkout", feature_name="api", slo_name="availability", error_budget_policy_step_name="1 hour"} > 9
        labels: { severity: page }
        annotations: { summary: Checkout burns its budget fast }
      - alert: CheckoutAvailabilitySlowBurn
        expr: error_budget_burn_rate{service_name="checkout", feature_name="api", slo_name="availability", error_budget_policy_step_name="12 hours"} > 3
        labels: { severity: page }
        annotations: { summary: Checkout burns its budget }
      - alert: OtherServiceBurn
        expr: error_budget_burn_rate{service_name="billing", slo_name="availability", error_budget_policy_step_name="1 hour"} > 9
        labels: { severity: page }
        annotations: { summary: Billing burns its budget }
`;

describe('slo-generator', () => {
  it('reads v2 and v1 SLOs with their targets, SLIs and the burn windows of their error budget policies', async () => {
    const result = await check({
      'slos/config.yaml': sharedConfig,
      'slos/checkout/slo_checkout_api_availability.yaml': availability,
      'slos-v1/slo_checkout_api_latency.yaml': latencyV1,
      'slos-v1/error_budget_policy.yaml': v1Policy,
    });
    const slos = result.linked.model.slos.map((slo) => ({
      name: slo.name,
      format: slo.format,
      service: slo.service,
      target: slo.target,
      indicator: [slo.indicator.type, slo.indicator.thresholdSeconds, slo.indicator.metrics.join(',')],
      windows: slo.burnWindows.map((w) => `${w.name} ${w.longSeconds}s ${w.factor}×`),
    }));
    expect(slos).toEqual([
      { name: 'checkout-api-availability', format: 'slo-generator', service: 'checkout', target: 0.999, indicator: ['ratio', undefined, 'http_requests_total'], windows: ['1 hour 3600s 9×', '12 hours 43200s 3×'] },
      { name: 'checkout-api-latency', format: 'slo-generator', service: 'checkout', target: 0.99, indicator: ['latency', 0.3, 'http_request_duration_seconds_bucket'], windows: ['1 hour 3600s 9×'] },
    ]);
    expect(result.findings.filter((f) => f.check === 'policy/schema' || f.check === 'file/parse')).toEqual([]);
  });

  it('links the alerts on its exported burn rate to their SLO by its labels, with the windows they implement', async () => {
    const result = await check({ 'slos/config.yaml': sharedConfig, 'slos/slo_checkout_api_availability.yaml': availability, 'alerts.yaml': alerts });
    const links = [...result.linked.links.bySlo.values()][0];
    expect(links.alerts.map((a) => `${a.rule.name} ${a.method} ${a.reason} ${a.encoding.windows.map((w) => `${w.longSeconds}s@${w.factor}`).join(' ')}`)).toEqual([
      'CheckoutAvailabilityFastBurn label service_name=checkout, feature_name=api, slo_name=availability 3600s@9',
      'CheckoutAvailabilitySlowBurn label service_name=checkout, feature_name=api, slo_name=availability 43200s@3',
    ]);
    const align = result.findings.filter((f) => f.check.startsWith('align/') && f.check !== 'align/dashboard-missing');
    expect(align.map((f) => `${f.check} ${f.message}`)).toEqual([]);
  });

  it('reports an SLO whose policy windows no alert implements', async () => {
    const onlyFast = alerts.split('      - alert: CheckoutAvailabilitySlowBurn')[0];
    const findings = await findingsOf('align/burn-alert-missing', { 'slos/config.yaml': sharedConfig, 'slos/slo_checkout_api_availability.yaml': availability, 'alerts.yaml': onlyFast });
    expect(findings.map((f) => `${at(f)} ${f.message.split(';')[0]}`)).toHaveLength(1);
    expect(findings[0].message).toContain('12h');
  });

  it('validates its documents against the format schema', async () => {
    const broken = availability.replace('goal: 0.999', 'goal: 99.9').replace('  method: good_bad_ratio\n', '');
    const badPolicy = sharedConfig.replace('burn_rate_threshold: 3', 'burn_rate_threshold: "3x"');
    const findings = await findingsOf('policy/schema', { 'slos/config.yaml': badPolicy, 'slos/slo.yaml': broken });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'slos/config.yaml:18:30 error_budget_policies.default.steps[1].burn_rate_threshold: must be number',
      'slos/slo.yaml:10:3 spec: must have required property \'method\'',
      'slos/slo.yaml:16:9 spec.goal: must be < 1',
    ]);
  });
});
