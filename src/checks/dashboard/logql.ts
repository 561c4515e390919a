import type { ModelCheck } from '../check.js';
import { queryPosition } from '../../model/placement.js';
import { dashboardName, panelName } from './queries.js';

export const dashboardLogql: ModelCheck = {
  meta: {
    id: 'dashboard/logql',
    severity: 'error',
    kind: 'model',
    description: "A Loki panel query that does not parse as LogQL (Grafana's own LogQL grammar) once Grafana variables are substituted.",
    docs: 'docs/checks/dashboard/logql.md',
  },
  run({ model }, context) {
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        for (const target of panel.targets) {
          const query = target.logql;
          if (!query) continue;
          const where = `${panelName(panel)}${target.refId ? `, target ${target.refId}` : ''}`;
          for (const error of query.analysis.errors) {
            context.report({
              file: dashboard.file,
              ...queryPosition(query, error.from),
              subject: `${dashboardName(dashboard)}/${where}`,
              message: `${where}: could not parse LogQL query (data source: ${target.source.via}): ${error.message}`,
            });
          }
        }
      }
    }
  },
};
