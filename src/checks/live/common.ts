// What the live/* checks share: how `live-fail-on` weighs their findings, where a finding about
// one SLO points, and how figures are written in their messages.

import type { CheckFinding, LiveInput } from '../check.js';
import type { LiveFailOn, LiveSloResult } from '../../live/types.js';
import type { Severity } from '../../model/findings.js';
import { sloRef } from '../../model/slo-identity.js';
import type { Slo } from '../../model/types.js';

/**
 * How much a live finding weighs under `live-fail-on`: `exhausted` and `burning` keep its severity
 * (live/burning raises page-level burns itself), `never` turns every live finding into a notice,
 * which is reported but fails no gate set to `error` or `warning`.
 */
export function weigh(severity: Severity, failOn: LiveFailOn): Severity {
  return failOn === 'never' ? 'notice' : severity;
}

/** Each SLO with what live mode made of it, in model order. */
export function measuredSlos({ linked, summary }: LiveInput): { slo: Slo; result: LiveSloResult }[] {
  return summary.slos.map((result, index) => ({ slo: linked.model.slos[index], result }));
}

/** Results with figures: the SLO was queried and answered with data. */
export function wasMeasured(result: LiveSloResult): boolean {
  return result.status === 'ok' || result.status === 'burning' || result.status === 'exhausted';
}

/** A finding about one SLO points at its definition; its identity is the SLO, not the changing figures. */
export function atSlo(slo: Slo): Pick<CheckFinding, 'file' | 'line' | 'column' | 'subject' | 'slo'> {
  return { file: slo.file, line: slo.position.line, column: slo.position.column, subject: slo.name, slo: sloRef(slo) };
}

export function percent(ratio: number, digits = 1): string {
  return `${Number((ratio * 100).toFixed(digits))} %`;
}

export function times(rate: number): string {
  return `${Number(rate.toFixed(rate < 10 ? 2 : 1))}×`;
}
