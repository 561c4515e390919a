import type { Check } from '../check.js';

export const PROMQL_CHECKS: readonly Check[] = [];
