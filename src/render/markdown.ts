// The Markdown report: used for report.md, the job summary and the PR comment (which add links
// and a size limit). It leads with the decision: the verdict and what fails it, then the new
// findings with their fixes and docs links, then policy changes (naming the approval label while
// it is missing); everything else — existing, suppressed, resolved, the SLO table, figures — is
// collapsed.

import type { Finding, Severity } from '../model/findings.js';
import { docsUrlOf, reportView, type Report, type ReportView } from '../report/report.js';
import { codeSpan, escapeInlineHtml, escapeMarkdown, fencedBlock, markdownLink } from './escape.js';
import { budgetText, cacheLine, indicatorText, linkTexts, location, skippedEntryText, skippedText, targetText, windowText } from './figures.js';
import { renderLiveMarkdown } from './live.js';
import { existingLabel, existingText, verdictOf } from './verdict.js';

export interface MarkdownOptions {
  /** Link for a file position (the PR head commit's blob view); plain text when undefined. */
  fileUrl?: (file: string, line?: number) => string | undefined;
  /** Longest output; findings are left out, least severe first, to fit. */
  maxLength?: number;
  /** How `maxLength` is measured; defaults to UTF-16 length. The job summary's limit is in UTF-8 bytes. */
  measure?: (text: string) => number;
  /** Where the complete report lives (artifact or run URL), named when findings are left out. */
  fullReportUrl?: string;
  /** Who speaks, in the line under the verdict; defaults to "slo-gate". */
  title?: string;
  /** Text placed before everything (a hidden marker comment). */
  preamble?: string;
  /** Extra lines placed under the verdict (notes from publishers: annotations not shown, comment truncated). */
  notes?: string[];
}

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', notice: '🔵' };

/** Lists that must fit whatever the size limit: the full lists are in the JSON report. */
const MAX_LISTED = 50;

interface Layout {
  /** How many of the ordered findings (new, existing, suppressed) are shown. */
  shown: number;
  /** SLO table rows shown. */
  sloRows: number;
  /** The figures section (burn-rate windows, what implements each SLO). */
  figures: boolean;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const view = reportView(report);
  const ordered = [...view.fresh, ...view.existing, ...view.suppressed];
  const compose = (layout: Layout) => composeReport(report, view, ordered, layout, options);
  const full = compose({ shown: ordered.length, sloRows: report.slos.length, figures: true });
  const size = options.measure ?? ((text: string) => text.length);
  if (!options.maxLength || size(full) <= options.maxLength) return full;
  const maxLength = options.maxLength;

  // Hundreds of SLOs may take at most half the room: the findings are what the reader must see.
  const sloPart = (layout: Layout) => [renderSloTable(report, layout.sloRows), layout.figures ? renderFigures(report) : ''].join('');
  const layout: Layout = { shown: ordered.length, sloRows: report.slos.length, figures: true };
  if (size(sloPart(layout)) > maxLength / 2) layout.figures = false;
  if (size(sloPart(layout)) > maxLength / 2) layout.sloRows = longestFit(report.slos.length, (rows) => size(sloPart({ ...layout, sloRows: rows })) <= maxLength / 2);

  // Findings are in the order the reader needs them (new, most severe first): keep the longest prefix that fits.
  layout.shown = longestFit(ordered.length, (shown) => size(compose({ ...layout, shown })) <= maxLength);
  const best = compose(layout);
  if (size(best) <= maxLength) return best;
  // Even the verdict and the SLO table do not fit: keep the verdict, which always does.
  const head = renderHead(report, view, options);
  return `${head}\n\n_The full report is too long to show here${options.fullReportUrl ? `: see ${markdownLink('the full report', options.fullReportUrl)}` : ''}._\n`.slice(0, maxLength);
}

function composeReport(report: Report, view: ReportView, ordered: Finding[], layout: Layout, options: MarkdownOptions): string {
  const shown = new Set(ordered.slice(0, layout.shown));
  const hidden = ordered.length - layout.shown;
  const moreNote = `_${hidden} more finding(s), the least severe, are not shown here${options.fullReportUrl ? `: see ${markdownLink('the full report', options.fullReportUrl)}` : '; they are in the full report'}._`;
  // The note goes at the end of the first group the limit cut short.
  let noted = hidden === 0;
  const groupOf = (findings: Finding[]) => {
    const kept = findings.filter((finding) => shown.has(finding));
    const note = !noted && kept.length < findings.length ? ((noted = true), moreNote) : '';
    return { kept, note };
  };
  const fresh = groupOf(view.fresh);
  const existing = groupOf(view.existing);
  const suppressed = groupOf(view.suppressed);
  const parts = [
    renderHead(report, view, options),
    renderFresh(report, view, fresh.kept, fresh.note, options),
    renderPolicy(report, view),
    renderLiveMarkdown(report, { maxChars: options.maxLength && options.maxLength / 3 }),
    renderExisting(report, view.existing, existing.kept, existing.note, options),
    renderSuppressed(view.suppressed, suppressed.kept, suppressed.note),
    renderResolved(report),
    renderBaselineFixed(report),
    renderSloTable(report, layout.sloRows),
    layout.figures ? renderFigures(report) : '',
    renderSkipped(report),
    renderNotChecked(report),
  ];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}

/** Findings about the run itself, shown before everything else. */
export function headlines(report: Pick<Report, 'findings'>): Report['findings'] {
  return report.findings.filter((finding) => finding.headline);
}

/** The files not checked, collapsed: most repositories have many YAML files that are not monitoring. */
function renderSkipped(report: Report): string {
  if (report.skipped.length === 0) return '';
  const items = report.skipped.slice(0, MAX_LISTED).map((entry) => `- ${codeSpan(entry.path, false)} — ${escapeMarkdown(skippedEntryText(entry))}`);
  if (report.skipped.length > MAX_LISTED) items.push(`- …and ${report.skipped.length - MAX_LISTED} more, in the full report`);
  return `<details><summary>${escapeInlineHtml(skippedText(report))}</summary>\n\n${items.join('\n')}\n\n</details>`;
}

/** Dashboard queries in languages slo-gate does not read, collapsed: said, so a pass is not read as covering them. */
function renderNotChecked(report: Report): string {
  const notChecked = report.notChecked ?? [];
  if (notChecked.length === 0) return '';
  const queries = notChecked.reduce((sum, item) => sum + item.queries, 0);
  const items = notChecked.slice(0, MAX_LISTED).map(
    (item) => `- ${codeSpan(`${item.file}:${item.line}`, false)} — ${item.queries} ${escapeMarkdown(item.datasource)} quer${item.queries === 1 ? 'y' : 'ies'} in dashboard ${escapeMarkdown(item.dashboard)}`,
  );
  if (notChecked.length > MAX_LISTED) items.push(`- …and ${notChecked.length - MAX_LISTED} more, in the full report`);
  return `<details><summary>${queries} dashboard quer${queries === 1 ? 'y' : 'ies'} not checked (not PromQL or LogQL)</summary>\n\n${items.join('\n')}\n\n</details>`;
}

function renderHead(report: Report, view: ReportView, options: MarkdownOptions): string {
  const verdict = verdictOf(report, view);
  const context = [
    `**${options.title ?? 'slo-gate'}**`,
    `${report.files.length} file(s)`,
    `${report.slos.length} SLO(s)`,
    `fails on ${codeSpan(report.failOn, false)}`,
    ...(report.diff?.baseSha ? [`compared with the base ${codeSpan(report.diff.baseSha.slice(0, 12), false)}`] : []),
    ...(report.adoption?.baseline ? [`baseline ${codeSpan(report.adoption.baseline.file, false)}`] : []),
    ...verdict.details.map(escapeMarkdown),
    ...(report.cache ? [escapeMarkdown(cacheLine(report.cache))] : []),
    ...(report.skipped.length ? [escapeMarkdown(skippedText(report))] : []),
  ];
  // Findings about the run itself (nothing was checked) come before anything else is said.
  const headlineLines = headlines(report).flatMap((finding) => [`${ICON[finding.severity]} **${escapeMarkdown(finding.message)}** (${codeSpan(finding.check, false)})`, '']);
  const lines = [...(options.preamble ? [options.preamble] : []), `## ${verdict.passed ? '✅' : '❌'} ${escapeMarkdown(verdict.headline)}`, '', ...headlineLines, context.join(' · ')];
  const diff = report.diff;
  if (diff && diff.baseSha === undefined) {
    lines.push('', `ℹ️ Not compared with the base ${codeSpan(diff.baseRef, false)}: ${escapeMarkdown(diff.unavailable ?? 'unknown reason')}. Every finding counts, as without a base.`);
  }
  if (verdict.awaitingApproval) {
    const { count, label } = verdict.awaitingApproval;
    lines.push('', `⏳ **${count} policy change(s) await approval**: the label ${codeSpan(label, false)} is not on this pull request (see below).`);
  }
  if (diff?.changedFilesOnly) lines.push('', '_Findings are listed only for files this pull request changed, and the files linked to them._');
  for (const note of options.notes ?? []) lines.push('', note);
  return lines.join('\n');
}

function renderFresh(report: Report, view: ReportView, kept: Finding[], note: string, options: MarkdownOptions): string {
  // With nothing new the verdict line has already said so; an empty section would say it twice.
  if (view.fresh.length === 0) return '';
  const heading = view.comparing ? `### New findings (${view.fresh.length})` : `### Findings (${view.fresh.length})`;
  return [heading, findingTables(report, kept, options, true), note].filter(Boolean).join('\n\n');
}

/** Findings grouped by file, one table each; `suggestions` adds each ready-to-paste fix under its table. */
function findingTables(report: Report, findings: Finding[], options: MarkdownOptions, suggestions: boolean, label?: (finding: Finding) => string): string {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const parts: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rows = list.map((finding) => {
      const where = finding.line ? `${finding.line}${finding.column ? `:${finding.column}` : ''}` : '—';
      const url = options.fileUrl?.(finding.file, finding.line);
      const lineCell = url ? markdownLink(where, url) : where;
      const suffix = label ? ` — _${label(finding)}_` : '';
      return `| ${lineCell} | ${ICON[finding.severity]} ${finding.severity} | ${checkCell(report, finding.check)} | ${escapeMarkdown(finding.message)}${suffix} |`;
    });
    const fileTitle = file ? codeSpan(file, false) : 'Not about one file';
    parts.push(`#### ${fileTitle}\n\n| Line | Severity | Check | Message |\n| --- | --- | --- | --- |\n${rows.join('\n')}`);
    if (!suggestions) continue;
    for (const finding of list) {
      if (!finding.suggestion) continue;
      parts.push(`<details><summary>Suggested fix for line ${finding.line ?? '?'} (${escapeInlineHtml(finding.check)})</summary>\n\n${fencedBlock(finding.suggestion, 'yaml')}\n\n</details>`);
    }
  }
  return parts.join('\n\n');
}

/** The check's id, linked to its docs page when the report knows it. */
function checkCell(report: Report, check: string): string {
  const url = docsUrlOf(report, check);
  return url ? markdownLink(codeSpan(check), url) : codeSpan(check);
}

function renderPolicy(report: Report, view: ReportView): string {
  if (view.policy.length === 0) return '';
  const items = view.policy.slice(0, MAX_LISTED).map((finding) => `- ${ICON[finding.severity]} ${escapeMarkdown(finding.message)} — ${codeSpan(location(finding), false)} · ${checkCell(report, finding.check)}`);
  if (view.policy.length > MAX_LISTED) items.push(`- …and ${view.policy.length - MAX_LISTED} more, in the full report`);
  const diff = report.diff;
  const lines = [`### Policy changes (${view.policy.length})`, '', ...items];
  if (diff?.approval) {
    // Broken by a zero-width space, so the approver reads as @login without being mentioned (and notified) on every update.
    const by = diff.approval.by ? ` by ${escapeMarkdown(`@${diff.approval.by}`)}` : '';
    lines.push('', `✅ Approved${by} with the label ${codeSpan(diff.approval.label, false)}: these are reported as notices and do not fail the check.`);
  } else if (diff?.allowLabel) {
    lines.push('', `⏳ **Waiting for approval.** A maintainer who accepts these changes adds the label ${codeSpan(diff.allowLabel, false)} to the pull request; they are then reported as notices. Otherwise, undo them.`);
  } else if (diff) {
    lines.push('', '_No approval label is configured (`allow-label` is empty): policy changes count like any other finding._');
  }
  return lines.join('\n');
}

function renderExisting(report: Report, all: Finding[], kept: Finding[], note: string, options: MarkdownOptions): string {
  if (all.length === 0) return '';
  const body = [findingTables(report, kept, options, false, existingLabel), note].filter(Boolean).join('\n\n');
  const gate = report.diff?.baseSha && !report.diff.newFindingsOnly && !all.some((finding) => finding.baselined) ? '' : ' — they do not fail the check';
  return `<details><summary>${escapeInlineHtml(existingText(all))}${gate}</summary>\n\n${body || '_All are in the full report._'}\n\n</details>`;
}

function renderSuppressed(all: Finding[], kept: Finding[], note: string): string {
  if (all.length === 0) return '';
  const items = kept.map((finding) => {
    const how = finding.suppressed!.kind === 'inSource' ? 'comment at' : '`ignore:` entry at';
    return `- ${codeSpan(location(finding), false)} ${codeSpan(finding.check, false)} ${escapeMarkdown(finding.message)} — **reason:** ${escapeMarkdown(finding.suppressed!.reason)} (${how} ${codeSpan(finding.suppressed!.by, false)})`;
  });
  return `<details><summary>${all.length} suppressed finding(s), with their reasons</summary>\n\n${[items.join('\n'), note].filter(Boolean).join('\n\n') || '_All are in the full report._'}\n\n</details>`;
}

/** Findings the base had and the head does not, collapsed; positions are the base's. */
function renderResolved(report: Report): string {
  const resolved = report.diff?.resolved ?? [];
  if (resolved.length === 0) return '';
  const items = resolved.slice(0, MAX_LISTED).map((finding) => `- ${codeSpan(location(finding), false)} ${codeSpan(finding.check, false)} ${escapeMarkdown(finding.message)}`);
  if (resolved.length > MAX_LISTED) items.push(`- …and ${resolved.length - MAX_LISTED} more, in the full report`);
  return `<details><summary>✔️ ${resolved.length} finding(s) resolved by this pull request</summary>\n\n${items.join('\n')}\n\n</details>`;
}

/** Baseline entries nothing matches any more: listed so the baseline file can shrink. */
function renderBaselineFixed(report: Report): string {
  const baseline = report.adoption?.baseline;
  if (!baseline?.fixed.length) return '';
  const items = baseline.fixed.slice(0, MAX_LISTED).map((entry) => `- ${codeSpan(entry.file || '(not about one file)', false)} ${codeSpan(entry.check, false)} ${escapeMarkdown(entry.message)}${entry.count > 1 ? ` (×${entry.count})` : ''}`);
  if (baseline.fixed.length > MAX_LISTED) items.push(`- …and ${baseline.fixed.length - MAX_LISTED} more, in the full report`);
  return `<details><summary>🧹 ${baseline.fixed.length} baseline entr${baseline.fixed.length === 1 ? 'y is' : 'ies are'} fixed: remove ${baseline.fixed.length === 1 ? 'it' : 'them'} from <code>${escapeInlineHtml(baseline.file)}</code> (or write the baseline again)</summary>\n\n${items.join('\n')}\n\n</details>`;
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

/** What a reviewer scans: SLO, service, target, budget, verdict. The rest is in the figures. */
function renderSloTable(report: Report, limit = report.slos.length): string {
  if (report.slos.length === 0) return '';
  const rows = report.slos
    .slice(0, limit)
    .map((slo) => `| ${escapeMarkdown(slo.name)} | ${slo.service ? escapeMarkdown(slo.service) : '—'} | ${escapeMarkdown(targetText(slo))} | ${escapeMarkdown(budgetText(slo))} | ${escapeMarkdown(slo.verdict ?? '—')} |`);
  const more = report.slos.length - rows.length;
  const table = ['| SLO | Service | Target | Error budget | Verdict |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
  return `<details><summary>${report.slos.length} SLO(s)</summary>\n\n${table}${more > 0 ? `\n\n_${more} more SLO(s) are listed in the full report._` : ''}\n\n</details>`;
}

/** Per SLO: its indicator, burn-rate windows and what implements it. */
function renderFigures(report: Report): string {
  const blocks = report.slos
    .filter((slo) => slo.windows.length || linkTexts(slo).length)
    .map((slo) => {
      const title = `**${escapeMarkdown(slo.name)}**${slo.service ? ` (${escapeMarkdown(slo.service)})` : ''} — ${escapeMarkdown(indicatorText(slo))}, ${codeSpan(`${slo.file}:${slo.line}`, false)}`;
      const items = [...slo.windows.map((window) => `- window ${escapeMarkdown(windowText(window))}`), ...linkTexts(slo).map((text) => `- ${escapeMarkdown(text)}`)];
      return `${title}\n\n${items.join('\n')}`;
    });
  if (blocks.length === 0) return '';
  return `<details><summary>Figures: burn-rate windows and what implements each SLO</summary>\n\n${blocks.join('\n\n')}\n\n</details>`;
}
