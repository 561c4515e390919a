// Mermaid `xychart-beta` blocks: GitHub draws them in PR comments and job summaries, so a chart
// needs no image hosting. Titles are reduced to plain characters: a chart block is not escaped
// like Markdown text, and a quote or `%%` in an SLO name must not change the chart's meaning.

import { fencedBlock } from './escape.js';

export interface LineChart {
  title: string;
  xLabel: string;
  /** The x axis spans [xMin, xMax]; values are spread evenly over it. */
  xMin: number;
  xMax: number;
  yLabel: string;
  yMin: number;
  yMax: number;
  values: number[];
}

/** Most points drawn: more add bytes to a comment without adding anything a reader can see. */
export const MAX_CHART_POINTS = 60;

export function mermaidLineChart(chart: LineChart): string {
  const values = downsample(chart.values, MAX_CHART_POINTS).map((v) => String(Number(v.toFixed(1))));
  const lines = [
    'xychart-beta',
    `  title "${plain(chart.title)}"`,
    `  x-axis "${plain(chart.xLabel)}" ${number(chart.xMin)} --> ${number(chart.xMax)}`,
    `  y-axis "${plain(chart.yLabel)}" ${number(chart.yMin)} --> ${number(chart.yMax)}`,
    `  line [${values.join(', ')}]`,
  ];
  return fencedBlock(lines.join('\n'), 'mermaid');
}

/** Every k-th value, always keeping the last one (it is "now"). */
export function downsample(values: number[], max: number): number[] {
  if (values.length <= max) return values;
  const stride = (values.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => values[Math.round(i * stride)]);
}

function plain(text: string): string {
  // `%%` starts a Mermaid comment or directive; a single % is plain text.
  return text.replace(/[^\p{L}\p{N} _.,/()+%-]/gu, ' ').replace(/%{2,}/g, '%').replace(/\s+/g, ' ').trim().slice(0, 80);
}

function number(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** Rows of time intervals over one span: burn episodes, then each alert's firings. Unix seconds. */
export interface Timeline {
  title: string;
  start: number;
  end: number;
  rows: { label: string; kind: 'burn' | 'page' | 'alert'; intervals: { start: number; end: number }[] }[];
}

/** Most intervals drawn per row; the rest are counted in the row's label. */
export const MAX_TIMELINE_INTERVALS = 12;
const GANTT_TAG: Record<Timeline['rows'][number]['kind'], string> = { burn: 'crit', page: 'active', alert: 'done' };

/** A Mermaid gantt chart of the timeline (UTC minutes); a row without intervals is left out. */
export function mermaidTimeline(timeline: Timeline): string {
  const stamp = (t: number) => new Date(Math.round(t / 60) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  const lines = ['gantt', `  title ${plain(timeline.title)}`, '  dateFormat YYYY-MM-DD HH:mm', '  axisFormat %d %b'];
  for (const row of timeline.rows) {
    if (!row.intervals.length) continue;
    const shown = row.intervals.slice(0, MAX_TIMELINE_INTERVALS);
    const more = row.intervals.length - shown.length;
    lines.push(`  section ${plain(row.label)}${more > 0 ? ` (${more} more)` : ''}`);
    shown.forEach((interval, i) => {
      // A one-minute firing still gets a visible bar: at least a minute long.
      const end = Math.max(interval.end, interval.start + 60);
      lines.push(`  ${row.kind === 'burn' ? 'burn' : 'firing'} ${i + 1} :${GANTT_TAG[row.kind]}, ${stamp(interval.start)}, ${stamp(end)}`);
    });
  }
  return fencedBlock(lines.join('\n'), 'mermaid');
}
