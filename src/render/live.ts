// The live error budget in every report format: a table of what each SLO has left and how fast it
// burns now, with a coloured status, and a burn-down chart per SLO (Mermaid in Markdown, inline
// SVG in HTML). Renderers call renderLiveMarkdown / renderLiveHtml; both are empty without live mode.

import type { LiveSloResult } from '../live/types.js';
import { formatDuration } from '../model/units.js';
import type { Report, SloSummary } from '../report/report.js';
import { escapeHtml, escapeInlineHtml, escapeMarkdown } from './escape.js';
import { mermaidLineChart, mermaidTimeline, type LineChart, type Timeline } from './mermaid.js';
import { svgLineChart, svgTimeline } from './svg-chart.js';

export type LiveTone = 'pass' | 'low' | 'warning' | 'error' | 'muted';

/** Budget left under this share reads as "low" (yellow): a quarter of the period's allowance. */
const LOW_BUDGET = 0.25;

const ICONS: Record<LiveTone, string> = { pass: '🟢', low: '🟡', warning: '🟠', error: '🔴', muted: '⚪' };

export function liveStatus(live: LiveSloResult): { tone: LiveTone; icon: string; text: string } {
  const pick = (tone: LiveTone, text: string) => ({ tone, icon: ICONS[tone], text });
  switch (live.status) {
    case 'exhausted':
      return pick('error', 'budget exhausted');
    case 'burning':
      return live.windows.some((w) => w.firing && w.page) ? pick('error', 'burning (page)') : pick('warning', 'burning');
    case 'ok':
      return (live.budgetRemaining ?? 1) < LOW_BUDGET ? pick('low', 'low budget') : pick('pass', 'ok');
    case 'no-data':
      return pick('warning', 'no data');
    case 'failed':
      return pick('error', 'query failed');
    case 'not-measurable':
      return pick('muted', 'not measurable');
    case 'not-evaluated':
      return pick('muted', 'not evaluated');
  }
}

export function budgetLeftText(live: LiveSloResult): string {
  if (live.budgetRemaining === undefined) return '—';
  // A real minus sign: a hyphen before a number reads as a dash in a table cell.
  const signed = (n: number) => (n < 0 ? `−${-n}` : String(n));
  const minutes = live.budgetRemainingMinutes !== undefined ? ` (${signed(Number(live.budgetRemainingMinutes.toFixed(1)))} min)` : '';
  return `${signed(Number((live.budgetRemaining * 100).toFixed(1)))} %${minutes}`;
}

export function burnNowText(live: LiveSloResult): string {
  const shown = live.windows.filter((w) => w.burnRate !== undefined);
  if (!shown.length) return '—';
  const rate = (n: number) => `${Number(n.toFixed(n < 10 ? 2 : 1))}×`;
  return shown
    .map((w) => {
      const name = w.shortSeconds ? `${formatDuration(w.longSeconds)}/${formatDuration(w.shortSeconds)}` : formatDuration(w.longSeconds);
      const rates = w.shortBurnRate !== undefined ? `${rate(w.burnRate!)}/${rate(w.shortBurnRate)}` : rate(w.burnRate!);
      return `${name} ${rates}${w.factor !== undefined ? ` (alert ${rate(w.factor)})` : ''}${w.firing ? ' FIRING' : ''}`;
    })
    .join('; ');
}

/** One line for the terminal: status, budget left, burn rates now, or why nothing was measured. */
export function liveTextLine(live: LiveSloResult): string {
  const status = liveStatus(live).text;
  if (live.budgetRemaining === undefined) return `${status}${live.reason ? ` — ${live.reason}` : ''}`;
  return `${status}, ${budgetLeftText(live)} of the budget left; burn rate now ${burnNowText(live)}`;
}

/** The burn-down as a chart: percent of budget left, from the start of the period (day 0) to now. */
export function budgetChart(slo: SloSummary): LineChart | undefined {
  const trend = slo.live?.trend;
  if (!trend || trend.points.length < 2) return undefined;
  const values = trend.points.map((p) => p.remaining * 100);
  const days = (trend.points.at(-1)!.time - trend.points[0].time) / 86_400;
  return {
    title: `${slo.name}: error budget left`,
    xLabel: `days into the ${Math.round(days)}-day window (right edge: now)`,
    xMin: 0,
    xMax: Number(days.toFixed(1)),
    yLabel: 'budget left (%)',
    yMin: Math.min(0, Math.floor(Math.min(...values) / 10) * 10),
    yMax: 100,
    values,
  };
}

const PROBLEMS: Record<NonNullable<LiveSloResult['rules']>['missing'][number]['problem'], string> = {
  'no-metric': 'no such metric',
  stale: 'stopped reporting',
  dropped: 'its matchers select none',
};

/** The live rule checks for one SLO, a line each: selectors found and missing, each alert's replay, what was not measured. Plain text. */
export function liveRuleLines(live: LiveSloResult): string[] {
  const rules = live.rules;
  if (!rules) return [];
  const lines: string[] = [];
  if (rules.selectorsChecked > 0) {
    const missing = rules.missing.map((m) => `${m.selector} (${m.file}:${m.line}, ${PROBLEMS[m.problem]})`);
    lines.push(`selectors: ${rules.selectorsFound} of ${rules.selectorsChecked} select series${missing.length ? `; missing: ${missing.join('; ')}` : ''}`);
  }
  for (const alert of rules.backtest?.alerts ?? []) lines.push(`alert ${alert.alert}: ${alert.summary}`);
  for (const why of rules.unmeasured) lines.push(`not measured — ${why}`);
  return lines;
}

/** Burn episodes and each replayed alert's firings over the SLO's period. */
export function backtestTimeline(slo: SloSummary): Timeline | undefined {
  const backtest = slo.live?.rules?.backtest;
  // Nothing burned and nothing fired: there is nothing to draw.
  if (!backtest || backtest.error || !backtest.alerts.length || (!backtest.episodes.length && backtest.alerts.every((a) => !a.firings.length))) return undefined;
  return {
    title: `${slo.name}: burns and alert firings`,
    start: backtest.start,
    end: backtest.end,
    rows: [
      { label: 'budget burns', kind: 'burn', intervals: backtest.episodes },
      ...backtest.alerts.map((alert) => ({ label: alert.alert, kind: alert.page ? ('page' as const) : ('alert' as const), intervals: alert.firings.map((f) => ({ start: f.start, end: f.end + backtest.stepSeconds })) })),
    ],
  };
}

function rulesHeadline(live: LiveSloResult): string {
  const rules = live.rules!;
  const parts: string[] = [];
  if (rules.selectorsChecked > 0) parts.push(`${rules.selectorsFound} of ${rules.selectorsChecked} selectors select series`);
  if (rules.backtest?.alerts.length) parts.push(`${rules.backtest.alerts.length} alert(s) replayed`);
  if (rules.unmeasured.length) parts.push(`${rules.unmeasured.length} thing(s) not measured`);
  return parts.join('; ') || 'nothing to check';
}

function liveSlos(report: Report): (SloSummary & { live: LiveSloResult })[] {
  return report.slos.filter((slo): slo is SloSummary & { live: LiveSloResult } => slo.live !== undefined);
}

function headline(report: Report): string {
  const live = report.live!;
  const unreachable = live.unreachable ? ` · backend unreachable: ${live.unreachable}` : '';
  return `Measured on ${live.url} at ${live.evaluatedAt} in ${(live.durationMs / 1000).toFixed(1)} s (${live.requests} queries) · live-fail-on: ${live.failOn}${unreachable}`;
}

const PRIORITY: Record<LiveTone, number> = { error: 0, warning: 1, low: 2, pass: 3, muted: 4 };

/**
 * The live section of the Markdown report. Within `maxChars` (a PR comment's share), the SLOs
 * that need attention come first: rows and charts of exhausted and burning SLOs are kept, the
 * rest are left out with a note.
 */
export function renderLiveMarkdown(report: Report, options: { maxChars?: number } = {}): string {
  if (!report.live) return '';
  const slos = liveSlos(report);
  // Room for the two notes that say what was left out.
  const room = (options.maxChars ?? Infinity) - 160;
  const byPriority = [...slos].sort((a, b) => PRIORITY[liveStatus(a.live).tone] - PRIORITY[liveStatus(b.live).tone]);
  const row = (slo: (typeof slos)[number]) => {
    const status = liveStatus(slo.live);
    const note = slo.live.reason ?? slo.live.notes.join('; ');
    return `| ${escapeMarkdown(slo.name)} | ${status.icon} ${status.text} | ${escapeMarkdown(budgetLeftText(slo.live))} | ${escapeMarkdown(burnNowText(slo.live))} | ${note ? escapeMarkdown(note) : '—'} |`;
  };
  const head = ['### Live error budget', '', escapeMarkdown(headline(report)), '', '| SLO | Status | Budget left | Burn rate now | Note |', '| --- | --- | --- | --- | --- |'].join('\n');
  let used = head.length;
  const kept = new Set<string>();
  for (const slo of byPriority) {
    const length = row(slo).length + 1;
    if (used + length > room) break;
    used += length;
    kept.add(slo.live.key);
  }
  const rows = slos.filter((slo) => kept.has(slo.live.key)).map(row);
  const parts = [[head, ...rows].join('\n')];
  if (rows.length < slos.length) parts.push(`_${slos.length - rows.length} more SLO(s) are in the full report._`);

  const charts: string[] = [];
  let left = 0;
  for (const slo of byPriority) {
    const chart = budgetChart(slo);
    if (!chart || !kept.has(slo.live.key)) continue;
    const open = slo.live.status === 'ok' ? '' : ' open';
    const block = `<details${open}><summary>Budget burn-down: ${escapeInlineHtml(slo.name)} — ${escapeInlineHtml(budgetLeftText(slo.live))} left</summary>\n\n${mermaidLineChart(chart)}\n\n</details>`;
    if (used + block.length + 2 > room) {
      left++;
      continue;
    }
    used += block.length + 2;
    charts.push(block);
  }
  if (left) parts.push(`_${left} budget burn-down chart(s) left out to fit; they are in report.html._`);

  // The live rule checks per SLO: selectors, each alert's replay with its timeline, what was not measured.
  const ruleBlocks: string[] = [];
  let rulesLeft = 0;
  for (const slo of byPriority) {
    if (!slo.live.rules || !kept.has(slo.live.key)) continue;
    const lines = liveRuleLines(slo.live);
    if (!lines.length) continue;
    const timeline = backtestTimeline(slo);
    const open = slo.live.rules.missing.length ? ' open' : '';
    const body = [lines.map((line) => `- ${escapeMarkdown(line)}`).join('\n'), ...(timeline ? [mermaidTimeline(timeline)] : [])].join('\n\n');
    const block = `<details${open}><summary>Live checks: ${escapeInlineHtml(slo.name)} — ${escapeInlineHtml(rulesHeadline(slo.live))}</summary>\n\n${body}\n\n</details>`;
    if (used + block.length + 2 > room) {
      rulesLeft++;
      continue;
    }
    used += block.length + 2;
    ruleBlocks.push(block);
  }
  if (rulesLeft) parts.push(`_The live checks of ${rulesLeft} SLO(s) are left out to fit; they are in report.html._`);
  return [...parts, ...charts, ...ruleBlocks].join('\n\n');
}

const TONE_COLOUR: Record<LiveTone, string> = { pass: 'var(--pass)', low: 'var(--warning)', warning: 'var(--warning)', error: 'var(--error)', muted: 'var(--muted)' };

/** The live section of report.html, with an inline SVG burn-down per SLO. */
export function renderLiveHtml(report: Report): string {
  if (!report.live) return '';
  const slos = liveSlos(report);
  const rows = slos.map((slo) => {
    const status = liveStatus(slo.live);
    const note = slo.live.reason ?? slo.live.notes.join('; ');
    const chart = budgetChart(slo);
    const svg = chart ? `<tr><td colspan="5">${svgLineChart(chart, { stroke: TONE_COLOUR[status.tone] })}</td></tr>` : '';
    return (
      `<tr><td>${escapeHtml(slo.name)}</td><td style="color:${TONE_COLOUR[status.tone]};font-weight:600;white-space:nowrap">${status.icon} ${escapeHtml(status.text)}</td>` +
      `<td class="num">${escapeHtml(budgetLeftText(slo.live))}</td><td>${escapeHtml(burnNowText(slo.live))}</td><td>${note ? escapeHtml(note) : '—'}</td></tr>${svg}`
    );
  });
  const ruleSections = slos
    .filter((slo) => liveRuleLines(slo.live).length > 0)
    .map((slo) => {
      const timeline = backtestTimeline(slo);
      const items = liveRuleLines(slo.live).map((line) => `<li>${escapeHtml(line)}</li>`).join('');
      return `<h3>Live checks: ${escapeHtml(slo.name)}</h3>\n<ul>${items}</ul>${timeline ? `\n${svgTimeline(timeline)}` : ''}`;
    });
  return `<h2>Live error budget</h2>
<p class="meta">${escapeHtml(headline(report))}</p>
<table>
<thead><tr><th>SLO</th><th>Status</th><th>Budget left</th><th>Burn rate now</th><th>Note</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>${ruleSections.length ? `\n${ruleSections.join('\n')}` : ''}`;
}
