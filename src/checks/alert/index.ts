import type { Check } from '../check.js';

export const ALERT_CHECKS: readonly Check[] = [];
