// The PromQL targets of a dashboard: the adapter reads a target as PromQL only when its data
// source is Prometheus-compatible (or unknown, and the query is not LogQL-shaped); Loki targets
// are read as LogQL (target.logql) and other data sources' queries are not read.

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
