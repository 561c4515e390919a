import type { Finding, Severity } from '../model/findings.js';
import { reportView, type Report } from '../report/report.js';
import { budgetText, cacheLine, indicatorText, linkTexts, skippedEntryText, skippedText, targetText, windowText } from './figures.js';
import { headlines } from './markdown.js';
import { liveRuleLines, liveTextLine } from './live.js';
import { terminalLine } from './terminal.js';
import { existingLabel, verdictOf } from './verdict.js';

export interface TextOptions {
  /**
   * A finding's path as the reader's terminal should show it (relative to the current directory,
   * so terminals and editors open `file:line:col`); defaults to the path in the report.
   */
  path?: (file: string) => string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'notice'];

/**
 * The terminal report: new findings first, grouped by severity, as `file:line:col  severity
 * check  message`; then policy changes, existing and suppressed ones; the SLOs; one docs link
 * per check that has findings; the verdict last, where the terminal leaves the reader.
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const view = reportView(report);
  const shown = options.path ?? ((file: string) => file);
  const where = (finding: { file: string; line?: number; column?: number }) =>
    `${finding.file ? shown(finding.file) : '(not about one file)'}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}`;
  const line = (finding: Finding, suffix = '') => `${where(finding)}  ${finding.severity.padEnd(7)} ${finding.check}  ${finding.message}${suffix}`;
  const lines: string[] = [];
  const word = view.comparing ? 'new ' : '';
  for (const finding of headlines(report)) lines.push(`${finding.severity}: ${finding.message} (${finding.check})`, '');
  for (const severity of SEVERITIES) {
    const group = view.fresh.filter((finding) => finding.severity === severity);
    if (!group.length) continue;
    lines.push(`${word}${severity}s (${group.length}):`);
    for (const finding of group) {
      lines.push(`  ${line(finding)}`);
      if (finding.suggestion) lines.push(...finding.suggestion.replace(/\n$/, '').split(/\r?\n/).map((text) => `      ${text}`));
    }
    lines.push('');
  }
  if (view.policy.length) {
    const diff = report.diff;
    const approval = diff?.approval ? ` (approved with the label "${diff.approval.label}")` : diff?.allowLabel ? ` (awaiting approval: the label "${diff.allowLabel}")` : '';
    lines.push(`policy changes (${view.policy.length})${approval}:`, ...view.policy.map((finding) => `  ${line(finding)}`), '');
  }
  if (view.existing.length) lines.push(`existing (${view.existing.length}, not failing):`, ...view.existing.map((finding) => `  ${line(finding, `  (${existingLabel(finding)})`)}`), '');
  if (view.suppressed.length) {
    lines.push(`suppressed (${view.suppressed.length}):`, ...view.suppressed.map((finding) => `  ${line(finding, `  — suppressed at ${finding.suppressed!.by}: ${finding.suppressed!.reason}`)}`), '');
  }
  const resolved = report.diff?.resolved ?? [];
  if (resolved.length) lines.push(`resolved since the base (${resolved.length}):`, ...resolved.map((finding) => `  ${line(finding)}`), '');
  const fixed = report.adoption?.baseline?.fixed ?? [];
  if (fixed.length) {
    lines.push(`fixed since the baseline (${fixed.length}; remove from ${report.adoption!.baseline!.file}):`, ...fixed.map((entry) => `  ${entry.file ? shown(entry.file) : '(not about one file)'}  ${entry.check}  ${entry.message}`), '');
  }
  if (report.slos.length) {
    lines.push('SLOs:');
    for (const slo of report.slos) {
      lines.push(`  ${slo.name}${slo.service ? ` [${slo.service}]` : ''} (${shown(slo.file)}:${slo.line}) — ${indicatorText(slo)}, target ${targetText(slo)}, budget ${budgetText(slo)}`);
      for (const window of slo.windows) lines.push(`      ${windowText(window)}`);
      for (const link of linkTexts(slo)) lines.push(`      ${link}`);
      if (slo.verdict) lines.push(`      verdict: ${slo.verdict}`);
      if (slo.live) lines.push(`      live: ${liveTextLine(slo.live)}`, ...liveRuleLines(slo.live).map((text) => `      live ${text}`));
    }
    lines.push('');
  }
  // The not-monitoring and excluded files are most of a repository: counted here, listed in the JSON report.
  for (const skipped of report.skipped) {
    if (skipped.reason !== 'not-monitoring' && skipped.reason !== 'excluded') lines.push(`skipped ${shown(skipped.path)}: ${skippedEntryText(skipped)}`);
  }
  const skippedLine = skippedText(report);
  if (skippedLine) lines.push(`${skippedLine}; every one is listed under "skipped" in --format json`);
  for (const item of report.notChecked ?? []) lines.push(`not checked ${shown(item.file)}:${item.line}: ${item.queries} ${item.datasource} quer${item.queries === 1 ? 'y' : 'ies'} in dashboard "${item.dashboard}" (not PromQL or LogQL)`);
  // One docs link per check with findings, rather than a URL after every line.
  const withFindings = new Set([...view.fresh, ...view.policy, ...view.existing].map((finding) => finding.check));
  const docs = report.checks.filter((check) => check.docsUrl && withFindings.has(check.id));
  if (docs.length) {
    const width = Math.max(...docs.map((check) => check.id.length));
    lines.push('docs:', ...docs.map((check) => `  ${check.id.padEnd(width)}  ${check.docsUrl}`), '');
  }
  const diff = report.diff;
  if (diff?.baseSha) {
    lines.push(
      `compared with ${diff.baseSha.slice(0, 12)}: ${diff.counts.new} new (${diff.newCounts.error} error(s), ${diff.newCounts.warning} warning(s)), ` +
        `${diff.counts.existing} already on the base, ${diff.counts.resolved} resolved${diff.newFindingsOnly ? '; only new findings fail' : ''}`,
    );
  }
  if (report.cache) lines.push(cacheLine(report.cache));
  const kinds = report.files.filter((file) => file.kinds.length > 0).length;
  const verdict = verdictOf(report, view);
  lines.push(
    `slo-gate ${report.result === 'pass' ? 'PASSED' : 'FAILED'}: ${verdict.headline}` +
      `${verdict.details.length ? ` (${verdict.details.join(', ')})` : ''}; ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s) ` +
      `in ${report.files.length} file(s) (${kinds} recognised, ${report.slos.length} SLO(s)); fails on: ${report.failOn}`,
  );
  // Names, messages and suggestions come from the checked files: each line stays one line.
  return `${lines.map(terminalLine).join('\n')}\n`;
}
