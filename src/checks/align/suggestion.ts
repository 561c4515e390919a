// A ready-to-paste multiwindow, multi-burn-rate rule group for an SLO: one alert per window pair,
// each firing when both its long and its short window burn faster than factor × budget.

import { Document } from 'yaml';
import type { Config } from '../../config/config.js';
import { alertTier, errorBudget } from '../../model/burn-rate.js';
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
 * `linking` are the labels that link its alerts to this SLO alone (link/link.ts linkingLabels).
 */
export function burnRateRuleGroup(slo: Slo, windows: ExpectedWindow[], config: Pick<Config, 'requiredLabels' | 'requiredAnnotations'>, linking: Record<string, string>): string {
  const budget = errorBudget(slo.target!);
  const alertName = `${slo.name.replace(/(^|[^a-zA-Z0-9])([a-zA-Z0-9])/g, (_, __, c: string) => c.toUpperCase())}ErrorBudgetBurn`;
  let ownQueries = true;
  const placeholders = new Set<string>();
  // One alert per tier, its windows joined by `or` (as Sloth writes them): two alerts of one tier
  // would carry the same name and labels, which Prometheus keeps apart only by accident.
  const tiers = new Map<'page' | 'ticket', { conditions: string[]; spans: string[]; longest: number; severity?: string }>();
  for (const window of windows) {
    if (window.factor === undefined) continue;
    const short = window.shortSeconds ?? Math.round(window.longSeconds / 12);
    const factor = roundTo(window.factor, 4);
    const condition = (seconds: number) => {
      const ratio = errorRatio(slo, formatDuration(seconds));
      ownQueries &&= ratio.own;
      return `(${ratio.expr}) > (${factor} * ${budget})`;
    };
    const tier = alertTier(window);
    const entry = tiers.get(tier) ?? { conditions: [], spans: [], longest: 0, severity: window.severity };
    entry.conditions.push(`${condition(window.longSeconds)}\nand\n${condition(short)}`);
    entry.spans.push(`${formatDuration(window.longSeconds)}/${formatDuration(short)} at ${factor}×`);
    entry.longest = Math.max(entry.longest, window.longSeconds);
    tiers.set(tier, entry);
  }
  const rules = [...tiers].map(([tier, entry]) => {
    const own = slo.alertLabels?.[tier];
    const expr = entry.conditions.length === 1 ? `${entry.conditions[0]}\n` : `${entry.conditions.map((condition) => `(\n${condition}\n)`).join('\nor\n')}\n`;
    const summary = `${slo.name} is burning its ${formatPercent(slo.target!)} error budget too fast (${entry.spans.join(', ')})`;
    return {
      alert: alertName,
      expr,
      for: entry.longest <= 6 * 3600 ? '2m' : '15m',
      labels: fitLabels({ severity: entry.severity ?? tier, ...own?.labels, ...linking }, slo, tier, config.requiredLabels, placeholders),
      annotations: fitAnnotations({ summary, ...own?.annotations }, config.requiredAnnotations, placeholders),
    };
  });
  const doc = new Document({ groups: [{ name: `${slo.name}-burn-rate`, rules }] });
  const notes = [
    ...(ownQueries ? [] : [` Record slo:sli_error:ratio_rate<window>{slo=${JSON.stringify(slo.name)}} as the SLI's error ratio over each window, or put the ratio in place.`]),
    ...(placeholders.size ? [` Fill in ${[...placeholders].join(', ')} (${PLACEHOLDER} below): the repository requires ${placeholders.size > 1 ? 'them' : 'it'}.`] : []),
  ];
  if (notes.length) doc.commentBefore = notes.join('\n');
  return doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
}

const PLACEHOLDER = 'CHANGE-ME';

/**
 * The labels the SLO's format gives this tier of alert, then whatever the repository's
 * `alerts.required-labels` demands: a required label the alert lacks takes the SLO's own label of
 * that name, else an allowed value (the first for a page, the next for a ticket), else a
 * placeholder to fill in; a value outside the allowed ones is replaced the same way.
 */
function fitLabels(labels: Record<string, string>, slo: Slo, tier: 'page' | 'ticket', required: Record<string, string[]>, placeholders: Set<string>): Record<string, string> {
  const out = { ...labels };
  for (const [name, allowed] of Object.entries(required)) {
    if (out[name] !== undefined && (allowed.length === 0 || allowed.includes(out[name]))) continue;
    const own = slo.labels[name];
    if (own !== undefined && (allowed.length === 0 || allowed.includes(own))) out[name] = own;
    else if (allowed.length) out[name] = allowed[Math.min(tier === 'page' ? 0 : 1, allowed.length - 1)];
    else {
      out[name] = PLACEHOLDER;
      placeholders.add(`label ${name}`);
    }
  }
  return out;
}

function fitAnnotations(annotations: Record<string, string>, required: string[], placeholders: Set<string>): Record<string, string> {
  const out = { ...annotations };
  for (const name of required) {
    if (out[name]) continue;
    if (name === 'description') out[name] = annotations.summary;
    else {
      out[name] = PLACEHOLDER;
      placeholders.add(`annotation ${name}`);
    }
  }
  return out;
}
