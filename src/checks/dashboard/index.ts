import type { Check } from '../check.js';
import { dashboardSchema } from './schema.js';

export const DASHBOARD_CHECKS: readonly Check[] = [dashboardSchema];
