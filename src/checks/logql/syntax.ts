import type { ModelCheck } from '../check.js';
import { queryPosition } from '../../model/placement.js';

export const logqlSyntax: ModelCheck = {
  meta: {
    id: 'logql/syntax',
    severity: 'error',
    kind: 'model',
    description: "A Loki ruler rule whose expression does not parse as LogQL (Grafana's own LogQL grammar).",
    docs: 'docs/checks/logql/syntax.md',
  },
  run({ model }, context) {
    for (const rule of model.logqlRules) {
      for (const error of rule.expr.analysis.errors) {
        context.report({
          file: rule.file,
          ...queryPosition(rule.expr, error.from),
          subject: `${rule.group}/${rule.name}`,
          message: `Loki ${rule.kind} "${rule.name}": could not parse LogQL expression: ${error.message}`,
        });
      }
    }
  },
};
