import type { ModelCheck } from '../check.js';
import { metricsqlFiles } from './metricsql.js';
import { queryPosition } from '../../model/placement.js';
import { rootCauseErrors } from './root-causes.js';

export const promqlSyntax: ModelCheck = {
  meta: {
    id: 'promql/syntax',
    severity: 'error',
    kind: 'model',
    description: 'A rule expression that Prometheus cannot parse, or that fails its semantic checks (argument types and counts, bool, regexes, durations).',
    docs: 'docs/checks/promql/syntax.md',
  },
  run({ model }, context) {
    const metricsql = metricsqlFiles(model.rules);
    for (const rule of model.rules) {
      const errors = rule.expr.analysis.errors;
      if (errors.length === 0) continue;
      const subject = `${rule.group}/${rule.name}`;
      const dialect = metricsql.get(rule.file);
      if (dialect !== undefined) {
        // One finding per rule: the rest are the same dialect difference.
        context.report({
          file: rule.file,
          ...queryPosition(rule.expr, errors[0].from),
          severity: 'warning',
          subject,
          message: `${rule.kind} "${rule.name}": not PromQL (${errors[0].message}); this file uses MetricsQL (${dialect}), which VictoriaMetrics' vmalert reads and Prometheus rejects`,
        });
        continue;
      }
      for (const error of rootCauseErrors(errors)) {
        context.report({
          file: rule.file,
          // An error at the end of input points after the last character, not at a trailing newline.
          ...queryPosition(rule.expr, Math.min(error.from, rule.expr.text.trimEnd().length)),
          subject,
          message: `${rule.kind} "${rule.name}": could not parse expression: ${error.message}`,
        });
      }
    }
  },
};
