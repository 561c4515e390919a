import { describe, expect, it } from 'vitest';
import { at, findingsOf } from '../helpers/workspace.js';

const rules = `groups:
  - name: api
    rules:
      - alert: NoLabels
        expr: up == 0
      - alert: WrongSeverity
        expr: up == 0
        labels:
          severity: page
        annotations:
          summary: down
      - alert: Templated
        expr: up == 0
        labels:
          severity: "{{ $labels.severity }}"
        annotations:
          summary: down
      - record: job:up:sum
        expr: sum by (job) (up)
`;

describe('alert/required', () => {
  it('reports the default requirements: a severity label and a summary annotation', async () => {
    const findings = await findingsOf('alert/required', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yaml:4:16 alert "NoLabels" has no severity label',
      'rules.yaml:4:16 alert "NoLabels" has no summary annotation',
    ]);
  });

  it('reports label values outside the configured ones, but not templated values', async () => {
    const findings = await findingsOf(
      'alert/required',
      { 'rules.yaml': rules },
      { requiredLabels: { severity: ['critical', 'warning', 'info'] }, requiredAnnotations: ['summary', 'runbook_url'] },
    );
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'rules.yaml:4:16 alert "NoLabels" has no severity label (one of critical, warning, info)',
      'rules.yaml:4:16 alert "NoLabels" has no summary annotation',
      'rules.yaml:4:16 alert "NoLabels" has no runbook_url annotation',
      'rules.yaml:9:21 alert "WrongSeverity": severity "page" is not one of critical, warning, info',
      'rules.yaml:6:16 alert "WrongSeverity" has no runbook_url annotation',
      'rules.yaml:12:16 alert "Templated" has no runbook_url annotation',
    ]);
  });
});
