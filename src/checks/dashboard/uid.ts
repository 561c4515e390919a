import type { ModelCheck } from '../check.js';
import type { Dashboard } from '../../model/types.js';
import { dashboardName } from './queries.js';

// Grafana's own limits (pkg/util/shortid_generator.go): at most 40 characters from this set.
const MAX_UID_LENGTH = 40;
const UID_CHARS = /^[A-Za-z0-9_-]*$/;

export const dashboardUid: ModelCheck = {
  meta: {
    id: 'dashboard/uid',
    severity: 'error',
    kind: 'model',
    description: 'A dashboard uid Grafana rejects (over 40 characters, characters outside A-Z a-z 0-9 _ -) or that another dashboard uses; a missing uid (warning).',
    docs: 'docs/checks/dashboard/uid.md',
  },
  run({ model }, context) {
    const seen = new Map<string, Dashboard>();
    for (const dashboard of model.dashboards) {
      const name = dashboardName(dashboard);
      const at = { file: dashboard.file, ...(dashboard.uidPosition ?? dashboard.position), subject: name };
      const uid = dashboard.uid;
      if (uid === undefined || uid === '') {
        context.report({ ...at, severity: 'warning', message: `dashboard "${name}" has no uid: Grafana invents one on import, so links to it break on every import` });
        continue;
      }
      if (uid.length > MAX_UID_LENGTH) context.report({ ...at, message: `dashboard "${name}": uid "${uid}" is ${uid.length} characters long; Grafana accepts at most ${MAX_UID_LENGTH}` });
      if (!UID_CHARS.test(uid)) context.report({ ...at, message: `dashboard "${name}": uid "${uid}" has characters Grafana rejects; use only letters, digits, - and _` });
      const earlier = seen.get(uid);
      if (earlier) {
        const where = earlier.file === dashboard.file ? `line ${earlier.position.line}` : `${earlier.file}:${(earlier.uidPosition ?? earlier.position).line}`;
        context.report({ ...at, message: `dashboard "${name}": uid "${uid}" is also the uid of dashboard "${dashboardName(earlier)}" (${where}); the last one imported overwrites the other` });
      } else seen.set(uid, dashboard);
    }
  },
};
