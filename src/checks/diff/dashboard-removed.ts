import type { DiffCheck } from '../check.js';
import { dashboardIdentity } from './pairing.js';
import { dashboardShows } from '../../link/queries.js';

export const diffDashboardRemoved: DiffCheck = {
  meta: {
    id: 'diff/dashboard-removed',
    severity: 'warning',
    kind: 'diff',
    description: 'A dashboard that showed an SLO in the base is gone from the head.',
    docs: 'docs/checks/diff/dashboard-removed.md',
    policyChange: true,
  },
  run({ base, head, headPosition }, context) {
    const remaining = new Set(head.model.dashboards.map(dashboardIdentity));
    for (const dashboard of base.model.dashboards) {
      if (remaining.has(dashboardIdentity(dashboard))) continue;
      const shown = base.model.slos.filter((slo) => dashboardShows(base, dashboard, slo)).map((slo) => `"${base.sloName(slo)}"`);
      if (shown.length === 0) continue;
      const name = dashboard.title ?? dashboard.uid ?? dashboard.entry ?? dashboard.file;
      context.report({
        file: dashboard.file,
        ...headPosition(dashboard.file, dashboard.position),
        subject: dashboardIdentity(dashboard),
        message: `dashboard "${name}" was removed; it showed SLO ${shown.join(', ')}`,
      });
    }
  },
};
