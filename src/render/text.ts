import type { Report } from '../report/report.js';
import { budgetText, indicatorText, location, targetText, windowText, linkTexts } from './figures.js';
import { liveRuleLines, liveTextLine } from './live.js';
import { cacheLine } from './figures.js';
import { terminalLine } from './terminal.js';

/** The terminal report: findings as `file:line:col severity check message`, then SLOs and a verdict. */
export function renderText(report: Report): string {
  const lines: string[] = [];
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
  for (const skipped of report.skipped) lines.push(`skipped ${skipped.path}: ${skipped.reason}`);
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
