import { describe, expect, it } from 'vitest';
import { at, check, findingsOf } from '../helpers/workspace.js';

describe('rule files in ConfigMaps', () => {
  it('reads a rule file carried in a ConfigMap and reports its defects at their line in the embedded text', async () => {
    const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-alerts
  labels: { role: alert-rules }
data:
  settings.yaml: |
    retries: 3
  alerts.yaml: |
    groups:
      - name: api
        rules:
          - alert: ApiErrors
            expr: sum(rate(http_requests_total{code=~"5.."}[5m]) by (job) > 1
            for: 5m
            labels: { severity: page }
            annotations: { summary: errors }
          - alert: ApiDown
            expr: up{job="api"} == 0
            labels: { severity: page }
            annotations: { summary: down }
            lables: { team: api }
`;
    const result = await check({ 'cm.yaml': configMap });
    expect(result.linked.model.files[0].kinds).toEqual(['configmap', 'rule-file']);
    expect(result.linked.model.rules.map((r) => `${r.name} ${at({ ...r.position, file: r.file, check: '', severity: 'error', message: '' })}`)).toEqual(['ApiErrors cm.yaml:13:13', 'ApiDown cm.yaml:18:13']);
    const found = result.findings.filter((f) => f.check === 'promql/syntax' || f.check === 'rule/schema').sort((a, b) => a.line! - b.line!);
    expect(found.map((f) => `${f.check} ${at(f)} ${f.message}`)).toEqual([
      'promql/syntax cm.yaml:14:66 alert "ApiErrors": could not parse expression: unexpected <by> in aggregation',
      'rule/schema cm.yaml:22:13 group "api", rule 2, "ApiDown": field lables not found in rule',
    ]);
  });

  it('reports an embedded rule file that does not parse as YAML, and leaves other entries alone', async () => {
    const configMap = `apiVersion: v1
kind: ConfigMapList
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: rules }
    data:
      app.conf: "groups: [not, yaml"
      rules.yaml: |
        groups:
          - name: x
            rules: [
`;
    const findings = await findingsOf('file/parse', { 'list.yaml': configMap });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual(['list.yaml:13:9 rule file rules.yaml: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });
});

describe('Loki ruler rules', () => {
  const lokiRules = `groups:
  - name: checkout-logs
    rules:
      - alert: CheckoutPanics
        expr: sum by (pod) (count_over_time({app="checkout"} |= "panic" [5m])) > 0
        for: 1m
      - alert: CheckoutTimeouts
        expr: sum(rate({app="checkout" |= "timeout" [5m])) > 1
      - record: checkout:lines:rate1m
        expr: sum(rate({app="checkout"}[1m]))
`;

  it('validates rules in a Loki ruler layout as LogQL, never as PromQL', async () => {
    const result = await check({ 'loki/rules/tenant-a/checkout.yaml': lokiRules });
    expect(result.linked.model.rules).toEqual([]);
    expect(result.linked.model.logqlRules.map((r) => r.name)).toEqual(['CheckoutPanics', 'CheckoutTimeouts', 'checkout:lines:rate1m']);
    const found = result.findings.filter((f) => /^(promql|logql|alert)\//.test(f.check));
    expect(found.map((f) => `${f.check} ${at(f)} ${f.message}`)).toEqual([
      'logql/syntax loki/rules/tenant-a/checkout.yaml:8:40 Loki alert "CheckoutTimeouts": could not parse LogQL expression: syntax error: unexpected "|="',
    ]);
  });

  it('reads a ConfigMap labelled for the Loki ruler, and a marked PrometheusRule, as LogQL', async () => {
    const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: checkout-loki-rules
  labels: { loki_rule: "1" }
data:
  checkout.yaml: |
    groups:
      - name: checkout
        rules:
          - alert: Panics
            expr: count_over_time({app="checkout"} |= "panic" [5m] > 0
`;
    const prometheusRule = `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: logs
  labels: { loki_rule: "true" }
spec:
  groups:
    - name: logs
      rules:
        - alert: NoLogs
          expr: absent_over_time({app="checkout"}[15m])
`;
    const result = await check({ 'cm.yaml': configMap, 'pr.yaml': prometheusRule });
    expect(result.linked.model.rules).toEqual([]);
    expect(result.findings.filter((f) => f.check === 'logql/syntax').map((f) => `${at(f)} ${f.message}`)).toEqual([
      'cm.yaml:12:68 Loki alert "Panics": could not parse LogQL expression: syntax error: unexpected ">"',
    ]);
  });

  it("reads the Loki Operator's AlertingRule resources as LogQL", async () => {
    const resource = `apiVersion: loki.grafana.com/v1
kind: AlertingRule
metadata: { name: checkout }
spec:
  tenantID: application
  groups:
    - name: checkout
      interval: 1m
      rules:
        - alert: CheckoutErrors
          expr: sum(rate({kubernetes_namespace_name="checkout"} |= "error" [5m])) by (pod > 1
          for: 5m
`;
    const result = await check({ 'operator/rules.yaml': resource });
    expect(result.linked.model.files[0].kinds).toEqual(['loki-rule']);
    expect(result.linked.model.rules).toEqual([]);
    expect(result.findings.map((f) => `${f.check} ${at(f)} ${f.message}`)).toEqual([
      'logql/syntax operator/rules.yaml:11:91 Loki alert "CheckoutErrors": could not parse LogQL expression: syntax error: unexpected ">"',
    ]);
  });

  it('keeps PromQL alerts about Loki (a mixin under loki/) as PromQL', async () => {
    const mixin = `groups:
  - name: loki_alerts
    rules:
      - alert: LokiRequestErrors
        expr: sum by (job) (rate(loki_request_duration_seconds_count{status_code=~"5.."}[2m])) > 10
`;
    const result = await check({ 'loki/mixin/alerts.yaml': mixin });
    expect(result.linked.model.rules.map((r) => r.name)).toEqual(['LokiRequestErrors']);
    expect(result.linked.model.logqlRules).toEqual([]);
  });
});

describe('Thanos Ruler files', () => {
  const thanosRules = `groups:
  - name: api
    partial_response_strategy: warn
    rules:
      - alert: ApiDown
        expr: up{job="api"} == 0
  - name: batch
    partial_response_strategy: retry
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
`;

  it('accepts partial_response_strategy where the file uses it, and checks its value as Thanos does', async () => {
    const findings = await findingsOf('rule/schema', { 'thanos.yaml': thanosRules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual(['thanos.yaml:8:32 Thanos Ruler: partial_response_strategy must be warn or abort, not "retry"']);
  });

  it('is promtool-strict with rule-dialect: prometheus', async () => {
    const findings = await findingsOf('rule/schema', { 'thanos.yaml': thanosRules }, { ruleDialect: 'prometheus' });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'thanos.yaml:3:5 field partial_response_strategy not found in rule group (a Thanos Ruler field; Prometheus refuses it, and rule-dialect is prometheus)',
      'thanos.yaml:8:5 field partial_response_strategy not found in rule group (a Thanos Ruler field; Prometheus refuses it, and rule-dialect is prometheus)',
    ]);
  });
});
