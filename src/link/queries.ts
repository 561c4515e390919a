// Questions about one linked tree that the policy-change checks and the base comparison both ask.

import type { Dashboard, Rule, Slo } from '../model/types.js';
import type { LinkedModel } from './types.js';

/** Alerting rules that implement the SLO. */
export function linkedAlerts(linked: LinkedModel, slo: Slo): Rule[] {
  return (linked.links.bySlo.get(slo.key)?.alerts ?? []).map((link) => link.rule);
}

/** Whether a dashboard shows the SLO: the SLO names it, or one of its panels is linked to the SLO. */
export function dashboardShows(linked: LinkedModel, dashboard: Dashboard, slo: Slo): boolean {
  if (slo.dashboardRefs.some((ref) => linked.references.get(ref)?.resolved === dashboard.file)) return true;
  return (linked.links.bySlo.get(slo.key)?.panels ?? []).some((link) => link.dashboard === dashboard);
}
