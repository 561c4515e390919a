// A ready-to-paste multiwindow, multi-burn-rate rule group for an SLO: one alert per window pair,
// each firing when both its long and its short window burn faster than factor × budget.

import { Document } from 'yaml';
import { errorBudget } from '../../model/burn-rate.js';
import type { Slo } from '../../model/types.js';
import { formatDuration, formatPercent, roundTo } from '../../model/units.js';
import { withWindow } from '../../formats/sli.js';
import type { ExpectedWindow } from './common.js';

/** The SLI's error ratio over `window`, from the SLO's own queries; a recording-rule name when the SLO names none. */
function errorRatio(slo: Slo, window: string): { expr: string; own: boolean } {
  const i = slo.indicator;
  const rated = (query: string) => (/\{\{\s*\.window\s*\}\}/.test(query) ? withWindow(query, window) : /\[[^\]]+\]/.test(query) ? query : `sum(rate(${query}[${window}]))`);
  if (i.errorRatioQuery) return { expr: withWindow(i.errorRatioQuery, window).trim(), own: true };
  if (i.errorQuery && i.totalQuery) return { expr: `(${rated(i.errorQuery).trim()}) / (${rated(i.totalQuery).trim()})`, own: true };
  if (i.goodQuery && i.totalQuery) return { expr: `1 - ((${rated(i.goodQuery).trim()}) / (${rated(i.totalQuery).trim()}))`, own: true };
  return { expr: `slo:sli_error:ratio_rate${window}{slo="${slo.name}"}`, own: false };
}

/**
 * The rule group as YAML, written by the `yaml` library: SLO names are file text and may hold
 * `#`, `: `, quotes or newlines, which string concatenation would turn into different YAML.
 */
export function burnRateRuleGroup(slo: Slo, windows: ExpectedWindow[]): string {
  const budget = errorBudget(slo.target!);
  const alertName = `${slo.name.replace(/(^|[^a-zA-Z0-9])([a-zA-Z0-9])/g, (_, __, c: string) => c.toUpperCase())}ErrorBudgetBurn`;
  let ownQueries = true;
  const rules = [];
  for (const window of windows) {
    if (window.factor === undefined) continue;
    const short = window.shortSeconds ?? Math.round(window.longSeconds / 12);
    const factor = roundTo(window.factor, 4);
    const condition = (seconds: number) => {
      const ratio = errorRatio(slo, formatDuration(seconds));
      ownQueries &&= ratio.own;
      return `(${ratio.expr}) > (${factor} * ${budget})`;
    };
    rules.push({
      alert: alertName,
      expr: `${condition(window.longSeconds)}\nand\n${condition(short)}\n`,
      for: window.longSeconds <= 6 * 3600 ? '2m' : '15m',
      labels: { severity: window.severity ?? (window.factor >= 6 ? 'page' : 'ticket'), slo: slo.name },
      annotations: { summary: `${slo.name} is burning its ${formatPercent(slo.target!)} error budget ${factor}× too fast (${formatDuration(window.longSeconds)}/${formatDuration(short)})` },
    });
  }
  const doc = new Document({ groups: [{ name: `${slo.name}-burn-rate`, rules }] });
  if (!ownQueries) doc.commentBefore = ` Record slo:sli_error:ratio_rate<window>{slo=${JSON.stringify(slo.name)}} as the SLI's error ratio over each window, or put the ratio in place.`;
  return doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
}
