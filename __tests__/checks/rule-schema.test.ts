import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('rule/schema', () => {
  it('reports structure Prometheus refuses to load', async () => {
    const rules = `groups:
  - name: a
    rules:
      - record: job:up:sum
        expr: sum(up)
        for: 5m
      - alert: Both
        record: both
        expr: up == 0
      - alert: NoExpr
      - expr: up
      - alert: Typo
        expr: up == 0
        annotation:
          summary: x
  - name: a
    rules: []
`;
    const findings = await findingsOf('rule/schema', { 'rules.yml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yml:6:9 group "a", rule 1, "job:up:sum": invalid field \'for\' in recording rule',
      'rules.yml:8:9 group "a", rule 2, "Both": only one of \'record\' and \'alert\' must be set',
      'rules.yml:10:9 group "a", rule 3, "NoExpr": field \'expr\' must be set in rule',
      "rules.yml:11:9 group \"a\", rule 4: one of 'record' or 'alert' must be set",
      'rules.yml:14:9 group "a", rule 5, "Typo": field annotation not found in rule',
      'rules.yml:16:11 groupname: "a" is repeated in the same file',
    ]);
  });

  it('checks PrometheusRule resources under spec.groups', async () => {
    const resource = `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: { name: x }
spec:
  groups:
    - name: g
      rules:
        - alert: A
`;
    const findings = await findingsOf('rule/schema', { 'pr.yaml': resource });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual(['pr.yaml:8:11 group "g", rule 1, "A": field \'expr\' must be set in rule']);
  });

  it('accepts a valid file', async () => {
    const rules = 'groups:\n  - name: a\n    interval: 30s\n    rules:\n      - alert: Down\n        expr: up == 0\n        for: 5m\n        labels: { severity: page }\n';
    expect(await findingsOf('rule/schema', { 'rules.yml': rules })).toEqual([]);
  });
});
