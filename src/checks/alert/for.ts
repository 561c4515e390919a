import type { CheckContext, ModelCheck } from '../check.js';
import { configOptions } from '../options.js';
import { formatDuration, parseDuration } from '../../model/units.js';
import type { Rule, StringField } from '../../model/types.js';

export const alertFor: ModelCheck = {
  meta: {
    id: 'alert/for',
    severity: 'warning',
    kind: 'model',
    description: 'An invalid for/keep_firing_for duration (error: Prometheus rejects the file), or a for shorter than the group evaluation interval.',
    docs: 'docs/checks/alert/for.md',
    options: configOptions('evaluation-interval'),
  },
  run({ model }, context) {
    for (const rule of model.rules) {
      if (rule.kind !== 'alert') continue;
      const forSeconds = rule.for ? parseDuration(rule.for.value) : undefined;
      if (rule.for && forSeconds === undefined) reportUnreadable(context, rule, 'for', rule.for);
      if (rule.keepFiringFor && parseDuration(rule.keepFiringFor.value) === undefined) reportUnreadable(context, rule, 'keep_firing_for', rule.keepFiringFor);
      const interval = rule.groupIntervalSeconds ?? context.config.evaluationIntervalSeconds;
      if (rule.for && forSeconds !== undefined && forSeconds > 0 && forSeconds < interval) {
        const source = rule.groupIntervalSeconds !== undefined ? `the interval of group "${rule.group}" (${formatDuration(interval)})` : `the evaluation interval (${formatDuration(interval)}, \`evaluation-interval\` in .slo-gate.yml)`;
        context.report({
          file: rule.file,
          ...rule.for.position,
          subject: `${rule.group}/${rule.name}`,
          message: `alert "${rule.name}": for: ${rule.for.value} is shorter than ${source}: the alert waits a whole interval anyway, so it means for: ${formatDuration(interval)}`,
        });
      }
    }
  },
};

/** A for or keep_firing_for Prometheus rejects: it will not load the file. */
function reportUnreadable(context: CheckContext, rule: Rule, key: string, field: StringField): void {
  context.report({
    file: rule.file,
    ...field.position,
    severity: 'error',
    subject: `${rule.group}/${rule.name}`,
    message: `alert "${rule.name}": ${key}: "${field.value}" is not a duration Prometheus reads (a whole number and a unit, largest first: 90s, 1m30s, 5m)`,
  });
}
