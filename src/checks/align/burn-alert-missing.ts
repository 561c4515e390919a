import { sloRef } from '../../model/slo-identity.js';
import type { ModelCheck } from '../check.js';
import { linkingLabels, SERVICE_LABELS } from '../../link/link.js';
import { candidateList, expectedWindows, sameFactor, windowName } from './common.js';
import { burnRateRuleGroup } from './suggestion.js';
import { configOptions } from '../options.js';

export const alignBurnAlertMissing: ModelCheck = {
  meta: {
    id: 'align/burn-alert-missing',
    severity: 'error',
    kind: 'model',
    description: 'An SLO whose burn-rate windows no alerting rule implements (warning when the SLO does not declare burn-rate alerting); ambiguous alert links as notices.',
    docs: 'docs/checks/align/burn-alert-missing.md',
    options: configOptions('alerts.required-labels', 'alerts.required-annotations'),
    aboutSlo: true,
  },
  run(linked, context) {
    const { links, sloName } = linked;
    for (const { slo, alerts } of links.bySlo.values()) {
      if (slo.target === undefined || !slo.periodSeconds || slo.alertingDisabled) continue;
      const expected = expectedWindows(slo);
      if (expected.length === 0) continue;
      const implemented = alerts.flatMap((a) => a.encoding.windows);
      // A window counts as implemented when an alert uses its long window or its factor; align/burn-window reports the difference.
      const missing = expected.filter(
        (w) => !implemented.some((i) => i.longSeconds === w.longSeconds || (w.factor !== undefined && i.factor !== undefined && sameFactor(i.factor, w.factor))),
      );
      if (missing.length === 0) continue;
      const none = implemented.length === 0;
      // Pyrra's operator writes its rules into the cluster, not the repository: their absence here is normal.
      const generatedInCluster = none && slo.format === 'pyrra';
      context.report({
        file: slo.file,
        ...slo.position,
        severity: generatedInCluster ? 'notice' : slo.declaresBurnAlerting ? 'error' : 'warning',
        subject: slo.name,
        slo: sloRef(slo),
        message: none
          ? `no alerting rule implements the burn-rate windows of SLO "${sloName(slo)}" (${expected.map(windowName).join(', ')})${generatedInCluster ? '; Pyrra generates them in the cluster, where they cannot be checked' : ''}`
          : `no alerting rule implements the ${missing.map(windowName).join(', ')} burn-rate window${missing.length > 1 ? 's' : ''} of SLO "${sloName(slo)}"`,
        suggestion: missing.some((w) => w.factor !== undefined) ? burnRateRuleGroup(slo, missing, context.config, linkingLabels(linked, slo)) : undefined,
      });
    }
    for (const ambiguous of links.ambiguous) {
      const { rule } = ambiguous;
      if (!rule) continue;
      context.report({
        file: rule.file,
        ...rule.namePosition,
        severity: 'notice',
        subject: rule.name,
        message:
          ambiguous.by === 'inferred'
            ? `alert "${rule.name}" fits SLOs ${candidateList(linked, ambiguous, 'and')} equally well; name its SLO with a label slo: <name> or map it in slo-links`
            : ambiguous.by === 'label'
              ? `alert "${rule.name}" could be SLO ${candidateList(linked, ambiguous, 'or')}: its labels give only the name; add a service label (${SERVICE_LABELS.join(', ')}) or map it in slo-links as service/name`
              : `alert "${rule.name}" could be SLO ${candidateList(linked, ambiguous, 'or')}: slo-links gives only the name; map it as service/name`,
      });
    }
  },
};
