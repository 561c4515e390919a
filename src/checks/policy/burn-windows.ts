import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import { shortWindowFits } from '../../model/burn-rate.js';
import { formatDuration } from '../../model/units.js';

export const policyBurnWindows: ModelCheck = {
  meta: {
    id: 'policy/burn-windows',
    severity: 'error',
    kind: 'model',
    description: 'An SLO with fewer than two burn-rate windows (a fast and a slow one), or a short window that is not about 1/12 of its long one.',
    docs: 'docs/checks/policy/burn-windows.md',
    aboutSlo: true,
  },
  run({ model, sloName }, context) {
    const reported = new Set<string>();
    for (const slo of model.slos) {
      // Latency SLOs of the flat shape state a percentile, not a budget to burn.
      if (slo.target === undefined) continue;
      for (const window of slo.burnWindows) {
        // Only windows an author chose: a generator's own table is the generator's business.
        if (window.source === 'default' || !window.shortSeconds || shortWindowFits(window.longSeconds, window.shortSeconds)) continue;
        const position = window.position ?? slo.position;
        const key = `${slo.file}:${position.line}:${window.longSeconds}/${window.shortSeconds}`;
        if (reported.has(key)) continue;
        reported.add(key);
        context.report({
          file: slo.file,
          ...position,
          severity: 'notice',
          subject: slo.name,
          slo: sloRef(slo),
          message: `the ${formatDuration(window.longSeconds)} window's short window is ${formatDuration(window.shortSeconds)}; about 1/12 of it (${formatDuration(Math.round(window.longSeconds / 12))}) confirms a burn and resets soon after it stops`,
        });
      }
      // Generator formats (Sloth, OpenSLO, Pyrra) take windows from a table, not from each SLO.
      if (slo.format !== 'slo/v1' && slo.format !== 'flat') continue;
      const distinct = new Set(slo.burnWindows.map((w) => w.longSeconds));
      if (distinct.size >= 2) continue;
      context.report({
        file: slo.file,
        ...slo.position,
        subject: slo.name,
        slo: sloRef(slo),
        message:
          distinct.size === 0
            ? `SLO "${sloName(slo)}" declares no burn-rate windows; add a fast one (1h at 14.4×) and a slow one (6h at 6×)`
            : `SLO "${sloName(slo)}" declares only one burn-rate window; add a second (a fast 1h and a slow 6h window)`,
      });
    }
  },
};
