import type { CheckContext, DocumentCheck } from '../check.js';
import type { ParsedDocument, PathSegment } from '../../parse/document.js';
import { record, text } from '../../formats/values.js';
import { placeOffset } from '../../model/placement.js';
import { firstTemplateError } from '../../lang/go-template/parse.js';
import { rawRules, ruleLabel } from './raw-rules.js';

// Syntax of other template languages that Go's parser takes for plain text (so Prometheus loads
// the rule) and then prints verbatim into the notification.
const LEFTOVERS: { pattern: RegExp; what: string }[] = [
  { pattern: /\{%-?\s*\w+[^%]*%\}/, what: 'Jinja' },
  { pattern: /\{#[^#]*#\}/, what: 'Jinja comment' },
  { pattern: /\{\{-?\s*["`]\{\{["`]\s*-?\}\}/, what: 'Helm escaping' },
  { pattern: /\{\{[^}]*\.(Values|Release|Chart|Capabilities|Files)\b/, what: 'Helm' },
  { pattern: /\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-=?+][^}]*)?\}/, what: 'shell/envsubst' },
];

export const ruleTemplate: DocumentCheck = {
  meta: {
    id: 'rule/template',
    severity: 'error',
    kind: 'document',
    description: 'Alert labels and annotations that Go templates cannot parse (error), or that hold Jinja, Helm or ${VAR} leftovers (warning).',
    docs: 'docs/checks/rule/template.md',
    documentKinds: ['rule-file', 'prometheus-rule'],
  },
  run({ file, kind, doc }, context) {
    for (const rule of rawRules(kind, doc.value)) {
      for (const field of ['labels', 'annotations'] as const) {
        for (const [key, raw] of Object.entries(record(rule.value[field]))) {
          const value = text(raw);
          if (value === undefined || (!value.includes('{') && !value.includes('$'))) continue;
          const where = `${ruleLabel(rule)}, ${field === 'labels' ? 'label' : 'annotation'} "${key}"`;
          checkValue(value, [...rule.path, field, key], rule.kind === 'alert', where, { file, doc, context, subject: `${rule.group}/${rule.name}/${field}.${key}` });
        }
      }
    }
  },
};

function checkValue(
  value: string,
  path: PathSegment[],
  templated: boolean,
  where: string,
  at: { file: string; doc: ParsedDocument; context: CheckContext; subject: string },
): void {
  const position = (offset: number) => placeOffset(at.doc.placementOf(path), offset);
  // Prometheus expands templates in alerting rules only; a recording rule's labels are literal.
  const error = templated ? firstTemplateError(value) : undefined;
  if (error) at.context.report({ file: at.file, ...position(error.offset), subject: at.subject, message: `${where}: template: ${error.message}` });
  if (!/\{[%#{]|\$\{/.test(value)) return;
  for (const { pattern, what } of LEFTOVERS) {
    const match = pattern.exec(value);
    if (!match) continue;
    at.context.report({
      file: at.file,
      ...position(match.index),
      severity: 'warning',
      subject: at.subject,
      message: `${where}: ${what} leftover \`${truncate(match[0])}\` is not rendered by Prometheus and shows up verbatim in the notification`,
    });
  }
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
