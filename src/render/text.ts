import type { Report } from '../report/report.js';
import { budgetText, indicatorText, location, targetText, windowText } from './figures.js';

/** The terminal report: findings as `file:line:col severity check message`, then SLOs and a verdict. */
export function renderText(report: Report): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    lines.push(`${location(finding)}  ${finding.severity.padEnd(7)} ${finding.check}  ${finding.message}`);
    if (finding.suggestion) lines.push(...finding.suggestion.split('\n').map((line) => `    ${line}`));
  }
  if (report.findings.length) lines.push('');
  if (report.slos.length) {
    lines.push('SLOs:');
    for (const slo of report.slos) {
      lines.push(`  ${slo.name} (${slo.file}:${slo.line}) — ${indicatorText(slo)}, target ${targetText(slo)}, budget ${budgetText(slo)}`);
      for (const window of slo.windows) lines.push(`      ${windowText(window)}`);
    }
    lines.push('');
  }
  for (const skipped of report.skipped) lines.push(`skipped ${skipped.path}: ${skipped.reason}`);
  const kinds = report.files.filter((file) => file.kinds.length > 0).length;
  lines.push(
    `slo-gate ${report.result === 'pass' ? 'PASSED' : 'FAILED'}: ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s) ` +
      `in ${report.files.length} file(s) (${kinds} recognised, ${report.slos.length} SLO(s)); fails on: ${report.failOn}`,
  );
  return `${lines.join('\n')}\n`;
}
