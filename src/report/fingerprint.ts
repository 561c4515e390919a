import { createHash } from 'node:crypto';
import type { Finding } from '../model/findings.js';

/**
 * A finding's identity across commits. Line and column numbers are left out, and so are
 * "file:line" references inside messages, so inserting lines above a finding keeps it.
 */
export function fingerprint(finding: Finding): string {
  const message = finding.message.replace(/:\d+(:\d+)?\b/g, '').replace(/\bline \d+\b/g, 'line');
  return createHash('sha256')
    .update([finding.check, finding.file, finding.subject ?? '', message].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}
