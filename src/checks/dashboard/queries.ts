// The PromQL targets of a dashboard. Loki, Elasticsearch and other datasources also put their
// queries under `expr`, in languages of their own, so targets of a datasource that is known not
// to be Prometheus are left out.

import type { Dashboard, Panel, PanelTarget, QueryField } from '../../model/types.js';

export interface PromqlTarget {
  dashboard: Dashboard;
  panel: Panel;
  target: PanelTarget;
  expr: QueryField;
  /** `panel "Requests" (id 3), target A`, for messages. */
  where: string;
}

export function promqlTargets(dashboards: readonly Dashboard[]): PromqlTarget[] {
  const out: PromqlTarget[] = [];
  for (const dashboard of dashboards) {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        if (!target.expr) continue;
        const datasource = target.datasource ?? panel.datasource;
        const type = datasource?.type;
        if (type && !/prometheus|^\$|^\$\{/.test(type)) continue;
        if (!type && datasource?.name && /loki|elastic|influx|graphite|tempo|mysql|postgres|cloudwatch/i.test(datasource.name)) continue;
        out.push({ dashboard, panel, target, expr: target.expr, where: `${panelName(panel)}${target.refId ? `, target ${target.refId}` : ''}` });
      }
    }
  }
  return out;
}

export function panelName(panel: Panel): string {
  const title = panel.title ? `panel "${panel.title}"` : 'panel';
  return panel.id !== undefined ? `${title} (id ${panel.id})` : title;
}

export function dashboardName(dashboard: Dashboard): string {
  return dashboard.title ?? dashboard.entry ?? dashboard.file;
}
