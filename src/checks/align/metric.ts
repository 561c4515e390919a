import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import type { Position } from '../../model/types.js';
import { metricFamily } from '../../link/link.js';

interface Reader {
  what: string;
  file: string;
  position: Position;
  isAlert: boolean;
  families: Set<string>;
}

/** Raw metric families only: recording rules (names with a colon) stand for the metrics they read, which are listed too. */
function familiesOf(metrics: string[]): Set<string> {
  return new Set(metrics.map(metricFamily).filter((family) => !family.includes(':')));
}

export const alignMetric: ModelCheck = {
  meta: {
    id: 'align/metric',
    severity: 'warning',
    kind: 'model',
    description: 'Alerts and dashboard panels linked to one SLO that read different metrics for the same SLI.',
    docs: 'docs/checks/align/metric.md',
    aboutSlo: true,
  },
  run({ links, sloName }, context) {
    for (const { slo, alerts, panels } of links.bySlo.values()) {
      const readers: Reader[] = [
        ...alerts.map(({ rule, encoding }) => ({ what: `alert "${rule.name}"`, file: rule.file, position: rule.expr.position, isAlert: true, families: familiesOf(encoding.metrics) })),
        ...panels.map(({ dashboard, panel, metrics }) => ({
          what: `panel "${panel.title ?? panel.id ?? '?'}"`,
          file: dashboard.file,
          position: panel.position,
          isAlert: false,
          families: familiesOf(metrics),
        })),
      ].filter((r) => r.families.size > 0);
      const sli = [...familiesOf(slo.indicator.metrics)];
      // The SLI's own metrics when the SLO names them; else what most of its readers read (alerts first, then by name).
      const reference = sli.length ? sli : majority(readers);
      if (!reference.length) continue;
      const source = sli.length ? `SLO "${sloName(slo)}"'s SLI` : readers.find((r) => reference.some((f) => r.families.has(f)))!.what;
      for (const reader of readers) {
        if (reference.some((f) => reader.families.has(f))) continue;
        context.report({
          file: reader.file,
          ...reader.position,
          subject: slo.name,
          slo: sloRef(slo),
          message: `${reader.what} for SLO "${sloName(slo)}" reads ${[...reader.families].join(', ')}, but ${source} reads ${reference.join(', ')}`,
        });
      }
    }
  },
};

function majority(readers: Reader[]): string[] {
  const score = new Map<string, [number, number]>();
  for (const reader of readers) {
    for (const family of reader.families) {
      const [all, alerts] = score.get(family) ?? [0, 0];
      score.set(family, [all + 1, alerts + (reader.isAlert ? 1 : 0)]);
    }
  }
  const ranked = [...score].sort(([fa, [a1, a2]], [fb, [b1, b2]]) => b1 - a1 || b2 - a2 || (fa < fb ? -1 : fa > fb ? 1 : 0));
  return ranked.length ? [ranked[0][0]] : [];
}
