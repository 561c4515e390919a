// Every check the product runs, of every kind, one line each. A new check is its module, its docs
// page, its test and one line here. Within a kind, checks run in this order.

import type { Check, DiffCheck, DocumentCheck, LiveCheck, ModelCheck } from './check.js';
import { alertComparison } from './alert/comparison.js';
import { alertFor } from './alert/for.js';
import { alertRequired } from './alert/required.js';
import { alignBurnAlertMissing } from './align/burn-alert-missing.js';
import { alignBurnThreshold } from './align/burn-threshold.js';
import { alignBurnWindow } from './align/burn-window.js';
import { alignDashboardMissing } from './align/dashboard-missing.js';
import { alignDashboardThreshold } from './align/dashboard-threshold.js';
import { alignLatencyThreshold } from './align/latency-threshold.js';
import { alignMetric } from './align/metric.js';
import { alignSingleWindow } from './align/single-window.js';
import { dashboardCounter } from './dashboard/counter.js';
import { dashboardDatasource } from './dashboard/datasource.js';
import { dashboardDeprecatedPanel } from './dashboard/deprecated-panel.js';
import { dashboardLogql } from './dashboard/logql.js';
import { dashboardPanelId } from './dashboard/panel-id.js';
import { dashboardPromql } from './dashboard/promql.js';
import { dashboardSchema } from './dashboard/schema.js';
import { dashboardThresholds } from './dashboard/thresholds.js';
import { dashboardUid } from './dashboard/uid.js';
import { diffAlertLoosened } from './diff/alert-loosened.js';
import { diffAlertRemoved } from './diff/alert-removed.js';
import { diffDashboardRemoved } from './diff/dashboard-removed.js';
import { diffSloRemoved } from './diff/slo-removed.js';
import { diffTargetLowered } from './diff/target-lowered.js';
import { fileMissing } from './file/missing.js';
import { fileParse } from './file/parse.js';
import { fileTemplate } from './file/template.js';
import { liveAlertBacktest } from './live/alert-backtest.js';
import { logqlSyntax } from './logql/syntax.js';
import { liveBudgetExhausted } from './live/budget-exhausted.js';
import { liveBurning } from './live/burning.js';
import { liveNoData } from './live/no-data.js';
import { liveMetricType } from './live/metric-type.js';
import { liveQueryFailed } from './live/query-failed.js';
import { liveScrapeInterval } from './live/scrape-interval.js';
import { liveSeriesMissing } from './live/series-missing.js';
import { liveUnreachable } from './live/unreachable.js';
import { policyBudget } from './policy/budget.js';
import { policyBurnRate } from './policy/burn-rate.js';
import { policyBurnUnreachable } from './policy/burn-unreachable.js';
import { policyBurnWindows } from './policy/burn-windows.js';
import { policyDuplicate } from './policy/duplicate.js';
import { policySchema, policySchemaAcrossFiles } from './policy/schema.js';
import { policyTargetMin } from './policy/target-min.js';
import { promqlCounter } from './promql/counter.js';
import { promqlHistogramQuantile } from './promql/histogram-quantile.js';
import { promqlRateRange } from './promql/rate-range.js';
import { promqlSyntax } from './promql/syntax.js';
import { ruleDuplicate } from './rule/duplicate.js';
import { ruleLabelName } from './rule/label-name.js';
import { ruleRecordName } from './rule/record-name.js';
import { ruleSchema } from './rule/schema.js';
import { ruleTemplate } from './rule/template.js';
import { runNothingChecked } from './run/nothing-checked.js';

export const CHECKS: readonly Check[] = [
  runNothingChecked,
  fileParse,
  fileMissing,
  fileTemplate,
  policySchema,
  policySchemaAcrossFiles,
  policyTargetMin,
  policyBurnWindows,
  policyBurnRate,
  policyBurnUnreachable,
  policyBudget,
  policyDuplicate,
  ruleSchema,
  ruleDuplicate,
  ruleLabelName,
  ruleRecordName,
  ruleTemplate,
  promqlSyntax,
  promqlCounter,
  promqlRateRange,
  promqlHistogramQuantile,
  logqlSyntax,
  alertComparison,
  alertFor,
  alertRequired,
  dashboardSchema,
  dashboardUid,
  dashboardPromql,
  dashboardLogql,
  dashboardPanelId,
  dashboardDeprecatedPanel,
  dashboardThresholds,
  dashboardDatasource,
  dashboardCounter,
  alignBurnAlertMissing,
  alignBurnThreshold,
  alignBurnWindow,
  alignSingleWindow,
  alignLatencyThreshold,
  alignMetric,
  alignDashboardMissing,
  alignDashboardThreshold,
  diffTargetLowered,
  diffSloRemoved,
  diffAlertRemoved,
  diffAlertLoosened,
  diffDashboardRemoved,
  liveBudgetExhausted,
  liveBurning,
  liveNoData,
  liveQueryFailed,
  liveUnreachable,
  liveSeriesMissing,
  liveMetricType,
  liveScrapeInterval,
  liveAlertBacktest,
];

// The same checks by kind, for the stage that runs each kind.
export const DOCUMENT_CHECKS = CHECKS.filter((check): check is DocumentCheck => check.meta.kind === 'document');
export const MODEL_CHECKS = CHECKS.filter((check): check is ModelCheck => check.meta.kind === 'model');
/** Static checks: what the engine runs on one tree (document checks while files are read, then model checks). */
export const STATIC_CHECKS = CHECKS.filter((check): check is DocumentCheck | ModelCheck => check.meta.kind === 'document' || check.meta.kind === 'model');
export const DIFF_CHECKS = CHECKS.filter((check): check is DiffCheck => check.meta.kind === 'diff');
export const LIVE_CHECKS = CHECKS.filter((check): check is LiveCheck => check.meta.kind === 'live');
