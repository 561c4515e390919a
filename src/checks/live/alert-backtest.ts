import type { LiveCheck } from '../check.js';
import { backtestLine, type AlertBacktest, type SloBacktest } from '../../live/backtest.js';
import { weigh } from './rule-input.js';
import { sloRef } from '../../model/slo-identity.js';

export const liveAlertBacktest: LiveCheck = {
  meta: {
    id: 'live/alert-backtest',
    severity: 'notice',
    kind: 'live',
    description: "How each SLO's alerts would have fired over its period, against the budget's burn episodes (warning: a page-level burn-rate alert stayed silent while more than its share of the budget burned).",
    docs: 'docs/checks/live/alert-backtest.md',
    gates: 'always',
  },
  run(input, context) {
    const measured = input.summary.rules;
    if (!measured) return;
    const unavailable = measured.unavailable.get('backtest');
    if (unavailable) {
      context.report({ file: '', severity: 'notice', subject: 'backtest', message: `Alerts not replayed over their SLO's period: ${unavailable}.` });
    }
    const slos = new Map(input.linked.model.slos.map((slo) => [slo.key, slo]));
    for (const backtest of measured.backtests) {
      const slo = slos.get(backtest.sloKey);
      if (!slo) continue;
      if (backtest.error) {
        context.report({ file: slo.file, line: slo.position.line, column: slo.position.column, subject: `${slo.name}/backtest`, slo: sloRef(slo), severity: 'notice', message: `SLO "${input.linked.sloName(slo)}": its burn episodes could not be read, so its alerts were not replayed: ${backtest.error}` });
        continue;
      }
      for (const alert of backtest.alerts) {
        const at = { file: alert.file, line: alert.line, column: alert.column, subject: `${slo.name}/${alert.subject}`, slo: sloRef(slo) };
        if (alert.error) {
          context.report({ ...at, severity: 'notice', message: `alert "${alert.alert}" (SLO "${input.linked.sloName(slo)}") could not be replayed: ${alert.error}` });
          continue;
        }
        const missed = missedEpisodes(backtest, alert);
        const severity = missed.length ? weigh('warning', input.settings.failOn) : 'notice';
        const tail = missed.length
          ? ` — as a page-level burn-rate alert it stands for ${percent(alert.share!)} of the budget, but ${missed.map((i) => (alert.responses[i].firedAt === undefined ? `burn ${i + 1} spent ${percent(backtest.episodes[i].budgetSpent)} without a page` : `burn ${i + 1} spent ${percent(alert.responses[i].budgetAtFiring!)} before the page`)).join(' and ')}`
          : '';
        context.report({ ...at, severity, message: `alert "${alert.alert}" (SLO "${input.linked.sloName(slo)}"): ${backtestLine(backtest, alert)}${tail}` });
      }
    }
  },
};

/** Episodes a page-level burn-rate alert let spend more than its share of the budget before it fired (or without firing). */
export function missedEpisodes(backtest: SloBacktest, alert: AlertBacktest): number[] {
  if (!alert.page || alert.share === undefined || alert.error) return [];
  return backtest.episodes
    .map((episode, index) => ({ episode, index, response: alert.responses[index] }))
    .filter(({ episode, response }) => episode.budgetSpent > alert.share! && (response?.firedAt === undefined || (response.budgetAtFiring ?? 0) > alert.share!))
    .map(({ index }) => index);
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))} %`;
}
