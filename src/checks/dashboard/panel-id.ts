import type { ModelCheck } from '../check.js';
import type { Panel } from '../../model/types.js';
import { dashboardName, panelName } from './queries.js';

export const dashboardPanelId: ModelCheck = {
  meta: {
    id: 'dashboard/panel-id',
    severity: 'warning',
    kind: 'model',
    description: 'Two panels of one dashboard with the same id (rows and collapsed-row children included): links, embeds and alerts pick the wrong one.',
    docs: 'docs/checks/dashboard/panel-id.md',
  },
  run({ model }, context) {
    for (const dashboard of model.dashboards) {
      const seen = new Map<number, Panel>();
      for (const panel of dashboard.panels) {
        if (panel.id === undefined) continue;
        const earlier = seen.get(panel.id);
        if (!earlier) {
          seen.set(panel.id, panel);
          continue;
        }
        context.report({
          file: dashboard.file,
          ...panel.position,
          subject: `${dashboardName(dashboard)}/${panel.id}`,
          message: `${panelName(panel)} in dashboard "${dashboardName(dashboard)}" has the id of ${earlier.title ? `panel "${earlier.title}"` : 'the panel'} at line ${earlier.position.line}; Grafana renumbers one of them, so panel links (viewPanel=${panel.id}) open the wrong one`,
        });
      }
    }
  },
};
