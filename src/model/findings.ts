// What a check reports. Findings carry no GitHub or Markdown: publishers decide how they look.

import type { SloRef } from './slo-identity.js';

export type Severity = 'error' | 'warning' | 'notice';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export interface Finding {
  check: string;
  severity: Severity;
  /** Root-relative, `/` separators. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** What the finding is about (an SLO, rule, panel): it keeps fingerprints stable when lines move. */
  subject?: string;
  /** The SLO the finding is about, when it is about one: what the SLO's verdict counts, whatever the message calls it. */
  slo?: SloRef;
  /** A ready-to-paste fix (a rule group in YAML, say), shown under the finding. */
  suggestion?: string;
  /** Stable identity across commits: check, file, subject, the SLO's service and message without positions. */
  fingerprint?: string;
  /** Shown above the verdict in every summary: the run itself is in question (nothing was checked). */
  headline?: boolean;
  /** Set when a pull request is compared with its base: did the base have this finding already? */
  status?: 'new' | 'existing';
  /** Excused by a suppression comment or an `ignore:` entry: reported, counted apart, never gating. */
  suppressed?: { reason: string; by: string; kind: 'inSource' | 'external' };
  /** In the committed baseline: an existing finding, reported but not gating. */
  baselined?: true;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.check < b.check ? -1 : a.check > b.check ? 1 : 0)
  );
}
