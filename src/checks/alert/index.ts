import type { Check } from '../check.js';
import { alertComparison } from './comparison.js';
import { alertFor } from './for.js';
import { alertRequired } from './required.js';

export const ALERT_CHECKS: readonly Check[] = [alertComparison, alertFor, alertRequired];
