// Every check the product runs, area by area. A new check is one module plus one line in its
// area's index.

import type { Check } from './check.js';
import { ALERT_CHECKS } from './alert/index.js';
import { ALIGN_CHECKS } from './align/index.js';
import { DASHBOARD_CHECKS } from './dashboard/index.js';
import { FILE_CHECKS } from './file/index.js';
import { POLICY_CHECKS } from './policy/index.js';
import { PROMQL_CHECKS } from './promql/index.js';
import { RULE_CHECKS } from './rule/index.js';

export const CHECKS: readonly Check[] = [
  ...FILE_CHECKS,
  ...POLICY_CHECKS,
  ...RULE_CHECKS,
  ...PROMQL_CHECKS,
  ...ALERT_CHECKS,
  ...DASHBOARD_CHECKS,
  ...ALIGN_CHECKS,
];

// Policy-change checks compare two models (base and head) and are run by src/diff/.
export { DIFF_CHECKS } from './diff/index.js';
