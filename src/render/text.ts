import type { Report } from '../report/report.js';
import { budgetText, indicatorText, location, skippedEntryText, skippedText, targetText, windowText, linkTexts } from './figures.js';
import { liveRuleLines, liveTextLine } from './live.js';
import { cacheLine } from './figures.js';
import { terminalLine } from './terminal.js';
import { headlines } from './markdown.js';

/** The terminal report: findings as `file:line:col severity check message`, then SLOs and a verdict. */
export function renderText(report: Report): string {
  const lines: string[] = [];
  for (const finding of headlines(report)) lines.push(`${finding.severity}: ${finding.message} (${finding.check})`, '');
  for (const finding of report.findings) {
    lines.push(`${location(finding)}  ${finding.severity.padEnd(7)} ${finding.check}  ${finding.message}${finding.status === 'existing' ? '  (already on the base)' : ''}`);
    if (finding.suggestion) lines.push(...finding.suggestion.replace(/\n$/, '').split(/\r?\n/).map((line) => `    ${line}`));
  }
  if (report.findings.length) lines.push('');
  if (report.slos.length) {
    lines.push('SLOs:');
    for (const slo of report.slos) {
      lines.push(`  ${slo.name} (${slo.file}:${slo.line}) — ${indicatorText(slo)}, target ${targetText(slo)}, budget ${budgetText(slo)}`);
      for (const window of slo.windows) lines.push(`      ${windowText(window)}`);
      for (const link of linkTexts(slo)) lines.push(`      ${link}`);
      if (slo.verdict) lines.push(`      verdict: ${slo.verdict}`);
      if (slo.live) lines.push(`      live: ${liveTextLine(slo.live)}`, ...liveRuleLines(slo.live).map((line) => `      live ${line}`));
    }
    lines.push('');
  }
  // The not-monitoring and excluded files are most of a repository: counted here, listed in the JSON report.
  for (const skipped of report.skipped) {
    if (skipped.reason !== 'not-monitoring' && skipped.reason !== 'excluded') lines.push(`skipped ${skipped.path}: ${skippedEntryText(skipped)}`);
  }
  const skippedLine = skippedText(report);
  if (skippedLine) lines.push(`${skippedLine}; every one is listed under "skipped" in --format json`);
  for (const item of report.notChecked ?? []) lines.push(`not checked ${item.file}:${item.line}: ${item.queries} ${item.datasource} quer${item.queries === 1 ? 'y' : 'ies'} in dashboard "${item.dashboard}" (not PromQL or LogQL)`);
  const diff = report.diff;
  if (diff?.baseSha) {
    lines.push(
      `compared with ${diff.baseSha.slice(0, 12)}: ${diff.counts.new} new (${diff.newCounts.error} error(s), ${diff.newCounts.warning} warning(s)), ` +
        `${diff.counts.existing} already on the base, ${diff.counts.resolved} resolved${diff.newFindingsOnly ? '; only new findings fail' : ''}`,
    );
  }
  if (report.cache) lines.push(cacheLine(report.cache));
  const kinds = report.files.filter((file) => file.kinds.length > 0).length;
  lines.push(
    `slo-gate ${report.result === 'pass' ? 'PASSED' : 'FAILED'}: ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s) ` +
      `in ${report.files.length} file(s) (${kinds} recognised, ${report.slos.length} SLO(s)); fails on: ${report.failOn}`,
  );
  // Names, messages and suggestions come from the checked files: each line stays one line.
  return `${lines.map(terminalLine).join('\n')}\n`;
}
