import type { Check } from '../check.js';
import { ruleDuplicate } from './duplicate.js';
import { ruleLabelName } from './label-name.js';
import { ruleRecordName } from './record-name.js';
import { ruleSchema } from './schema.js';
import { ruleTemplate } from './template.js';

export const RULE_CHECKS: readonly Check[] = [ruleSchema, ruleDuplicate, ruleLabelName, ruleRecordName, ruleTemplate];
