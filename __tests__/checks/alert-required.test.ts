import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
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
  it('requires a severity label and no annotation by default', async () => {
    const findings = await findingsOf('alert/required', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual(['rules.yaml:4:16 alert "NoLabels" has no severity label']);
  });

  it('requires summary, description and runbook_url with the recommended preset', async () => {
    const config = parseConfig('alerts:\n  required-annotations: recommended\n', '.slo-gate.yml');
    expect(config.requiredAnnotations).toEqual(['summary', 'description', 'runbook_url']);
    const findings = await findingsOf('alert/required', { 'rules.yaml': rules }, config);
    expect(findings.filter((f) => f.message.includes('"Templated"')).map((f) => f.message)).toEqual([
      'alert "Templated" has no description annotation',
      'alert "Templated" has no runbook_url annotation',
    ]);
    expect(() => parseConfig('alerts:\n  required-annotations: all\n', '.slo-gate.yml')).toThrow(/required-annotations/);
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
