import type { ModelCheck } from '../check.js';
import { dashboardName, panelName } from './queries.js';

// Panel types Grafana removed (Angular plugins, gone in Grafana 12) or migrates on load, and what replaces them.
const REPLACEMENTS: Record<string, string> = {
  graph: 'timeseries',
  singlestat: 'stat',
  'grafana-singlestat-panel': 'stat',
  'table-old': 'table',
  'grafana-piechart-panel': 'piechart',
  'grafana-worldmap-panel': 'geomap',
  'natel-discrete-panel': 'state-timeline',
  'flant-statusmap-panel': 'status-history',
  'briangann-gauge-panel': 'gauge',
  'michaeldmoore-annunciator-panel': 'stat',
  'agenty-flowcharting-panel': 'canvas',
  'vonage-status-panel': 'stat',
};

export const dashboardDeprecatedPanel: ModelCheck = {
  meta: {
    id: 'dashboard/deprecated-panel',
    severity: 'warning',
    kind: 'model',
    description: 'A panel type Grafana removed or migrates on load (graph, singlestat, table-old, Angular plugins), with its replacement.',
    docs: 'docs/checks/dashboard/deprecated-panel.md',
  },
  run({ model }, context) {
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        const replacement = panel.type !== undefined ? REPLACEMENTS[panel.type] : undefined;
        if (!replacement) continue;
        context.report({
          file: dashboard.file,
          ...panel.position,
          subject: `${dashboardName(dashboard)}/${panel.id ?? panel.title ?? ''}`,
          message: `${panelName(panel)} in dashboard "${dashboardName(dashboard)}" uses the deprecated "${panel.type}" type; use "${replacement}"`,
        });
      }
    }
  },
};
