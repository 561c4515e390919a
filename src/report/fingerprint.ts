import { createHash } from 'node:crypto';
import type { Finding } from '../model/findings.js';

/**
 * A finding's identity across commits. Whatever changes when unrelated lines move is left out:
 * line and column numbers, "file:line" and "line N" references inside messages, a rule's
 * position in its group ("rule 3", "rules[2]": reordering rules is not a change), and runs of
 * whitespace (a query re-indented in a block scalar is the same query). Subjects the same: schema
 * findings name their place as `groups[0].rules[2].expr`.
 */
export function fingerprint(finding: Finding): string {
  return createHash('sha256')
    .update([finding.check, finding.file, withoutPositions(finding.subject ?? ''), withoutPositions(finding.message)].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

function withoutPositions(text: string): string {
  return text
    .replace(/:\d+(:\d+)?\b/g, '')
    .replace(/\bline \d+\b/g, 'line')
    .replace(/\brule \d+\b/g, 'rule')
    .replace(/\[\d+\]/g, '[]')
    .replace(/\s+/g, ' ');
}
