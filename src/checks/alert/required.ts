import type { ModelCheck } from '../check.js';
import { configOptions } from '../options.js';

export const alertRequired: ModelCheck = {
  meta: {
    id: 'alert/required',
    severity: 'warning',
    kind: 'model',
    description: 'An alerting rule without the labels and annotations the config requires (default: a severity label; annotations only when configured), or with a label value outside the allowed ones.',
    docs: 'docs/checks/alert/required.md',
    options: configOptions('alerts.required-labels', 'alerts.required-annotations'),
  },
  run({ model }, context) {
    const { requiredLabels, requiredAnnotations } = context.config;
    for (const rule of model.rules) {
      if (rule.kind !== 'alert') continue;
      const subject = `${rule.group}/${rule.name}`;
      const at = { file: rule.file, ...rule.namePosition, subject };
      for (const [label, allowed] of Object.entries(requiredLabels)) {
        const field = rule.labels[label];
        if (!field) {
          context.report({ ...at, message: `alert "${rule.name}" has no ${label} label${allowed.length ? ` (one of ${allowed.join(', ')})` : ''}` });
        } else if (allowed.length > 0 && !allowed.includes(field.value) && !field.value.includes('{{')) {
          context.report({ file: rule.file, ...field.position, subject, message: `alert "${rule.name}": ${label} "${field.value}" is not one of ${allowed.join(', ')}` });
        }
      }
      for (const annotation of requiredAnnotations) {
        if (!rule.annotations[annotation]) context.report({ ...at, message: `alert "${rule.name}" has no ${annotation} annotation` });
      }
    }
  },
};
