import { describe, expect, it } from 'vitest';
import { hasTemplateSyntax, PLACEHOLDER_MARK, tolerantText } from '../../src/parse/template.js';

const lines = (text: string) => text.split('\n');

describe('template-tolerant text', () => {
  it('blanks control lines, replaces value actions with same-length placeholders, and keeps every position', () => {
    const template = [
      '{{- if .Values.enabled }}',
      'metadata:',
      '  name: {{ include "x.fullname" . }}-rules',
      '  labels:',
      '    {{- include "x.labels" . | nindent 4 }}',
      '  summary: {{`{{ $value }}`}} and {{ "{{" }}x{{ "}}" }}',
      '{{- end }}',
    ].join('\n');
    const result = tolerantText(template);
    if (!result.ok) throw new Error(result.message);
    expect(result.text.length).toBe(template.length);
    expect(lines(result.text).map((line) => line.length)).toEqual(lines(template).map((line) => line.length));
    expect(lines(result.text)[0].trim()).toBe('');
    expect(lines(result.text)[2]).toBe(`  name: ${PLACEHOLDER_MARK}${'_'.repeat('{{ include "x.fullname" . }}'.length - PLACEHOLDER_MARK.length)}-rules`);
    expect(lines(result.text)[4].trim()).toBe('');
    expect(lines(result.text)[5]).toMatch(/^ {2}summary: __tpl_+ and __tpl_+x__tpl_+$/);
    // The include on its own line emitted YAML structure: it is remembered, the if/end are not.
    expect(result.elided).toEqual([template.indexOf('{{- include "x.labels"')]);
    expect(result.placeholders.map(([from, to]) => template.slice(from, to))).toEqual([
      '{{ include "x.fullname" . }}',
      '{{`{{ $value }}`}}',
      '{{ "{{" }}',
      '{{ "}}" }}',
    ]);
  });

  it('reads Jinja tags and comments, and multi-line actions without moving the lines after them', () => {
    const template = '{% for s in services %}\n- name: {{ s.name\n    | upper }}\n{# note #}\n{% endfor %}\nafter: 1\n';
    const result = tolerantText(template);
    if (!result.ok) throw new Error(result.message);
    expect(lines(result.text)).toEqual([' '.repeat(23), '- name: __tpl____', '_'.repeat(14), ' '.repeat(10), ' '.repeat(12), 'after: 1', '']);
  });

  it('fails on an action that is never closed, where it opens', () => {
    const result = tolerantText('a: 1\nb: {{ .Values.x\n');
    expect(result).toEqual({ ok: false, offset: 8, message: 'template action opened here is never closed' });
  });

  it('sees template syntax where YAML structure would be, not inside ordinary values', () => {
    expect(hasTemplateSyntax('{{- if .Values.x }}\na: 1\n')).toBe(true);
    expect(hasTemplateSyntax('a: {{ .Values.x }}\n')).toBe(true);
    expect(hasTemplateSyntax('{% for x in y %}\n')).toBe(true);
    expect(hasTemplateSyntax('summary: "Instance {{ $labels.instance }} is down"\n')).toBe(false);
  });
});
