import type { Check } from '../check.js';
import { fileMissing } from './missing.js';
import { fileParse } from './parse.js';

export const FILE_CHECKS: readonly Check[] = [fileParse, fileMissing];
