// The first line of every report: the verdict and what decides it, in words a reviewer acts on —
// "2 new errors — merge blocked", "No new findings, 37 existing (baseline)". Plain text; each
// renderer escapes and decorates it.

import type { Finding, Severity } from '../model/findings.js';
import type { Report, ReportView } from '../report/report.js';

export interface Verdict {
  passed: boolean;
  /** The headline: the verdict and what fails it (or, passing, what is there). */
  headline: string;
  /** What else there is, for the line under the headline ("2 new warnings", "3 suppressed"). */
  details: string[];
  /** Policy changes waiting for the approval label, when one is set and missing. */
  awaitingApproval?: { count: number; label: string };
}

const SEVERITIES: Severity[] = ['error', 'warning', 'notice'];

export function verdictOf(report: Report, view: ReportView): Verdict {
  const word = view.comparing ? 'new ' : '';
  const failing = new Set(view.failing);
  const others = view.counted.filter((finding) => !failing.has(finding));
  const known = [...(view.existing.length ? [existingText(view.existing)] : []), ...(view.suppressed.length ? [`${view.suppressed.length} suppressed`] : [])];
  const diff = report.diff;
  const awaiting = diff?.baseSha && diff.allowLabel && !diff.approval && view.policy.length ? { count: view.policy.length, label: diff.allowLabel } : undefined;
  if (report.result === 'fail') {
    const blocked = view.pullRequest ? 'merge blocked' : 'check failed';
    const what = view.failing.length ? countsText(view.failing, word) : 'findings';
    return { passed: false, headline: `${capitalise(what)} — ${blocked}`, details: [...countsList(others, word), ...known], ...(awaiting ? { awaitingApproval: awaiting } : {}) };
  }
  const never = report.failOn === 'never' ? ' (fail-on: never)' : '';
  const headline =
    view.counted.length === 0
      ? [`No ${word}findings${never}`, ...known].join(', ')
      : `Passed${never} — ${[countsText(view.counted, word), ...known].join(', ')}`;
  return { passed: true, headline, details: [], ...(awaiting ? { awaitingApproval: awaiting } : {}) };
}

/** "2 new errors, 1 new warning". */
export function countsText(findings: readonly Finding[], word = ''): string {
  return countsList(findings, word).join(', ');
}

function countsList(findings: readonly Finding[], word: string): string[] {
  return SEVERITIES.flatMap((severity) => {
    const count = findings.filter((finding) => finding.severity === severity).length;
    return count ? [`${count} ${word}${severity}${count === 1 ? '' : 's'}`] : [];
  });
}

/** "37 existing (baseline)", "4 existing (on the base)", or both sources named. */
export function existingText(existing: readonly Finding[]): string {
  const baselined = existing.filter((finding) => finding.baselined).length;
  const where = baselined === existing.length ? 'baseline' : baselined === 0 ? 'on the base' : `${baselined} in the baseline, ${existing.length - baselined} on the base`;
  return `${existing.length} existing (${where})`;
}

/** Where a known finding comes from, for its row: "baseline" or "on the base". */
export function existingLabel(finding: Finding): string {
  return finding.baselined ? 'baseline' : 'on the base';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
