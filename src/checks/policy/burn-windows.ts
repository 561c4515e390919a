import type { Check } from '../check.js';

export const policyBurnWindows: Check = {
  id: 'policy/burn-windows',
  severity: 'error',
  description: 'An SLO with fewer than two burn-rate windows (a fast and a slow one).',
  checkModel(model, context) {
    for (const slo of model.slos) {
      // Latency SLOs of the flat shape state a percentile, not a budget to burn.
      if (slo.target === undefined) continue;
      const distinct = new Set(slo.burnWindows.map((w) => w.longSeconds));
      if (distinct.size >= 2) continue;
      context.report({
        file: slo.file,
        ...slo.position,
        subject: slo.name,
        message:
          distinct.size === 0
            ? `SLO "${slo.name}" declares no burn-rate windows; add a fast one (1h at 14.4×) and a slow one (6h at 6×)`
            : `SLO "${slo.name}" declares only one burn-rate window; add a second (a fast 1h and a slow 6h window)`,
      });
    }
  },
};
