import type { Check } from '../check.js';
import { alignBurnAlertMissing } from './burn-alert-missing.js';
import { alignBurnThreshold } from './burn-threshold.js';
import { alignBurnWindow } from './burn-window.js';
import { alignDashboardMissing } from './dashboard-missing.js';
import { alignDashboardThreshold } from './dashboard-threshold.js';
import { alignLatencyThreshold } from './latency-threshold.js';
import { alignMetric } from './metric.js';
import { alignSingleWindow } from './single-window.js';

export const ALIGN_CHECKS: readonly Check[] = [
  alignBurnAlertMissing,
  alignBurnThreshold,
  alignBurnWindow,
  alignSingleWindow,
  alignLatencyThreshold,
  alignMetric,
  alignDashboardMissing,
  alignDashboardThreshold,
];
