// New, existing, resolved: head findings are matched to base findings by fingerprint. Matching
// counts occurrences, so a third copy of a finding that appeared twice before is still new.

import type { Finding } from '../model/findings.js';

export interface Classification {
  /** Head findings, each with `status` set. */
  findings: Finding[];
  /** Base findings the head no longer has. */
  resolved: Finding[];
}

export function classify(head: Finding[], base: Finding[]): Classification {
  const remaining = new Map<string, Finding[]>();
  for (const finding of base) {
    const key = finding.fingerprint ?? '';
    remaining.set(key, [...(remaining.get(key) ?? []), finding]);
  }
  const findings = head.map((finding): Finding => {
    const match = remaining.get(finding.fingerprint ?? '')?.shift();
    return { ...finding, status: match ? 'existing' : 'new' };
  });
  return { findings, resolved: [...remaining.values()].flat() };
}
