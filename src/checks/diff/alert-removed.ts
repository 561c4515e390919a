import type { DiffCheck } from '../check.js';
import { alertIdentity, pairAlerts, pairSlos } from './pairing.js';
import { linkedAlerts } from '../../link/queries.js';
import { sloRef } from '../../model/slo-identity.js';
import type { BurnWindow } from '../../model/types.js';
import { pairWindows, reportWindowChanges, spanText, windowKey, type WindowChange } from './windows.js';

export const diffAlertRemoved: DiffCheck = {
  meta: {
    id: 'diff/alert-removed',
    severity: 'error',
    kind: 'diff',
    description: 'A burn-rate or latency alert linked to an SLO in the base is gone from the head, or no longer linked to it.',
    docs: 'docs/checks/diff/alert-removed.md',
    policyChange: true,
  },
  run({ base, head, headPosition }, context) {
    const windowChanges: WindowChange[] = [];
    // SLOs removed outright are diff/slo-removed's: their alerts going with them is one decision.
    for (const [before, after] of pairSlos(base.model, head.model).pairs) {
      const headAlerts = linkedAlerts(head, after);
      const { unmatched } = pairAlerts(linkedAlerts(base, before), headAlerts, alertIdentity);
      for (const rule of unmatched) {
        const severity = rule.labels.severity ? ` (severity ${rule.labels.severity.value})` : '';
        const stillThere = head.model.rules.find((candidate) => candidate.kind === 'alert' && candidate.name === rule.name && candidate.labels.severity?.value === rule.labels.severity?.value);
        context.report(
          stillThere
            ? {
                file: stillThere.file,
                ...stillThere.namePosition,
                subject: `${after.name}/${rule.name}`,
                slo: sloRef(after),
                message: `alert "${rule.name}"${severity} is no longer linked to SLO "${head.sloName(after)}"`,
              }
            : {
                file: rule.file,
                ...headPosition(rule.file, rule.position),
                subject: `${after.name}/${rule.name}`,
                slo: sloRef(after),
                message: `alert "${rule.name}"${severity} for SLO "${head.sloName(after)}" was removed`,
              },
        );
      }

      // Alerts an SLO declares itself (Sloth page/ticket alerts, seed burn windows) are generated from it.
      if (before.declaresBurnAlerting && !after.declaresBurnAlerting) {
        context.report({ file: after.file, ...after.position, subject: after.name, slo: sloRef(after), message: `SLO "${head.sloName(after)}" no longer declares burn-rate alerting` });
        continue;
      }
      // One finding per alert: Sloth's page alert is two windows.
      const gone = new Map<string, BurnWindow[]>();
      for (const window of pairWindows(before.burnWindows, after.burnWindows).unmatched) gone.set(windowKey(window), [...(gone.get(windowKey(window)) ?? []), window]);
      for (const [key, windows] of gone) {
        const spans = windows.map(spanText).join(', ');
        windowChanges.push({
          file: after.file,
          position: headPosition(before.file, windows[0].position ?? before.position) ?? after.position,
          slo: after,
          name: head.sloName(after),
          subject: key,
          text: windows[0].severity ? `no longer declares its ${key} burn-rate alert (${spans})` : `no longer declares its ${spans} burn-rate alert`,
        });
      }
    }
    reportWindowChanges(windowChanges, context.report);
  },
};
