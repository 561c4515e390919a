import type { Check } from '../check.js';

export const DIFF_CHECKS: readonly Check[] = [];
