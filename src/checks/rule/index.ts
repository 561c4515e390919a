import type { Check } from '../check.js';
import { ruleSchema } from './schema.js';

export const RULE_CHECKS: readonly Check[] = [ruleSchema];
