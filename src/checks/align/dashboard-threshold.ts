import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import { formatLatency, formatPercent, nearlyEqual, statedFigures } from '../../model/units.js';

export const alignDashboardThreshold: ModelCheck = {
  meta: {
    id: 'align/dashboard-threshold',
    severity: 'warning',
    kind: 'model',
    description: 'A panel shown for an SLO whose title or thresholds state a different target or latency.',
    docs: 'docs/checks/align/dashboard-threshold.md',
    aboutSlo: true,
  },
  run({ links, sloName }, context) {
    for (const { slo, panels } of links.bySlo.values()) {
      for (const { dashboard, panel } of panels) {
        const title = panel.title ?? '';
        const stated = statedFigures(title);
        const steps = panel.thresholds.map((s) => s.value).filter((v): v is number => v !== null);
        const report = (message: string) => context.report({ file: dashboard.file, ...panel.position, subject: slo.name, slo: sloRef(slo), message });
        if (slo.indicator.type === 'latency' && slo.indicator.thresholdSeconds !== undefined) {
          const want = slo.indicator.thresholdSeconds;
          // Threshold steps are in the panel's unit: milliseconds or seconds.
          const scale = panel.unit === 'ms' ? 1e-3 : panel.unit === 's' ? 1 : undefined;
          const stepLatencies = scale === undefined ? [] : steps.map((v) => v * scale);
          for (const [what, values] of [['title states', stated.latencies], ['thresholds are', stepLatencies]] as const) {
            if (values.length && !values.some((v) => nearlyEqual(v, want, 1e-6))) {
              report(`panel "${title}" ${what} ${values.map(formatLatency).join(', ')}, but SLO "${sloName(slo)}" allows ${formatLatency(want)}`);
            }
          }
          continue;
        }
        if (slo.target === undefined) continue;
        const target = slo.target;
        // A percent below 50 is an error rate or a usage, not a target.
        const titleTargets = stated.percents.filter((p) => p >= 50).map((p) => p / 100);
        const stepTargets = panel.unit === 'percent' ? steps.filter((v) => v >= 50 && v <= 100).map((v) => v / 100) : panel.unit === 'percentunit' ? steps.filter((v) => v >= 0.5 && v <= 1) : [];
        for (const [what, values] of [['title states', titleTargets], ['thresholds are', stepTargets]] as const) {
          if (values.length && !values.some((v) => nearlyEqual(v, target, 1e-9))) {
            report(`panel "${title}" ${what} ${values.map((v) => formatPercent(v)).join(', ')}, but SLO "${sloName(slo)}" targets ${formatPercent(target)}`);
          }
        }
      }
    }
  },
};
