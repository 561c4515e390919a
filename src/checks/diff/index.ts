// Policy-change checks: they compare the base of a pull request with its head, so they are run by
// src/diff/, not with the model checks.

import type { DiffCheck } from './diff-check.js';
import { diffAlertLoosened } from './alert-loosened.js';
import { diffAlertRemoved } from './alert-removed.js';
import { diffDashboardRemoved } from './dashboard-removed.js';
import { diffSloRemoved } from './slo-removed.js';
import { diffTargetLowered } from './target-lowered.js';

export const DIFF_CHECKS: readonly DiffCheck[] = [diffTargetLowered, diffSloRemoved, diffAlertRemoved, diffAlertLoosened, diffDashboardRemoved];
