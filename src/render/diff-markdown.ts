// The reviewer's verdict for a pull request compared with its base: what this change adds
// (new errors, policy changes), what it fixes, and how much was there before. Shown first in the
// Markdown report; the pre-existing findings follow, collapsed.

import type { Finding } from '../model/findings.js';
import { checksWith, type Report } from '../report/report.js';
import { escapeMarkdown } from './escape.js';
import { location } from './figures.js';

/** Lines placed right after the pass/fail verdict; empty without a comparison. */
export function diffVerdictLines(report: Report): string[] {
  const diff = report.diff;
  if (!diff) return [];
  if (diff.baseSha === undefined) return ['', `ℹ️ Not compared with the base ${code(diff.baseRef)}: ${escapeMarkdown(diff.unavailable ?? 'unknown reason')}. Every finding counts, as without a base.`];
  const fresh = diff.newCounts;
  const lines = [
    '',
    `**This pull request** adds ${fresh.error} error(s), ${fresh.warning} warning(s), ${fresh.notice} notice(s); ` +
      `resolves ${diff.counts.resolved} finding(s); ${diff.counts.existing} finding(s) were already on the base ${code(diff.baseSha.slice(0, 12))}` +
      `${diff.newFindingsOnly ? ' (they do not fail the check)' : ''}.`,
  ];
  const policyChanges = checksWith(report.checks, 'policyChange');
  const policy = report.findings.filter((finding) => policyChanges.has(finding.check));
  if (policy.length > 0) {
    lines.push('', `**Policy changes** (${policy.length}):`, '');
    for (const finding of policy) lines.push(`- ${escapeMarkdown(finding.message)} (${code(location(finding))})`);
  }
  if (diff.approval) {
    // Escaped, so the approver reads as @login without being mentioned (and notified) on every update.
    const by = diff.approval.by ? ` by ${escapeMarkdown(`@${diff.approval.by}`)}` : '';
    lines.push('', `✅ Policy changes approved${by} with the label ${code(diff.approval.label)}: they are reported as notices.`);
  }
  if (diff.changedFilesOnly) lines.push('', '_Findings are listed only for files this pull request changed, and the files linked to them._');
  return lines;
}

/** New findings first, then pre-existing ones, each group in report order. */
export function reviewOrder(findings: Finding[]): Finding[] {
  return [...findings.filter((finding) => finding.status !== 'existing'), ...findings.filter((finding) => finding.status === 'existing')];
}

/** The verdict must fit in a comment whatever the size limit: the full list is in the JSON report. */
const MAX_RESOLVED_LISTED = 50;

/** Findings the base had and the head does not, collapsed; positions are the base's. */
export function renderResolved(report: Report): string {
  const resolved = report.diff?.resolved ?? [];
  if (resolved.length === 0) return '';
  const items = resolved.slice(0, MAX_RESOLVED_LISTED).map((finding) => `- ${code(location(finding))} \`${finding.check}\` ${escapeMarkdown(finding.message)}`);
  if (resolved.length > MAX_RESOLVED_LISTED) items.push(`- …and ${resolved.length - MAX_RESOLVED_LISTED} more, in the full report`);
  return `<details><summary>✔️ ${resolved.length} finding(s) resolved by this pull request</summary>\n\n${items.join('\n')}\n\n</details>`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
