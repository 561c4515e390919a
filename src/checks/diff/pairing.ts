// Which SLO, alert or dashboard of the base is which of the head. Identity never uses line
// numbers or file order, so moving things around is not a change. What ties an SLO to its alerts
// and dashboards on each side is the one linker's (src/link/queries.ts).

import { sloIdentityKey } from '../../model/slo-identity.js';
import type { Dashboard, Model, Rule, Slo } from '../../model/types.js';

/** Base SLOs paired with their head counterparts (same name and service; the same file wins a tie). */
export function pairSlos(base: Model, head: Model): { pairs: [Slo, Slo][]; removed: Slo[] } {
  const pool = new Map<string, Slo[]>();
  for (const slo of head.slos) pool.set(sloIdentityKey(slo), [...(pool.get(sloIdentityKey(slo)) ?? []), slo]);
  const pairs: [Slo, Slo][] = [];
  const removed: Slo[] = [];
  for (const slo of base.slos) {
    const candidates = pool.get(sloIdentityKey(slo)) ?? [];
    const index = Math.max(0, candidates.findIndex((candidate) => candidate.file === slo.file));
    const match = candidates.splice(index, 1)[0];
    if (match) pairs.push([slo, match]);
    else removed.push(slo);
  }
  return { pairs, removed };
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
