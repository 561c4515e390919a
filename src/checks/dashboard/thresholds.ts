import type { ModelCheck } from '../check.js';
import { dashboardName, panelName } from './queries.js';

export const dashboardThresholds: ModelCheck = {
  meta: {
    id: 'dashboard/thresholds',
    severity: 'warning',
    kind: 'model',
    description: 'Thresholds placed outside fieldConfig.defaults.thresholds (Grafana ignores them), or threshold steps not in ascending order.',
    docs: 'docs/checks/dashboard/thresholds.md',
  },
  run({ model }, context) {
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        const subject = `${dashboardName(dashboard)}/${panel.id ?? panel.title ?? ''}`;
        for (const position of panel.misplacedThresholds) {
          context.report({
            file: dashboard.file,
            ...position,
            subject,
            message: `${panelName(panel)}: thresholds here are ignored by the ${panel.type ?? ''} panel; move them to fieldConfig.defaults.thresholds`.replace('  ', ' '),
          });
        }
        const values = panel.thresholds.map((step) => step.value).filter((value): value is number => value !== null);
        const drop = values.findIndex((value, i) => i > 0 && value < values[i - 1]);
        if (drop > 0) {
          context.report({
            file: dashboard.file,
            ...panel.position,
            subject,
            message: `${panelName(panel)}: threshold steps are not ascending (${values[drop - 1]} before ${values[drop]}); Grafana sorts them, so the colours land on other values than written`,
          });
        }
      }
    }
  },
};
