// The live error budget as rendered: status colours, budget text, Mermaid and SVG burn-down
// charts, escaping of SLO names, and the size guard for PR comments.
import { describe, expect, it } from 'vitest';
import type { LiveSloResult } from '../../src/live/types.js';
import type { Report, SloSummary } from '../../src/report/report.js';
import { renderHtml } from '../../src/render/html.js';
import { budgetChart, liveStatus, renderLiveMarkdown } from '../../src/render/live.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { downsample, mermaidLineChart } from '../../src/render/mermaid.js';
import { svgLineChart } from '../../src/render/svg-chart.js';
import { renderText } from '../../src/render/text.js';
import { HOSTILE, SLO, reportWith } from './report-fixture.js';

const NOW = 1_800_000_000;
const STEP = 12_960;

/** 200 steps over 30 days: nothing spent until six days ago, then 166.7 % at once. */
function exhaustedLive(): LiveSloResult {
  const points = [{ time: NOW - 200 * STEP, remaining: 1 }];
  for (let k = 0; k < 200; k++) points.push({ time: NOW - (199 - k) * STEP, remaining: k < 160 ? 1 : 1 - 1.6667 });
  return {
    key: 'k',
    name: SLO.name,
    file: SLO.file,
    line: SLO.line,
    status: 'exhausted',
    target: 0.999,
    periodSeconds: 30 * 86_400,
    errorRatio: 1 / 600,
    budgetRemaining: 1 - 1 / 0.6,
    budgetRemainingMinutes: -28.8,
    windows: [{ longSeconds: 3600, shortSeconds: 300, factor: 14.4, page: true, source: 'default', burnRate: 0, shortBurnRate: 0, firing: false }],
    trend: { stepSeconds: STEP, points },
    notes: [],
  };
}

function liveReport(slos: SloSummary[]): Report {
  return {
    ...reportWith([], slos),
    live: { url: 'http://127.0.0.1:9090', evaluatedAt: new Date(NOW * 1000).toISOString(), failOn: 'exhausted', durationMs: 1234, requests: 7, retries: 0 },
  };
}

const notMeasurable: SloSummary = {
  ...SLO,
  name: 'seed',
  live: { key: 's', name: 'seed', file: 'slo.yaml', line: 1, status: 'not-measurable', reason: 'the SLO declares no SLI query', windows: [], notes: [] },
};

describe('live error budget rendering', () => {
  it('colours the status: exhausted and page-level burning red, ticket burning orange, low budget yellow, healthy green', () => {
    const base = exhaustedLive();
    const firing = (page: boolean) => ({ ...base, status: 'burning' as const, budgetRemaining: 0.7, windows: [{ ...base.windows[0], firing: true, page }] });
    expect(liveStatus(base)).toEqual({ tone: 'error', icon: '🔴', text: 'budget exhausted' });
    expect(liveStatus(firing(true)).icon).toBe('🔴');
    expect(liveStatus(firing(false))).toEqual({ tone: 'warning', icon: '🟠', text: 'burning' });
    expect(liveStatus({ ...base, status: 'ok', budgetRemaining: 0.2 }).text).toBe('low budget');
    expect(liveStatus({ ...base, status: 'ok', budgetRemaining: 0.8 }).icon).toBe('🟢');
    expect(liveStatus(notMeasurable.live!).icon).toBe('⚪');
  });

  it('puts a table with the budget left and a Mermaid burn-down per SLO into the Markdown report', () => {
    const markdown = renderMarkdown(liveReport([{ ...SLO, live: exhaustedLive() }, notMeasurable]));
    expect(markdown).toContain('### Live error budget');
    expect(markdown).toContain('| checkout &lt;availability&gt; \\| @\u200bteam | 🔴 budget exhausted | −66.7 % (−28.8 min) | 1h/5m 0×/0× (alert 14.4×) | — |');
    expect(markdown).toContain('| seed | ⚪ not measurable | — | — | the SLO declares no SLI query |');
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)![1].split('\n');
    expect(block.slice(0, 4)).toEqual([
      'xychart-beta',
      '  title "checkout availability team error budget left"',
      '  x-axis "days into the 30-day window (right edge now)" 0 --> 30',
      '  y-axis "budget left (%)" -70 --> 100',
    ]);
    const values = JSON.parse(block[4].replace(/^\s*line /, '')) as number[];
    expect(values).toHaveLength(60);
    expect([values[0], values.at(-1)]).toEqual([100, -66.7]);
    expect(markdown).toContain('<details open><summary>Budget burn-down: checkout &lt;availability&gt; | @\u200bteam — −66.7 % (−28.8 min) left</summary>');
  });

  it('keeps a hostile SLO name out of the chart syntax', () => {
    const chart = mermaidLineChart({ title: `x" %%{init: {}}%% \`\`\`\n${HOSTILE}`, xLabel: 'd', xMin: 0, xMax: 1, yLabel: 'y', yMin: 0, yMax: 100, values: [1, 2] });
    const title = chart.split('\n')[2];
    expect(title).toMatch(/^ {2}title "[^"`<>\n{}]*"$/);
    expect(title).not.toContain('%%');
    expect(chart.startsWith('```mermaid\n')).toBe(true);
  });

  it('leaves the charts out of a size-limited comment, with a note, but keeps the table', () => {
    const section = renderLiveMarkdown(liveReport([{ ...SLO, live: exhaustedLive() }]), { maxChars: 600 });
    expect(section).toContain('| 🔴 budget exhausted |');
    expect(section).not.toContain('```mermaid');
    expect(section).toContain('_1 budget burn-down chart(s) left out to fit; they are in report.html._');
  });

  it('keeps the SLOs that need attention when the rows do not all fit', () => {
    const healthy = (i: number): SloSummary => ({ ...SLO, name: `ok-${i}`, live: { ...exhaustedLive(), key: `ok-${i}`, status: 'ok', budgetRemaining: 0.9, trend: undefined } });
    const slos = [...Array.from({ length: 30 }, (_, i) => healthy(i)), { ...SLO, name: 'spent', live: { ...exhaustedLive(), key: 'spent' } }];
    const section = renderLiveMarkdown(liveReport(slos), { maxChars: 1500 });
    expect(section.length).toBeLessThanOrEqual(1500);
    expect(section).toContain('| spent | 🔴 budget exhausted |');
    const shown = section.split('\n').filter((line) => /^\| (ok-\d+|spent) \|/.test(line)).length;
    expect(shown).toBeLessThan(31);
    expect(section).toContain(`_${31 - shown} more SLO(s) are in the full report._`);
  });

  it('draws an inline SVG per SLO in report.html, escaped, and nothing without live mode', () => {
    const html = renderHtml(liveReport([{ ...SLO, name: HOSTILE, live: { ...exhaustedLive(), name: HOSTILE } }]));
    expect(html).toContain('<h2>Live error budget</h2>');
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*>/);
    expect(html).toContain('stroke="var(--error)"');
    expect(html).not.toContain('<script>');
    expect(renderHtml(reportWith([]))).not.toContain('Live error budget');
    expect(renderMarkdown(reportWith([]))).not.toContain('Live error budget');
  });

  it('scales the SVG to the data: 0 % line dashed, polyline from the first to the last point', () => {
    const svg = svgLineChart({ title: 't', xLabel: 'x', xMin: 0, xMax: 30, yLabel: 'y', yMin: -100, yMax: 100, values: [100, 0, -100] }, { width: 100, height: 100 });
    // plot area: x 48..88, y 24..68
    expect(svg).toContain('<polyline points="48,24 68,46 88,68"');
    expect(svg).toContain('stroke-dasharray="4 3"');
  });

  it('adds one live line per SLO to the terminal report', () => {
    const text = renderText(liveReport([{ ...SLO, live: exhaustedLive() }, notMeasurable]));
    expect(text).toContain('      live: budget exhausted, −66.7 % (−28.8 min) of the budget left; burn rate now 1h/5m 0×/0× (alert 14.4×)');
    expect(text).toContain('      live: not measurable — the SLO declares no SLI query');
  });

  it('downsamples to at most the limit and keeps the last point', () => {
    const values = Array.from({ length: 201 }, (_, i) => i);
    const kept = downsample(values, 60);
    expect(kept).toHaveLength(60);
    expect([kept[0], kept.at(-1)]).toEqual([0, 200]);
    expect(budgetChart({ ...SLO })).toBeUndefined();
  });
});
