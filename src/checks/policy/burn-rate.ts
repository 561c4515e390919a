import type { ModelCheck } from '../check.js';
import { sloRef } from '../../model/slo-identity.js';
import type { BurnWindow, Slo } from '../../model/types.js';
import { formatDuration } from '../../model/units.js';

export const policyBurnRate: ModelCheck = {
  meta: {
    id: 'policy/burn-rate',
    severity: 'error',
    kind: 'model',
    description: 'A non-positive burn-rate factor, or a shorter window whose factor is not higher than a longer one\'s.',
    docs: 'docs/checks/policy/burn-rate.md',
    aboutSlo: true,
  },
  run({ model }, context) {
    // Policy-wide windows are shared by many SLOs: report each problem once, where it is written.
    const reported = new Set<string>();
    const report = (slo: Slo, window: BurnWindow, message: string) => {
      const position = window.position ?? { line: 1 };
      const key = `${slo.file}:${position.line}:${message}`;
      if (reported.has(key)) return;
      reported.add(key);
      const about = window.source === 'policy' ? { subject: formatDuration(window.longSeconds) } : { subject: slo.name, slo: sloRef(slo) };
      context.report({ file: slo.file, ...position, ...about, message });
    };
    for (const slo of model.slos) {
      const windows = slo.burnWindows.filter((w) => w.factor !== undefined).sort((a, b) => a.longSeconds - b.longSeconds);
      for (const window of windows) {
        if (window.factor! <= 0) report(slo, window, `burn-rate factor ${window.factor} for the ${formatDuration(window.longSeconds)} window must be positive`);
      }
      for (let i = 0; i + 1 < windows.length; i++) {
        const shorter = windows[i];
        const longer = windows[i + 1];
        if (shorter.longSeconds === longer.longSeconds || shorter.factor! > longer.factor!) continue;
        report(
          slo,
          shorter,
          `the ${formatDuration(shorter.longSeconds)} window's burn rate ${shorter.factor} is not higher than the ${formatDuration(longer.longSeconds)} window's ${longer.factor}: the shorter window must alert on a faster burn`,
        );
      }
    }
  },
};
