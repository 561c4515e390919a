// The `live/*` finding ids with their default severities. They are not static checks (nothing
// in CHECKS runs them) but they are listed in the report next to the checks that ran, documented
// in docs/checks/live/, and switched off or re-weighted in `.slo-gate.yml` `checks:` like any id.

import type { Severity } from '../model/findings.js';
import type { LiveFailOn } from './types.js';
import { LIVE_RULE_CHECKS } from '../checks/live/rule-checks.js';

export interface LiveCheckInfo {
  id: string;
  severity: Severity;
  description: string;
}

export const LIVE_CHECKS: readonly LiveCheckInfo[] = [
  { id: 'live/budget-exhausted', severity: 'error', description: "An SLO's error budget for its period is spent (remaining budget ≤ 0)." },
  { id: 'live/burning', severity: 'warning', description: 'A burn-rate alert of the SLO would be firing now (error under live-fail-on: burning for page-level windows).' },
  { id: 'live/no-data', severity: 'warning', description: "The SLO's SLI query returns no series: usually a wrong metric name or label." },
  { id: 'live/query-failed', severity: 'error', description: "The backend returned an error for the SLO's query." },
  { id: 'live/unreachable', severity: 'error', description: 'The Prometheus API could not be used at all: connection refused, TLS, timeout, 401/403.' },
  ...LIVE_RULE_CHECKS.map(({ meta }) => ({ id: meta.id, severity: meta.severity, description: meta.description })),
];

/**
 * How much a live finding weighs under `live-fail-on`: `exhausted` keeps the defaults, `burning`
 * makes a page-level burn an error, `never` turns every live finding into a notice, which is
 * reported but fails no gate set to `error` or `warning`.
 */
export function liveSeverity(id: string, failOn: LiveFailOn, pageLevel = false): Severity {
  if (failOn === 'never') return 'notice';
  if (id === 'live/burning' && failOn === 'burning' && pageLevel) return 'error';
  return LIVE_CHECKS.find((check) => check.id === id)?.severity ?? 'warning';
}
