// Small SLO specs and burn-rate alerts for the align/* tests, written the way users write them.

/** A Sloth spec: 99.9 % over http_requests_total, page alerts on (1h/5m at 14.4×, 6h/30m at 6×), ticket alerts off. */
export const slothSpec = (objective = '99.9', { service = 'api', name = 'availability' } = {}) => `version: prometheus/v1
service: ${service}
slos:
  - name: ${name}
    objective: ${objective}
    sli:
      events:
        error_query: sum(rate(http_requests_total{job="api",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{job="api"}[{{.window}}]))
    alerting:
      page_alert: {}
      ticket_alert:
        disable: true
`;

const ratio = (window: string, metric = 'http_requests_total') => `(sum(rate(${metric}{job="api",code=~"5.."}[${window}])) / sum(rate(${metric}{job="api"}[${window}])))`;

export interface BurnAlert {
  name: string;
  long: string;
  short?: string;
  factor: number;
  budget?: string;
  labels?: Record<string, string>;
  metric?: string;
}

/** One alerting rule: error ratio over the long (and short) window above factor × budget. */
export function burnAlert({ name, long, short, factor, budget = '0.001', labels = { slo: 'availability' }, metric }: BurnAlert): string {
  const condition = (window: string) => `${ratio(window, metric)} > (${factor} * ${budget})`;
  const expr = short ? `${condition(long)}\n          and\n          ${condition(short)}` : condition(long);
  return `      - alert: ${name}
        expr: |
          ${expr}
        labels:
          severity: page
${Object.entries(labels)
  .map(([k, v]) => `          ${k}: ${v}\n`)
  .join('')}`;
}

export const ruleFile = (...alerts: string[]) => `groups:
  - name: api-slo
    rules:
${alerts.join('')}`;

/** The two page alerts that implement slothSpec() exactly. */
export const alignedAlerts = [
  burnAlert({ name: 'ApiFastBurn', long: '1h', short: '5m', factor: 14.4 }),
  burnAlert({ name: 'ApiSlowBurn', long: '6h', short: '30m', factor: 6 }),
];

/** An OpenSLO v1 SLO that names its SLI and alert policy by reference. */
export const openSloSlo = (extra = '') => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout
  indicatorRef: checkout-errors
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - targetPercent: 99.9
  alertPolicies:
    - alertPolicyRef: checkout-fast-burn
${extra}`;

/** The SLI `openSloSlo` refers to. */
export const openSloSli = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-errors
spec:
  ratioMetric:
    counter: true
    bad:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m]))
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{job="checkout"}[5m]))
`;

/** One Sloth SLO with an SLI live mode can measure, its alerting off: a repository whose only findings come from the backend. */
export const MEASURED_SLO_REPOSITORY = {
  'slo/payments.yml': `version: prometheus/v1
service: payments
slos:
  - name: checkout
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{.window}}]))
    alerting:
      name: CheckoutBurn
      page_alert:
        disable: true
      ticket_alert:
        disable: true
`,
  '.slo-gate.yml': 'checks:\n  align/burn-alert-missing: "off"\n  align/dashboard-missing: "off"\n  policy/burn-windows: "off"\n',
};
