import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

describe('alert/for', () => {
  it('reports an unreadable duration as an error and a for shorter than the group interval as a warning', async () => {
    const rules = `groups:
  - name: api
    interval: 1m
    rules:
      - alert: Short
        expr: job:errors:ratio_rate5m > 0.01
        for: 30s
      - alert: Fractional
        expr: job:errors:ratio_rate5m > 0.05
        for: 2m
        keep_firing_for: 1.5m
`;
    const findings = await findingsOf('alert/for', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'rules.yaml:7:14 warning alert "Short": for: 30s is shorter than the interval of group "api" (1m): the alert waits a whole interval anyway, so it means for: 1m',
      'rules.yaml:11:26 error alert "Fractional": keep_firing_for: "1.5m" is not a duration Prometheus reads (a whole number and a unit, largest first: 90s, 1m30s, 5m)',
    ]);
  });

  it('uses the configured evaluation interval for groups without one', async () => {
    const rules = `groups:
  - name: api
    rules:
      - alert: Short
        expr: up == 0
        for: 1m
`;
    const findings = await findingsOf('alert/for', { 'rules.yaml': rules }, { evaluationIntervalSeconds: 120 });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yaml:6:14 alert "Short": for: 1m is shorter than the evaluation interval (2m, `evaluation-interval` in .slo-gate.yml): the alert waits a whole interval anyway, so it means for: 2m',
    ]);
  });

  it('accepts for: 0s and a for of at least one interval', async () => {
    const rules = `groups:
  - name: api
    interval: 30s
    rules:
      - alert: AtOnce
        expr: up == 0
        for: 0s
      - alert: Later
        expr: up == 0
        for: 1m30s
        keep_firing_for: 5m
`;
    expect(await findingsOf('alert/for', { 'rules.yaml': rules })).toEqual([]);
  });
});
