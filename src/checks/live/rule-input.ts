// What the live rule checks read: the linked model and what live mode measured about its rules.
// Shaped like the LiveInput of the check contract, so each module is a LiveCheck as it stands.

import type { CheckFinding } from '../check.js';
import type { SloLinks } from '../../link/types.js';
import type { RuleMeasurements } from '../../live/measure-rules.js';
import type { SelectorUse } from '../../live/selectors.js';
import type { LiveFailOn, LiveSloResult } from '../../live/types.js';
import type { Severity } from '../../model/findings.js';
import type { Model } from '../../model/types.js';

export interface LiveRuleInput {
  linked: { model: Model; links?: SloLinks };
  summary: { rules?: RuleMeasurements; slos: LiveSloResult[] };
  settings: { failOn: LiveFailOn };
}

export interface LiveRuleContext {
  report(finding: CheckFinding): void;
}

/** `live-fail-on: never` turns every live finding into a notice. */
export function weigh(severity: Severity, failOn: LiveFailOn): Severity {
  return failOn === 'never' ? 'notice' : severity;
}

/** Where a selector is written, and its identity (rule or SLO, then the selector). */
export function atSelector(use: SelectorUse): Pick<CheckFinding, 'file' | 'line' | 'column' | 'subject'> {
  const owner = use.owner.group !== undefined ? `${use.owner.group}/${use.owner.name}` : use.owner.name;
  return { file: use.file, line: use.position.line, column: use.position.column, subject: `${owner}/${use.selector}` };
}

/** `alert "HighErrorRate"`, `record "job:errors:rate5m"`, `SLI of SLO "checkout"`. */
export function ownerName(use: SelectorUse): string {
  return use.owner.kind === 'sli' ? `SLI of SLO "${use.owner.name}"` : `${use.owner.kind} "${use.owner.name}"`;
}
