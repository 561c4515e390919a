// What the live rule checks share: how `live-fail-on` weighs a finding, and how a selector is
// named and placed.

import type { CheckFinding } from '../check.js';
import type { SelectorUse } from '../../live/selectors.js';

export { weigh } from './common.js';

/** Where a selector is written, and its identity (rule or SLO, then the selector). */
export function atSelector(use: SelectorUse): Pick<CheckFinding, 'file' | 'line' | 'column' | 'subject'> {
  const owner = use.owner.group !== undefined ? `${use.owner.group}/${use.owner.name}` : use.owner.name;
  return { file: use.file, line: use.position.line, column: use.position.column, subject: `${owner}/${use.selector}` };
}

/** `alert "HighErrorRate"`, `record "job:errors:rate5m"`, `SLI of SLO "checkout"`. */
export function ownerName(use: SelectorUse): string {
  return use.owner.kind === 'sli' ? `SLI of SLO "${use.owner.name}"` : `${use.owner.kind} "${use.owner.name}"`;
}
