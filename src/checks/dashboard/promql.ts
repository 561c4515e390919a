import type { ModelCheck } from '../check.js';
import { dashboardName, promqlTargets } from './queries.js';
import { queryPosition } from '../../model/placement.js';
import { rootCauseErrors } from '../promql/root-causes.js';

export const dashboardPromql: ModelCheck = {
  meta: {
    id: 'dashboard/promql',
    severity: 'error',
    kind: 'model',
    description: 'A panel query that does not parse as PromQL once Grafana variables are substituted: the panel shows "No data" or an error.',
    docs: 'docs/checks/dashboard/promql.md',
  },
  run({ model }, context) {
    for (const { dashboard, expr, where } of promqlTargets(model.dashboards)) {
      for (const error of rootCauseErrors(expr.analysis.errors)) {
        context.report({
          file: dashboard.file,
          // An error at the end of input points after the last character, not at a trailing newline.
          ...queryPosition(expr, Math.min(error.from, expr.text.trimEnd().length)),
          subject: `${dashboardName(dashboard)}/${where}`,
          message: `${where}: could not parse expression: ${error.message}`,
        });
      }
    }
  },
};
