// How numbers read in every report format, so text, Markdown and HTML agree.

import type { CacheReport, Report, SloSummary } from '../report/report.js';
import { describeSpan, formatDuration, formatLatency, formatPercent, roundTo } from '../model/units.js';
import type { WindowFigures } from '../model/burn-rate.js';

export function targetText(slo: SloSummary): string {
  return slo.target === undefined ? '—' : formatPercent(slo.target);
}

export function budgetText(slo: SloSummary): string {
  if (slo.errorBudget === undefined) return '—';
  const minutes = slo.budgetMinutes !== undefined ? ` (${roundTo(slo.budgetMinutes, 2)} min / ${formatDuration(slo.periodSeconds!)})` : '';
  return `${formatPercent(slo.errorBudget)}${minutes}`;
}

export function indicatorText(slo: SloSummary): string {
  const { type, thresholdSeconds, percentile } = slo.indicator;
  if (type === 'latency' && thresholdSeconds !== undefined) return `latency p${percentile ?? '?'} ≤ ${formatLatency(thresholdSeconds)}`;
  return type;
}

export function windowText(window: WindowFigures): string {
  const name = window.shortSeconds ? `${formatDuration(window.longSeconds)}/${formatDuration(window.shortSeconds)}` : formatDuration(window.longSeconds);
  if (window.factor === undefined) return `${name}: no factor`;
  const parts = [`${name} @ ${roundTo(window.factor, 3)}×`];
  if (window.budgetConsumed !== undefined) parts.push(`${roundTo(window.budgetConsumed * 100, 2)} % budget`);
  if (window.timeToExhaustionSeconds !== undefined) parts.push(`exhausts in ${describeSpan(window.timeToExhaustionSeconds)}`);
  if (window.timeToDetectSeconds !== undefined) parts.push(`detects outage in ${describeSpan(window.timeToDetectSeconds)}`);
  if (window.reachable === false) parts.push('UNREACHABLE');
  return parts.join(', ');
}

export function location(finding: { file: string; line?: number; column?: number }): string {
  return `${finding.file || '(not about one file)'}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}`;
}

/** What implements an SLO, one entry per alert or panel: `alert FastBurn (label: slo=api)`. */
export function linkTexts(slo: SloSummary): string[] {
  if (!slo.links) return [];
  return [
    ...slo.links.alerts.map((a) => `alert ${a.name} (${a.method}: ${a.reason})`),
    ...slo.links.panels.map((p) => `panel ${p.name} (${p.method}: ${p.reason})`),
  ];
}

export function cacheLine(cache: CacheReport): string {
  return `${cache.fromCache} of ${cache.files} file(s) came from the cache (unchanged since a run that checked them)`;
}

/** `3 file(s) not checked (2 not-monitoring, 1 template); 1 checked in part`, or '' when none was skipped. */
export function skippedText(report: Pick<Report, 'skipped'>): string {
  const whole = report.skipped.filter((entry) => !entry.documents);
  const partly = report.skipped.length - whole.length;
  const byReason = new Map<string, number>();
  for (const entry of whole) byReason.set(entry.reason, (byReason.get(entry.reason) ?? 0) + 1);
  const parts = [];
  if (whole.length) parts.push(`${whole.length} file(s) not checked (${[...byReason].map(([reason, n]) => `${n} ${reason}`).join(', ')})`);
  if (partly) parts.push(`${partly} checked in part`);
  return parts.join('; ');
}

/** One skipped entry: `path — reason: detail`, naming the documents left out of a file checked in part. */
export function skippedEntryText(entry: Report['skipped'][number]): string {
  const documents = entry.documents ? ` (document(s) ${entry.documents.join(', ')} not checked; the rest was)` : '';
  return `${entry.reason}${entry.detail ? `: ${entry.detail}` : ''}${documents}`;
}
