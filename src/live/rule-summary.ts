// The live rule measurements, per SLO, as the report shows them: how many of the selectors its SLI
// and its alerts read select series, which do not, how its alerts would have fired over its
// period, and what could not be measured.

import type { LinkedModel } from '../link/types.js';
import type { Rule, Slo } from '../model/types.js';
import { backtestLine } from './backtest.js';
import type { LiveCapability, RuleMeasurements } from './measure-rules.js';
import type { LiveSloRules } from './types.js';

const CAPABILITY_NAMES: Record<LiveCapability, string> = {
  series: 'series of the selectors',
  metadata: 'metric types (metadata)',
  'scrape-interval': 'scrape intervals',
  backtest: 'alert replay',
};

export function sloRuleSummary(linked: LinkedModel, measured: RuleMeasurements, slo: Slo): LiveSloRules {
  const rules = sloRules(linked, measured, slo);
  const uses = measured.uses.filter((use) => use.owner.slo?.key === slo.key || (use.owner.rule !== undefined && rules.has(use.owner.rule)));
  const seen = new Set<string>();
  const summary: LiveSloRules = { selectorsChecked: 0, selectorsFound: 0, missing: [], unmeasured: [] };
  for (const use of uses) {
    const verdict = measured.series.get(use.selector);
    if (!verdict || seen.has(use.selector)) continue;
    seen.add(use.selector);
    if (verdict.status === 'failed') continue;
    summary.selectorsChecked++;
    if (verdict.status === 'present') summary.selectorsFound++;
    else summary.missing.push({ selector: use.selector, file: use.file, line: use.position.line, column: use.position.column, problem: verdict.status });
  }
  for (const [capability, why] of measured.unavailable) summary.unmeasured.push(`${CAPABILITY_NAMES[capability]}: ${why}`);
  const backtest = measured.backtests.find((b) => b.sloKey === slo.key);
  if (backtest) {
    summary.backtest = {
      start: backtest.start,
      end: backtest.end,
      stepSeconds: backtest.stepSeconds,
      episodes: backtest.episodes,
      alerts: backtest.alerts.map((alert) => ({
        alert: alert.alert,
        file: alert.file,
        line: alert.line,
        page: alert.page,
        firings: alert.firings,
        summary: alert.error ? `could not be replayed: ${alert.error}` : backtestLine(backtest, alert),
        ...(alert.error ? { error: alert.error } : {}),
      })),
      ...(backtest.error ? { error: backtest.error } : {}),
    };
    if (backtest.error) summary.unmeasured.push(`alert replay: the burn episodes could not be read: ${backtest.error}`);
  } else if (!measured.unavailable.has('backtest') && !(linked.links.bySlo.get(slo.key)?.alerts.length)) {
    summary.unmeasured.push('alert replay: no alerting rule is linked to this SLO');
  }
  return summary;
}

/** The SLO's linked alerts and the repository recording rules they read, transitively. */
function sloRules(linked: LinkedModel, measured: RuleMeasurements, slo: Slo): Set<Rule> {
  const out = new Set<Rule>();
  const visit = (rule: Rule, depth: number) => {
    if (out.has(rule) || depth > 8) return;
    out.add(rule);
    for (const s of rule.expr.analysis.facts.selectors) for (const recorded of (s.metric && measured.recorded.get(s.metric)) || []) visit(recorded, depth + 1);
  };
  for (const alert of linked.links.bySlo.get(slo.key)?.alerts ?? []) visit(alert.rule, 0);
  return out;
}
