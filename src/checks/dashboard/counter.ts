import type { ModelCheck } from '../check.js';
import { histogramFamilies, rawCounterMessage, rawCounterUses } from '../promql/counters.js';
import { dashboardName, promqlTargets } from './queries.js';
import { queryPosition } from '../../model/placement.js';

export const dashboardCounter: ModelCheck = {
  meta: {
    id: 'dashboard/counter',
    severity: 'warning',
    kind: 'model',
    description: 'A panel query that shows or compares a counter (_total, _count, _sum, _bucket) raw, without rate() or increase().',
    docs: 'docs/checks/dashboard/counter.md',
  },
  run({ model }, context) {
    const families = histogramFamilies(model);
    for (const { dashboard, expr, where } of promqlTargets(model.dashboards)) {
      if (expr.analysis.errors.length > 0) continue; // dashboard/promql speaks first
      for (const use of rawCounterUses(expr, families)) {
        context.report({
          file: dashboard.file,
          ...queryPosition(expr, use.selector.from),
          subject: `${dashboardName(dashboard)}/${where}/${use.metric}`,
          message: `${where}: ${rawCounterMessage(use)}`,
        });
      }
    }
  },
};
