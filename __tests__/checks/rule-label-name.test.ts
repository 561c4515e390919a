import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('rule/label-name', () => {
  it('reports __name__ and empty names as errors, UTF-8 names as Prometheus 2 warnings, at the key', async () => {
    const rules = `groups:
  - name: api
    labels:
      team.name: api
    rules:
      - alert: HighErrorRate
        expr: job:errors:ratio_rate5m > 0.01
        labels:
          __name__: errors
          on-call: team-api
          severity: critical
        annotations:
          "": empty
          summary: Errors
`;
    const findings = await findingsOf('rule/label-name', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'rules.yaml:4:7 warning group "api": label name "team.name" needs Prometheus 3 (UTF-8 names); Prometheus 2 rejects the whole file',
      'rules.yaml:9:11 error alert "HighErrorRate": invalid label name: __name__',
      'rules.yaml:10:11 warning alert "HighErrorRate": label name "on-call" needs Prometheus 3 (UTF-8 names); Prometheus 2 rejects the whole file',
      'rules.yaml:13:11 error alert "HighErrorRate": invalid annotation name: (empty)',
    ]);
  });

  it('accepts legacy names, and __name__ as an annotation', async () => {
    const rules = `groups:
  - name: api
    rules:
      - alert: A
        expr: up == 0
        labels: { severity: critical, _team: api }
        annotations: { summary: down, __name__: fine }
`;
    expect(await findingsOf('rule/label-name', { 'rules.yaml': rules })).toEqual([]);
  });
});
