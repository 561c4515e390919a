import type { Check } from '../check.js';
import { promqlCounter } from './counter.js';
import { promqlHistogramQuantile } from './histogram-quantile.js';
import { promqlRateRange } from './rate-range.js';
import { promqlSyntax } from './syntax.js';

export const PROMQL_CHECKS: readonly Check[] = [promqlSyntax, promqlCounter, promqlRateRange, promqlHistogramQuantile];
