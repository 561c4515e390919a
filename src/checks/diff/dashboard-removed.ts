import type { DiffCheck } from './diff-check.js';
import { dashboardIdentity, dashboardShows } from './links.js';

export const diffDashboardRemoved: DiffCheck = {
  id: 'diff/dashboard-removed',
  severity: 'warning',
  description: 'A dashboard that showed an SLO in the base is gone from the head.',
  compare(base, head, context) {
    const remaining = new Set(head.dashboards.map(dashboardIdentity));
    for (const dashboard of base.dashboards) {
      if (remaining.has(dashboardIdentity(dashboard))) continue;
      const shown = base.slos.filter((slo) => dashboardShows(base, dashboard, slo)).map((slo) => `"${slo.name}"`);
      if (shown.length === 0) continue;
      const name = dashboard.title ?? dashboard.uid ?? dashboard.entry ?? dashboard.file;
      context.report({
        file: dashboard.file,
        ...context.headPosition(dashboard.file, dashboard.position),
        subject: dashboardIdentity(dashboard),
        message: `dashboard "${name}" was removed; it showed SLO ${shown.join(', ')}`,
      });
    }
  },
};
