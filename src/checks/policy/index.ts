import type { Check } from '../check.js';
import { policyBudget } from './budget.js';
import { policyBurnRate } from './burn-rate.js';
import { policyBurnUnreachable } from './burn-unreachable.js';
import { policyBurnWindows } from './burn-windows.js';
import { policyDuplicate } from './duplicate.js';
import { policySchema } from './schema.js';
import { policyTargetMin } from './target-min.js';

export const POLICY_CHECKS: readonly Check[] = [policySchema, policyTargetMin, policyBurnWindows, policyBurnRate, policyBurnUnreachable, policyBudget, policyDuplicate];
