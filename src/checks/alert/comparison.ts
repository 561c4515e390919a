import type { ModelCheck } from '../check.js';

// Alerts that are meant to fire when something is missing, not when a value crosses a line.
const ABSENCE_FUNCTIONS = new Set(['absent', 'absent_over_time']);
const SET_FILTER = /\b(and|unless)\b/;

export const alertComparison: ModelCheck = {
  meta: {
    id: 'alert/comparison',
    severity: 'warning',
    kind: 'model',
    description: 'An alerting expression without a comparison (or only `bool` ones), which fires whenever the series exists.',
    docs: 'docs/checks/alert/comparison.md',
  },
  run({ model }, context) {
    for (const rule of model.rules) {
      if (rule.kind !== 'alert') continue;
      const { errors, facts } = rule.expr.analysis;
      if (errors.length > 0) continue;
      if (facts.comparisons.some((c) => !c.bool)) continue;
      if (facts.functions.some((fn) => ABSENCE_FUNCTIONS.has(fn))) continue;
      // No selector at all (`vector(1)`): an always-firing heartbeat such as Watchdog, on purpose.
      if (facts.selectors.length === 0) continue;
      // `and` / `unless` filter one side by the other: `x offset 1h unless x` fires when x vanished.
      if (SET_FILTER.test(rule.expr.text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""'))) continue;
      const onlyBool = facts.comparisons.length > 0;
      context.report({
        file: rule.file,
        ...rule.expr.position,
        subject: `${rule.group}/${rule.name}`,
        message: onlyBool
          ? `alert "${rule.name}" compares with bool, which returns 0 or 1 for every series instead of filtering: it fires whenever the series exists`
          : `alert "${rule.name}" has no comparison in its expression: it fires whenever the series exists`,
      });
    }
  },
};
