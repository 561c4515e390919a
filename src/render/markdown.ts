// The Markdown report: verdict, counts, the SLO table, then findings grouped by file.
// Used for report.md, the job summary and the PR comment (which add links and a size limit).

import type { Finding, Severity } from '../model/findings.js';
import type { Report } from '../report/report.js';
import { escapeMarkdown, fencedBlock } from './escape.js';
import { budgetText, indicatorText, targetText, windowText } from './figures.js';

export interface MarkdownOptions {
  /** Link for a file position (the PR head commit's blob view); plain text when undefined. */
  fileUrl?: (file: string, line?: number) => string | undefined;
  /** Longest allowed output in characters: least severe findings are left out first. */
  maxLength?: number;
  /** Where the complete report lives (artifact or run URL), named when findings are left out. */
  fullReportUrl?: string;
  /** First line; defaults to "SLO compliance report". */
  title?: string;
  /** Text placed before everything (a hidden marker comment). */
  preamble?: string;
  /** Extra lines placed after the counts (notes from publishers: annotations not shown, comment truncated). */
  notes?: string[];
}

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', notice: '🔵' };

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const head = renderHead(report, options);
  const slos = renderSloTable(report);
  const all = report.findings;
  const full = [head, slos, renderFindings(all, all.length, options)].filter(Boolean).join('\n\n') + '\n';
  if (!options.maxLength || full.length <= options.maxLength) return full;

  // Findings are sorted most severe first: keep the longest prefix that fits.
  let low = 0;
  let high = all.length;
  let best = [head, slos, renderFindings([], all.length, options)].filter(Boolean).join('\n\n') + '\n';
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = [head, slos, renderFindings(all.slice(0, middle), all.length, options)].filter(Boolean).join('\n\n') + '\n';
    if (candidate.length <= options.maxLength) {
      best = candidate;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (best.length > options.maxLength) {
    // Even the SLO table does not fit: keep the verdict, which always does.
    return `${head}\n\n_The full report is too long to show here${options.fullReportUrl ? `: see [the full report](${options.fullReportUrl})` : ''}._\n`.slice(0, options.maxLength);
  }
  return best;
}

function renderHead(report: Report, options: MarkdownOptions): string {
  const verdict = report.result === 'pass' ? '✅ **Passed**' : '❌ **Failed**';
  const lines = [
    ...(options.preamble ? [options.preamble] : []),
    `## ${options.title ?? 'SLO compliance report'}`,
    '',
    `${verdict} — ${report.counts.error} error(s), ${report.counts.warning} warning(s), ${report.counts.notice} notice(s) in ${report.files.length} file(s), ${report.slos.length} SLO(s). Fails on: \`${report.failOn}\`.`,
  ];
  for (const note of options.notes ?? []) lines.push('', note);
  return lines.join('\n');
}

function renderSloTable(report: Report): string {
  if (report.slos.length === 0) return '';
  const rows = report.slos.map((slo) => {
    const windows = slo.windows.length ? slo.windows.map((w) => escapeMarkdown(windowText(w))).join('<br>') : '—';
    return `| ${escapeMarkdown(slo.name)} | ${escapeMarkdown(indicatorText(slo))} | ${escapeMarkdown(targetText(slo))} | ${escapeMarkdown(budgetText(slo))} | ${windows} |`;
  });
  return ['### SLOs', '', '| SLO | Indicator | Target | Error budget | Burn-rate windows |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function renderFindings(shown: Finding[], total: number, options: MarkdownOptions): string {
  if (total === 0) return '### Findings\n\nNo findings.';
  const byFile = new Map<string, Finding[]>();
  for (const finding of shown) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const parts = ['### Findings'];
  for (const [file, findings] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rows = findings.map((finding) => {
      const where = finding.line ? `${finding.line}${finding.column ? `:${finding.column}` : ''}` : '—';
      const url = options.fileUrl?.(finding.file, finding.line);
      const lineCell = url ? `[${where}](${url})` : where;
      return `| ${lineCell} | ${ICON[finding.severity]} ${finding.severity} | \`${finding.check}\` | ${escapeMarkdown(finding.message)} |`;
    });
    parts.push(`#### \`${file.replace(/`/g, "'")}\`\n\n| Line | Severity | Check | Message |\n| --- | --- | --- | --- |\n${rows.join('\n')}`);
    for (const finding of findings) {
      if (!finding.suggestion) continue;
      parts.push(`<details><summary>Suggested fix for line ${finding.line ?? '?'} (${finding.check})</summary>\n\n${fencedBlock(finding.suggestion, 'yaml')}\n\n</details>`);
    }
  }
  if (shown.length < total) {
    const more = total - shown.length;
    parts.push(`_${more} more finding(s), the least severe, are not shown here${options.fullReportUrl ? `: see [the full report](${options.fullReportUrl})` : '; they are in the full report'}._`);
  }
  return parts.join('\n\n');
}
