// A small monitoring repository: two SLOs, their alerts and dashboard, and a legacy rule file
// with defects that were there long before any pull request.

export const SLO_POLICY = `apiVersion: slo/v1
kind: SLOPolicy
slos:
  - name: api-availability
    target: 0.999
    window: 30d
    indicator:
      type: availability
  - name: api-latency
    target: 0.95
    window: 30d
    indicator:
      type: latency
      threshold: 500ms
      percentile: 99
reporting:
  dashboards:
    - dashboards/api.json
`;

export const PAGE_ALERT = `      - alert: ApiAvailabilityBurnRate
        expr: sum(rate(http_requests_total{code=~"5.."}[1h])) / sum(rate(http_requests_total[1h])) > (14.4 * (1 - 0.999))
        for: 2m
        labels:
          severity: page
          slo: api-availability
        annotations:
          summary: The API is spending its error budget 14.4 times too fast
`;

export const latencyAlert = (threshold: string) => `      - alert: ApiLatencyHigh
        expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > ${threshold}
        for: 5m
        labels:
          severity: page
          slo: api-latency
        annotations:
          summary: 99th percentile latency is above the SLO
`;

export const sloAlerts = (options: { page?: boolean; latencyThreshold?: string } = {}) => `groups:
  - name: api-slo
    rules:
${options.page === false ? '' : PAGE_ALERT}      - alert: ApiAvailabilityBurnRate
        expr: sum(rate(http_requests_total{code=~"5.."}[6h])) / sum(rate(http_requests_total[6h])) > (6 * (1 - 0.999))
        for: 15m
        labels:
          severity: ticket
          slo: api-availability
        annotations:
          summary: The API is spending its error budget 6 times too fast
${latencyAlert(options.latencyThreshold ?? '0.5')}`;

/** Three broken queries and two alerts without a summary: findings the base already has. */
export const LEGACY_RULES = `groups:
  - name: legacy
    rules:
      - alert: DiskFull
        expr: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.05 and
        labels:
          severity: ticket
      - alert: QueueBacklog
        expr: sum(rate(queue_messages_total[5m]) > 100
        labels:
          severity: ticket
      - alert: CronMissed
        expr: time() - cron_last_success_timestamp_seconds >
        labels:
          severity: ticket
        annotations:
          summary: A cron job did not run
`;

export const DASHBOARD = JSON.stringify(
  {
    uid: 'api-slo',
    title: 'API SLO',
    panels: [
      {
        id: 1,
        type: 'timeseries',
        title: 'Error ratio',
        datasource: { type: 'prometheus', uid: 'prom' },
        targets: [{ refId: 'A', datasource: { type: 'prometheus', uid: 'prom' }, expr: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))' }],
      },
    ],
  },
  null,
  2,
);

export const BASE_FILES: Record<string, string> = {
  'slo/api.yaml': SLO_POLICY,
  'rules/slo-alerts.yml': sloAlerts(),
  'rules/legacy.yml': LEGACY_RULES,
  'dashboards/api.json': DASHBOARD,
};
