// What ties an SLO to its alerts and dashboards, on one side of the comparison, and which SLO,
// alert or dashboard of the base is which of the head. Identity never uses line numbers or
// file order, so moving things around is not a change.
//
// Links come from src/link (model.links, derived by the engine); a model without them (built by
// hand) falls back to the labels that name an SLO and `slo-links` in the config.

import type { Config } from '../../config/config.js';
import type { Dashboard, Model, Rule, Slo } from '../../model/types.js';

/** Labels that name the SLO an alert implements (Sloth, Pyrra and hand-written conventions). */
const SLO_NAME_LABELS = ['slo', 'slo_name', 'sloth_slo'];

export function sloIdentity(slo: Slo): string {
  return `${slo.service ?? ''}\u0000${slo.name}`;
}

/** Base SLOs paired with their head counterparts (same name and service; the same file wins a tie). */
export function pairSlos(base: Model, head: Model): { pairs: [Slo, Slo][]; removed: Slo[] } {
  const pool = new Map<string, Slo[]>();
  for (const slo of head.slos) pool.set(sloIdentity(slo), [...(pool.get(sloIdentity(slo)) ?? []), slo]);
  const pairs: [Slo, Slo][] = [];
  const removed: Slo[] = [];
  for (const slo of base.slos) {
    const candidates = pool.get(sloIdentity(slo)) ?? [];
    const index = Math.max(0, candidates.findIndex((candidate) => candidate.file === slo.file));
    const match = candidates.splice(index, 1)[0];
    if (match) pairs.push([slo, match]);
    else removed.push(slo);
  }
  return { pairs, removed };
}

/** Alerting rules that implement the SLO. */
export function linkedAlerts(model: Model, slo: Slo, config: Config): Rule[] {
  if (model.links) return (model.links.bySlo.get(slo.key)?.alerts ?? []).map((link) => link.rule);
  return model.rules.filter(
    (rule) =>
      rule.kind === 'alert' &&
      (SLO_NAME_LABELS.some((label) => rule.labels[label]?.value === slo.name) ||
        rule.labels.sloth_id?.value === `${slo.service}-${slo.name}` ||
        config.sloLinks[rule.name] === slo.name),
  );
}

/** Whether a dashboard shows the SLO: the SLO names it, or one of its panels is linked to the SLO. */
export function dashboardShows(model: Model, dashboard: Dashboard, slo: Slo): boolean {
  if (slo.dashboardRefs.some((ref) => ref.resolved === dashboard.file)) return true;
  if (model.links) return (model.links.bySlo.get(slo.key)?.panels ?? []).some((link) => link.dashboard === dashboard);
  return dashboard.panels.some((panel) =>
    panel.targets.some((target) =>
      (target.expr?.analysis.facts.selectors ?? []).some((selector) =>
        selector.matchers.some((matcher) => matcher.op === '=' && SLO_NAME_LABELS.includes(matcher.label) && matcher.value === slo.name),
      ),
    ),
  );
}

/** An alert's identity across commits, among the alerts of one SLO: its name and severity. */
export function alertIdentity(rule: Rule): string {
  return `${rule.name}\u0000${rule.labels.severity?.value ?? ''}`;
}

/** Base alerts paired with head alerts of the same identity, in order of appearance. */
export function pairAlerts(base: Rule[], head: Rule[], identity: (rule: Rule) => string): { pairs: [Rule, Rule][]; unmatched: Rule[] } {
  const pool = new Map<string, Rule[]>();
  for (const rule of head) pool.set(identity(rule), [...(pool.get(identity(rule)) ?? []), rule]);
  const pairs: [Rule, Rule][] = [];
  const unmatched: Rule[] = [];
  for (const rule of base) {
    const match = pool.get(identity(rule))?.shift();
    if (match) pairs.push([rule, match]);
    else unmatched.push(rule);
  }
  return { pairs, unmatched };
}

export function dashboardIdentity(dashboard: Dashboard): string {
  return dashboard.uid ? `uid:${dashboard.uid}` : dashboard.title ? `title:${dashboard.title}` : `file:${dashboard.file}#${dashboard.entry ?? ''}`;
}
