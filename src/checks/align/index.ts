import type { Check } from '../check.js';

export const ALIGN_CHECKS: readonly Check[] = [];
