import type { ModelCheck } from '../check.js';

// Prometheus 2 (and Prometheus 3 with legacy name validation) accept only these.
const LEGACY_METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export const ruleRecordName: ModelCheck = {
  meta: {
    id: 'rule/record-name',
    severity: 'error',
    kind: 'model',
    description: 'A recording-rule name Prometheus rejects (braces: a selector pasted as the name), or a UTF-8 name only Prometheus 3 accepts (warning).',
    docs: 'docs/checks/rule/record-name.md',
  },
  run({ model }, context) {
    for (const rule of model.rules) {
      if (rule.kind !== 'record' || rule.name === '') continue; // rule/schema reports a missing name
      const at = { file: rule.file, ...rule.namePosition, subject: `${rule.group}/${rule.name}` };
      if (rule.name.includes('{') || rule.name.includes('}')) {
        context.report({ ...at, message: `invalid recording rule name: ${rule.name} (braces belong in expr, not in the name)` });
      } else if (!LEGACY_METRIC_NAME.test(rule.name)) {
        context.report({
          ...at,
          severity: 'warning',
          message: `recording rule name "${rule.name}" needs Prometheus 3 (UTF-8 names); Prometheus 2 rejects the whole file`,
        });
      }
    }
  },
};
