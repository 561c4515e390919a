// The Markdown report: verdict, counts, the SLO table, then findings grouped by file.
// Used for report.md, the job summary and the PR comment (which add links and a size limit).

import type { Finding, Severity } from '../model/findings.js';
import type { Report } from '../report/report.js';
import { escapeMarkdown, fencedBlock } from './escape.js';
import { terminalLine } from './terminal.js';
import { budgetText, cacheLine, indicatorText, targetText, windowText, linkTexts } from './figures.js';
import { renderLiveMarkdown } from './live.js';
import { diffVerdictLines, renderResolved, reviewOrder } from './diff-markdown.js';

export interface MarkdownOptions {
  /** Link for a file position (the PR head commit's blob view); plain text when undefined. */
  fileUrl?: (file: string, line?: number) => string | undefined;
  /** Longest allowed output in characters: least severe findings are left out first. */
  maxLength?: number;
  /** How maxLength counts (default: UTF-16 length); the job summary's limit is in UTF-8 bytes. */
  measure?: (text: string) => number;
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
  const sloPart = (rows?: number) =>
    [renderSloTable(report, rows), renderLiveMarkdown(report, { maxChars: options.maxLength && options.maxLength / 3 })].filter(Boolean).join('\n\n');
  let slos = sloPart();
  // Compared with a base: new findings first, so a size limit leaves out pre-existing ones first.
  const all = report.diff?.baseSha ? reviewOrder(report.findings) : report.findings;
  const full = [head, slos, renderFindings(all, all.length, options)].filter(Boolean).join('\n\n') + '\n';
  const size = options.measure ?? ((text: string) => text.length);
  if (!options.maxLength || size(full) <= options.maxLength) return full;

  // Hundreds of SLOs may take at most half the room: the findings are what the reader must see.
  const maxLength = options.maxLength;
  if (size(slos) > maxLength / 2) slos = sloPart(longestFit(report.slos.length, (rows) => size(sloPart(rows)) <= maxLength / 2));

  // Findings are sorted most severe first: keep the longest prefix that fits.
  let low = 0;
  let high = all.length;
  let best = [head, slos, renderFindings([], all.length, options)].filter(Boolean).join('\n\n') + '\n';
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = [head, slos, renderFindings(all.slice(0, middle), all.length, options)].filter(Boolean).join('\n\n') + '\n';
    if (size(candidate) <= options.maxLength) {
      best = candidate;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (size(best) > options.maxLength) {
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
    ...diffVerdictLines(report),
    ...(report.cache ? ['', `_${cacheLine(report.cache)}._`] : []),
  ];
  const resolved = renderResolved(report);
  if (resolved) lines.push('', resolved);
  for (const note of options.notes ?? []) lines.push('', note);
  return lines.join('\n');
}

/** The largest n in [0, count] with fits(n), for fits that holds up to some n and fails after. */
function longestFit(count: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

function renderSloTable(report: Report, limit = report.slos.length): string {
  if (report.slos.length === 0) return '';
  const rows = report.slos.slice(0, limit).map((slo) => {
    const windows = slo.windows.length ? slo.windows.map((w) => escapeMarkdown(windowText(w))).join('<br>') : '—';
    const links = linkTexts(slo);
    const implementedBy = links.length ? links.map(escapeMarkdown).join('<br>') : '—';
    return `| ${escapeMarkdown(slo.name)} | ${escapeMarkdown(indicatorText(slo))} | ${escapeMarkdown(targetText(slo))} | ${escapeMarkdown(budgetText(slo))} | ${windows} | ${implementedBy} | ${escapeMarkdown(slo.verdict ?? '—')} |`;
  });
  const table = [
    '### SLOs',
    '',
    '| SLO | Indicator | Target | Error budget | Burn-rate windows | Implemented by | Verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  const more = report.slos.length - rows.length;
  return more > 0 ? `${table}\n\n_${more} more SLO(s) are listed in the full report._` : table;
}

function renderFindings(shown: Finding[], total: number, options: MarkdownOptions, heading = '### Findings'): string {
  if (heading === '### Findings' && shown.some((finding) => finding.status)) return renderReviewFindings(shown, total, options);
  if (total === 0) return `${heading}\n\nNo findings.`;
  const byFile = new Map<string, Finding[]>();
  for (const finding of shown) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const parts = heading ? [heading] : [];
  for (const [file, findings] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rows = findings.map((finding) => {
      const where = finding.line ? `${finding.line}${finding.column ? `:${finding.column}` : ''}` : '—';
      const url = options.fileUrl?.(finding.file, finding.line);
      const lineCell = url ? `[${where}](${url})` : where;
      return `| ${lineCell} | ${ICON[finding.severity]} ${finding.severity} | \`${finding.check}\` | ${escapeMarkdown(finding.message)} |`;
    });
    const fileTitle = file ? `\`${terminalLine(file).replace(/`/g, "'")}\`` : 'Not about one file';
    parts.push(`#### ${fileTitle}\n\n| Line | Severity | Check | Message |\n| --- | --- | --- | --- |\n${rows.join('\n')}`);
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

/** Compared with a base: the pull request's own findings, then the pre-existing ones collapsed. */
function renderReviewFindings(shown: Finding[], total: number, options: MarkdownOptions): string {
  const fresh = shown.filter((finding) => finding.status !== 'existing');
  const existing = shown.filter((finding) => finding.status === 'existing');
  // Pre-existing findings come last, so those a size limit left out are pre-existing ones.
  const hidden = total - shown.length;
  const parts = [fresh.length ? renderFindings(fresh, fresh.length, options, '### New in this pull request') : '### New in this pull request\n\nNo new findings.'];
  if (existing.length + hidden > 0) {
    parts.push(`<details><summary>${existing.length + hidden} finding(s) already on the base</summary>\n\n${renderFindings(existing, existing.length + hidden, options, '')}\n\n</details>`);
  }
  return parts.join('\n\n');
}
