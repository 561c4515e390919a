import { describe, expect, it } from 'vitest';
import { firstTemplateError } from '../../src/lang/go-template/parse.js';
import { at, findingsOf } from '../helpers/workspace.js';

const rules = `groups:
  - name: api
    rules:
      - alert: InstanceDown
        expr: up == 0
        labels:
          severity: "{{ if gt $value 1.0 }}critical{{ else }}warning{{ end }}"
        annotations:
          summary: "Instance {{ $label.instance }} is down"
          description: |
            Queue depth is {% raw %}{{ $value }}{% endraw %}
            on {{ $labels.instance | round }}
          runbook: "https://runbooks/\${ENVIRONMENT}/instance-down"
      - record: job:up:sum
        expr: sum by (job) (up)
        labels:
          note: "{{ $nothing }}"
`;

describe('rule/template', () => {
  it('reports Go-template parse errors as errors and other template languages as warnings, at the exact character', async () => {
    const findings = await findingsOf('rule/template', { 'rules.yaml': rules });
    expect(findings.map((f) => `${at(f)} ${f.severity} ${f.message}`)).toEqual([
      'rules.yaml:9:33 error alert "InstanceDown", annotation "summary": template: undefined variable "$label"',
      'rules.yaml:12:38 error alert "InstanceDown", annotation "description": template: function "round" not defined',
      'rules.yaml:11:28 warning alert "InstanceDown", annotation "description": Jinja leftover `{% raw %}` is not rendered by Prometheus and shows up verbatim in the notification',
      'rules.yaml:13:38 warning alert "InstanceDown", annotation "runbook": shell/envsubst leftover `${ENVIRONMENT}` is not rendered by Prometheus and shows up verbatim in the notification',
    ]);
  });

  it('accepts the templates Prometheus accepts', async () => {
    const good = `groups:
  - name: api
    rules:
      - alert: InstanceDown
        expr: up == 0
        annotations:
          summary: "{{ $labels.instance }} of {{ $.Labels.job }} is down ({{ $value | humanize }})"
          description: "{{ range $i, $s := query \\"up == 0\\" }}{{ $s.Labels.instance }} {{ end }}{{/* note */}}"
          trimmed: "{{- $externalURL -}}/alerts{{ with $x := 1 }}{{ $x }}{{ end }}"
`;
    expect(await findingsOf('rule/template', { 'rules.yaml': good })).toEqual([]);
  });

  it('parses like Go: unclosed actions and strings, unbalanced blocks, scoped variables', () => {
    expect(firstTemplateError('{{ $value')).toEqual({ offset: 0, message: 'unclosed action' });
    expect(firstTemplateError('{{ printf "%.2f }}')).toEqual({ offset: 10, message: 'unterminated quoted string' });
    expect(firstTemplateError('x {{ end }}')).toEqual({ offset: 5, message: 'unexpected {{end}}' });
    expect(firstTemplateError('{{ if $value }}x')).toEqual({ offset: 3, message: 'unexpected EOF: {{if}} has no {{end}}' });
    expect(firstTemplateError('{{ if true }}{{ $y := 2 }}{{ end }}{{ $y }}')).toEqual({ offset: 38, message: 'undefined variable "$y"' });
    expect(firstTemplateError('{{ }}')).toEqual({ offset: 0, message: 'missing value for command' });
    expect(firstTemplateError('{{ if gt $value 1.0 }}high{{ else if lt $value 0.5 }}low{{ else }}ok{{ end }}')).toBeUndefined();
  });

  // Each verdict and message below is what promtool 2.42 prints for the annotation.
  it('parses {{define}}, {{template}} and {{block}} like Go: a template body sees only $', () => {
    expect(firstTemplateError('{{ define "x" }}hi {{ $.Labels.job }}{{ end }}{{ template "x" . }}')).toBeUndefined();
    expect(firstTemplateError('{{ template "x" $value }}')).toBeUndefined(); // an undefined name is an execution error, not a parse error
    expect(firstTemplateError('{{ block "x" . }}hi {{ .Value }}{{ end }}')).toBeUndefined();
    expect(firstTemplateError('{{ define "x" }}{{ range . }}{{ break }}{{ end }}{{ end }}')).toBeUndefined();
    expect(firstTemplateError('{{ define "x" }}{{ $labels.job }}{{ end }}')).toEqual({ offset: 19, message: 'undefined variable "$labels"' });
    expect(firstTemplateError('{{ $y := 1 }}{{ define "x" }}{{ $y }}{{ end }}')).toEqual({ offset: 32, message: 'undefined variable "$y"' });
    expect(firstTemplateError('{{ block "x" . }}hi {{ $value }}{{ end }}')).toEqual({ offset: 23, message: 'undefined variable "$value"' });
    expect(firstTemplateError('{{ with $x := 1 }}{{ block "b" $x }}{{ $x }}{{ end }}{{ end }}')).toEqual({ offset: 39, message: 'undefined variable "$x"' });
    expect(firstTemplateError('{{ range . }}{{ block "b" . }}{{ break }}{{ end }}{{ end }}')).toEqual({ offset: 33, message: '{{break}} outside {{range}}' });
    expect(firstTemplateError('{{ if true }}{{ define "x" }}{{ end }}{{ end }}')).toEqual({ offset: 16, message: 'unexpected <define> in command' });
    expect(firstTemplateError('{{ define }}{{ end }}')).toEqual({ offset: 3, message: 'unexpected "}}" in define clause' });
    expect(firstTemplateError('{{ define "x" . }}{{ end }}')).toEqual({ offset: 14, message: 'unexpected <.> in define clause' });
    expect(firstTemplateError('{{ define "x" }}a{{ else }}b{{ end }}')).toEqual({ offset: 20, message: 'unexpected {{else}} in define clause' });
    expect(firstTemplateError('{{ define "x" }}a')).toEqual({ offset: 3, message: 'unexpected EOF: {{define}} has no {{end}}' });
    expect(firstTemplateError('{{ template }}')).toEqual({ offset: 3, message: 'unexpected "}}" in template clause' });
    expect(firstTemplateError('{{ template .Name }}')).toEqual({ offset: 12, message: 'unexpected ".Name" in template clause' });
    expect(firstTemplateError("{{ template 'x' }}")).toEqual({ offset: 12, message: 'unexpected "\'x\'" in template clause' });
    expect(firstTemplateError('{{ template 12345678901234 }}')).toEqual({ offset: 12, message: 'unexpected "1234567890"... in template clause' });
    expect(firstTemplateError('{{ block "x" }}{{ end }}')).toEqual({ offset: 3, message: 'missing value for block clause' });
  });
});
