import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('rule/duplicate', () => {
  it('reports the same alert name and labels across files, and the same recording rule', async () => {
    const api = `groups:
  - name: api
    rules:
      - alert: HighErrorRate
        expr: job:errors:ratio_rate5m > 0.01
        labels: { severity: critical, team: api }
      - record: job:errors:ratio_rate5m
        expr: sum by (job) (rate(errors_total[5m])) / sum by (job) (rate(requests_total[5m]))
      - record: job:errors:ratio_rate5m
        expr: sum by (job) (rate(errors_total[5m])) / sum by (job) (rate(requests_total[5m]))
`;
    const slo = `groups:
  - name: slo
    rules:
      - alert: HighErrorRate
        expr: job:errors:ratio_rate1h > 0.0144
        labels: { team: api, severity: critical }
`;
    const findings = await findingsOf('rule/duplicate', { 'alerts/api.yaml': api, 'alerts/slo.yaml': slo });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'alerts/api.yaml:9:17 recording rule "job:errors:ratio_rate5m" with the same name and no labels is already defined at line 7 (group "api")',
      'alerts/slo.yaml:4:16 alerting rule "HighErrorRate" with the same name and labels {severity="critical", team="api"} is already defined at alerts/api.yaml:4 (group "api")',
    ]);
  });

  it('notes one alert name reused in another file for another alert', async () => {
    const api = `groups:
  - name: api
    rules:
      - alert: ErrorBudgetExhausted
        expr: job:slo_errors:ratio_rate30d > 0.001
        labels: { severity: critical }
`;
    const slo = `groups:
  - name: slo
    rules:
      - alert: ErrorBudgetExhausted
        expr: job:slo_budget_remaining:ratio < 0.1
        labels: { severity: warning }
`;
    const findings = await findingsOf('rule/duplicate', { 'api.yaml': api, 'slo.yaml': slo });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'slo.yaml:4:16 notice alert "ErrorBudgetExhausted" is also the name of another alert, with other labels and expression, at api.yaml:4; silences, inhibitions and routes that match alertname catch both',
    ]);
  });

  it('accepts tiers of one alert told apart by their labels, and one group recording a series from several queries', async () => {
    const rules = `groups:
  - name: api
    rules:
      - record: code:requests:increase1h
        expr: sum by (code) (increase(requests_total{code=~"2.."}[1h]))
      - record: code:requests:increase1h
        expr: sum by (code) (increase(requests_total{code=~"5.."}[1h]))
      - alert: HighErrorRate
        expr: job:errors:ratio_rate5m > 0.05
        labels: { severity: critical }
      - alert: HighErrorRate
        expr: job:errors:ratio_rate5m > 0.01
        labels: { severity: warning }
`;
    expect(await findingsOf('rule/duplicate', { 'rules.yaml': rules })).toEqual([]);
  });
});
