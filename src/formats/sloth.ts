// Sloth: `version: prometheus/v1` specs and the `sloth.slok.dev/v1` PrometheusServiceLevel
// resource (same fields, camelCase), plus AlertWindows files that replace the default window table.
// Sloth specs state no period: it comes from configuration (default 30d), as for the Sloth CLI.

import type { BurnWindow, Slo } from '../model/types.js';
import { slothWindows, type WindowPolicy } from '../model/burn-rate.js';
import { parseDuration, parseTarget } from '../model/units.js';
import type { PathSegment } from '../parse/document.js';
import type { FormatAdapter } from './adapter.js';
import { dirOf, queryMetrics } from './sli.js';
import { isRecord, list, number, record, stringMap, text } from './values.js';

/** The first of several spellings present (snake_case in prometheus/v1, camelCase in the resource). */
function either(value: Record<string, unknown>, ...keys: string[]): [unknown, string] {
  for (const key of keys) if (key in value) return [value[key], key];
  return [undefined, keys[0]];
}

export const sloth: FormatAdapter = {
  kind: 'sloth',
  recognise: (value) =>
    isRecord(value) &&
    ((value.version === 'prometheus/v1' && Array.isArray(value.slos)) || (value.apiVersion === 'sloth.slok.dev/v1' && value.kind === 'PrometheusServiceLevel')),
  normalise(doc, context) {
    const isResource = record(doc.value).kind === 'PrometheusServiceLevel';
    const base: PathSegment[] = isResource ? ['spec'] : [];
    const spec = record(isResource ? record(doc.value).spec : doc.value);
    const service = text(spec.service);
    const commonLabels = stringMap(spec.labels);
    const periodSeconds = context.options.defaultPeriodSeconds;

    list(spec.slos).forEach((entry, i) => {
      if (!isRecord(entry)) return;
      const at = (...rest: PathSegment[]) => [...base, 'slos', i, ...rest];
      const name = text(entry.name) ?? `slos[${i}]`;
      const sli = record(entry.sli);
      const events = record(sli.events);
      const raw = record(sli.raw);
      const errorQuery = text(either(events, 'error_query', 'errorQuery')[0]);
      const totalQuery = text(either(events, 'total_query', 'totalQuery')[0]);
      const errorRatioQuery = text(either(raw, 'error_ratio_query', 'errorRatioQuery')[0]);
      const declaredType = 'events' in sli ? 'events' : 'raw' in sli ? 'raw' : 'plugin' in sli ? 'plugin' : undefined;

      const alerting = record(entry.alerting);
      const [page, pageKey] = either(alerting, 'page_alert', 'pageAlert');
      const [ticket, ticketKey] = either(alerting, 'ticket_alert', 'ticketAlert');
      const enabled = { page: record(page).disable !== true, ticket: record(ticket).disable !== true };
      const windowsAt = (severity: 'page' | 'ticket') => doc.keyPositionOf(at('alerting', severity === 'page' ? pageKey : ticketKey));
      const burnWindows: BurnWindow[] = slothWindows(periodSeconds)
        .filter((w) => enabled[w.severity])
        .map((w) => ({ ...w, source: 'default' as const, position: 'alerting' in entry ? windowsAt(w.severity) : doc.keyPositionOf(at()) }));

      const slo: Slo = {
        key: `${context.file}#${doc.index}#${service ?? ''}-${name}`,
        name,
        service,
        format: 'sloth',
        file: context.file,
        position: doc.positionOf(at()),
        target: parseTarget(entry.objective, 'percent'),
        targetPosition: doc.positionOf(at('objective')),
        periodSeconds,
        periodKind: 'rolling',
        indicator: {
          type: 'ratio',
          declaredType,
          errorQuery,
          totalQuery,
          errorRatioQuery,
          metrics: queryMetrics([errorQuery, totalQuery, errorRatioQuery]),
          position: doc.positionOf(at('sli')),
        },
        burnWindows,
        declaredBudget: {},
        declaresBurnAlerting: burnWindows.length > 0,
        alertingDisabled: !enabled.page && !enabled.ticket,
        dashboardRefs: [],
        baseDir: dirOf(context.file),
        labels: { ...commonLabels, ...stringMap(entry.labels) },
        alertLabels: {
          page: { labels: { ...stringMap(alerting.labels), ...stringMap(record(page).labels) }, annotations: { ...stringMap(alerting.annotations), ...stringMap(record(page).annotations) } },
          ticket: { labels: { ...stringMap(alerting.labels), ...stringMap(record(ticket).labels) }, annotations: { ...stringMap(alerting.annotations), ...stringMap(record(ticket).annotations) } },
        },
      };
      context.addSlo(slo);
    });
  },
};

interface KeptWindows {
  dir: string;
  periodSeconds: number;
  windows: WindowPolicy[];
}

/**
 * Sloth AlertWindows: each tier states the share of the budget a window may spend; the factor
 * follows as share × period / long window. They apply to Sloth specs at or below their folder
 * whose period is the one the file names (Sloth picks windows by period).
 */
export const slothAlertWindows: FormatAdapter = {
  kind: 'sloth-windows',
  recognise: (value) => isRecord(value) && value.apiVersion === 'sloth.slok.dev/v1' && value.kind === 'AlertWindows',
  normalise(doc, context) {
    const spec = record(record(doc.value).spec);
    const periodSeconds = parseDuration(spec.sloPeriod);
    if (periodSeconds === undefined) return; // policy/schema says why
    const windows: WindowPolicy[] = [];
    for (const severity of ['page', 'ticket'] as const) {
      for (const speed of ['quick', 'slow']) {
        const tier = record(record(spec[severity])[speed]);
        const share = number(tier.errorBudgetPercent);
        const longSeconds = parseDuration(tier.longWindow);
        const shortSeconds = parseDuration(tier.shortWindow);
        if (share === undefined || !longSeconds || !shortSeconds) continue;
        windows.push({ longSeconds, shortSeconds, factor: ((share / 100) * periodSeconds) / longSeconds, severity });
      }
    }
    context.keep({ dir: dirOf(context.file), periodSeconds, windows } satisfies KeptWindows);
  },
  finalise(kept, { model }) {
    const sets = [...(kept as KeptWindows[])].sort((a, b) => b.dir.length - a.dir.length); // nearest folder first
    model.slos.forEach((slo, index) => {
      if (slo.format !== 'sloth') return;
      const set = sets.find((s) => s.periodSeconds === slo.periodSeconds && (s.dir === '' || slo.file.startsWith(`${s.dir}/`)));
      if (!set) return;
      const enabled = new Set(slo.burnWindows.map((w) => w.severity));
      const position = slo.burnWindows[0]?.position;
      // A new SLO, not an edited one: the file's SLO may be shared with another model (a pull
      // request's base takes the head's outcome of an unchanged file, whose windows file may differ).
      model.slos[index] = { ...slo, burnWindows: set.windows.filter((w) => enabled.has(w.severity)).map((w) => ({ ...w, source: 'policy' as const, position })) };
    });
  },
};
