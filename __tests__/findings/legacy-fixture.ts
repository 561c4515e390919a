// A small "legacy" monitoring repository with findings of several checks, for the adoption tests
// (suppressions, baseline). Every defect is deliberate; the tests say which check finds which.

export const RULES = `groups:
  - name: legacy
    rules:
      - alert: HighErrorRate
        expr: rate(http_errors_total[5m]) / rate(http_requests_total[5m] > 0.05
        labels:
          severity: critical
      - alert: InstanceSeen
        expr: up{job="api"}
        labels:
          severity: warning
  - name: second
    rules:
      - alert: DiskFull
        expr: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1
        labels:
          severity: warning
`;

export const POLICY = `apiVersion: slo/v1
kind: SLOPolicy
metadata:
  name: legacy
spec:
  slos:
    - name: checkout-availability
      objective: 99.0
      window: 30d
`;

export const DASHBOARD = JSON.stringify({ title: 'Legacy', panels: [{ id: 1, type: 'timeseries', title: 'Errors', targets: [{ expr: 'sum(rate(http_errors_total[5m]))' }] }] }, null, 2);

/** The team's own requirement: every alert carries a summary (slo-gate requires none by default). */
export const CONFIG = 'alerts:\n  required-annotations: [summary]\n';

export function legacyRepository(): Record<string, string> {
  return { 'rules/legacy.yml': RULES, 'slo/policy.yml': POLICY, 'dashboards/legacy.json': DASHBOARD, '.slo-gate.yml': CONFIG };
}
