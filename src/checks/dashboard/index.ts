import type { Check } from '../check.js';
import { dashboardCounter } from './counter.js';
import { dashboardDatasource } from './datasource.js';
import { dashboardDeprecatedPanel } from './deprecated-panel.js';
import { dashboardPanelId } from './panel-id.js';
import { dashboardPromql } from './promql.js';
import { dashboardSchema } from './schema.js';
import { dashboardThresholds } from './thresholds.js';
import { dashboardUid } from './uid.js';

export const DASHBOARD_CHECKS: readonly Check[] = [
  dashboardSchema,
  dashboardUid,
  dashboardPromql,
  dashboardPanelId,
  dashboardDeprecatedPanel,
  dashboardThresholds,
  dashboardDatasource,
  dashboardCounter,
];
