// An inline SVG line chart for report.html: no script, no external file, so the report still
// opens offline. Text is escaped; numbers are rounded so the markup stays small.

import { escapeHtml } from './escape.js';
import { downsample, type LineChart, type Timeline } from './mermaid.js';

export interface SvgChartOptions {
  width?: number;
  height?: number;
  /** Line colour: any CSS colour, e.g. `var(--error)`. */
  stroke?: string;
  /** Most points drawn (default 200). */
  maxPoints?: number;
}

export function svgLineChart(chart: LineChart, options: SvgChartOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 200;
  const margin = { left: 48, right: 12, top: 24, bottom: 32 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const values = downsample(chart.values, options.maxPoints ?? 200);
  const span = chart.yMax - chart.yMin || 1;
  const x = (i: number) => margin.left + (values.length > 1 ? (i / (values.length - 1)) * plotWidth : plotWidth);
  const y = (v: number) => margin.top + (1 - (Math.min(chart.yMax, Math.max(chart.yMin, v)) - chart.yMin) / span) * plotHeight;
  const r = (n: number) => Number(n.toFixed(1));
  const points = values.map((v, i) => `${r(x(i))},${r(y(v))}`).join(' ');
  const yTicks = [...new Set([chart.yMin, ...(chart.yMin < 0 && chart.yMax > 0 ? [0] : []), chart.yMax])];
  const xTicks = [chart.xMin, (chart.xMin + chart.xMax) / 2, chart.xMax];
  const label = (n: number) => String(Number(n.toFixed(1)));
  const grid = yTicks
    .map((t) => `<line x1="${margin.left}" x2="${width - margin.right}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="currentColor" stroke-opacity="${t === 0 ? 0.6 : 0.2}"${t === 0 ? ' stroke-dasharray="4 3"' : ''}/><text x="${margin.left - 6}" y="${r(y(t)) + 4}" text-anchor="end">${label(t)}</text>`)
    .join('');
  const xLabels = xTicks
    .map((t, i) => `<text x="${r(margin.left + (i / 2) * plotWidth)}" y="${height - margin.bottom + 14}" text-anchor="${['start', 'middle', 'end'][i]}">${label(t)}</text>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(chart.title)}" style="max-width:100%;height:auto;font:11px sans-serif;fill:currentColor">`,
    `<title>${escapeHtml(chart.title)}</title>`,
    `<text x="${margin.left}" y="14" font-weight="600">${escapeHtml(chart.title)}</text>`,
    grid,
    xLabels,
    `<text x="${r(margin.left + plotWidth / 2)}" y="${height - 4}" text-anchor="middle" fill-opacity="0.7">${escapeHtml(chart.xLabel)}</text>`,
    `<polyline points="${points}" fill="none" stroke="${escapeHtml(options.stroke ?? 'currentColor')}" stroke-width="2" stroke-linejoin="round"/>`,
    '</svg>',
  ].join('');
}

const TIMELINE_FILL: Record<Timeline['rows'][number]['kind'], string> = { burn: 'var(--error)', page: 'var(--warning)', alert: 'var(--muted)' };

/** The timeline as an inline SVG: one row per label, a bar per interval (at least 2 px wide). */
export function svgTimeline(timeline: Timeline, options: { width?: number } = {}): string {
  const width = options.width ?? 640;
  const rowHeight = 20;
  const margin = { left: 170, right: 12, top: 24, bottom: 24 };
  const plotWidth = width - margin.left - margin.right;
  const height = margin.top + margin.bottom + rowHeight * timeline.rows.length;
  const span = timeline.end - timeline.start || 1;
  const x = (t: number) => margin.left + ((Math.min(timeline.end, Math.max(timeline.start, t)) - timeline.start) / span) * plotWidth;
  const r = (n: number) => Number(n.toFixed(1));
  const rows = timeline.rows.map((row, i) => {
    const y = margin.top + i * rowHeight;
    const label = row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label;
    const bars = row.intervals
      .map((interval) => `<rect x="${r(x(interval.start))}" y="${y + 4}" width="${r(Math.max(2, x(interval.end) - x(interval.start)))}" height="${rowHeight - 8}" fill="${TIMELINE_FILL[row.kind]}"><title>${escapeHtml(`${row.label}: ${new Date(interval.start * 1000).toISOString()} – ${new Date(interval.end * 1000).toISOString()}`)}</title></rect>`)
      .join('');
    return `<text x="${margin.left - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(label)}</text><line x1="${margin.left}" x2="${width - margin.right}" y1="${y + rowHeight / 2}" y2="${y + rowHeight / 2}" stroke="currentColor" stroke-opacity="0.15"/>${bars}`;
  });
  const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(timeline.title)}" style="max-width:100%;height:auto;font:11px sans-serif;fill:currentColor">`,
    `<title>${escapeHtml(timeline.title)}</title>`,
    `<text x="${margin.left}" y="14" font-weight="600">${escapeHtml(timeline.title)}</text>`,
    ...rows,
    `<text x="${margin.left}" y="${height - 6}">${day(timeline.start)}</text><text x="${width - margin.right}" y="${height - 6}" text-anchor="end">${day(timeline.end)} (now)</text>`,
    '</svg>',
  ].join('');
}
