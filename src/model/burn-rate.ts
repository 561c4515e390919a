// Error-budget and burn-rate arithmetic, in one place. Derivations: docs/burn-rate.md.
// All durations are in seconds; targets and budgets are ratios.

export const DAY = 86_400;
export const DEFAULT_PERIOD_SECONDS = 30 * DAY;

/** The share of events allowed to fail: 1 − target. */
export function errorBudget(target: number): number {
  // Subtracting in decimal space keeps 1 − 0.9999 at 0.0001 instead of 0.00009999999999998899.
  const decimals = Math.min(15, decimalPlaces(target));
  return Number((1 - target).toFixed(decimals));
}

/** Minutes of full outage the budget allows over the period. */
export function budgetMinutes(target: number, periodSeconds: number): number {
  return (errorBudget(target) * periodSeconds) / 60;
}

/** Share of the whole budget spent before an alert over `windowSeconds` at `factor` fires. */
export function budgetConsumed(factor: number, windowSeconds: number, periodSeconds: number): number {
  return (factor * windowSeconds) / periodSeconds;
}

/** How long a steady burn at `factor` takes to spend the whole budget. */
export function timeToExhaustion(factor: number, periodSeconds: number): number {
  return factor > 0 ? periodSeconds / factor : Infinity;
}

/** How long a full outage (100 % errors) takes to push the window's error ratio over the alert threshold. */
export function timeToDetectOutage(factor: number, windowSeconds: number, target: number): number {
  return windowSeconds * factor * errorBudget(target);
}

/** The largest burn-rate factor that can ever be reached: an error ratio of 100 %. */
export function maxReachableFactor(target: number): number {
  const budget = errorBudget(target);
  return budget > 0 ? 1 / budget : Infinity;
}

export interface WindowFigures {
  longSeconds: number;
  shortSeconds?: number;
  factor?: number;
  /** Share of the budget (0-1) spent before this window alerts. */
  budgetConsumed?: number;
  timeToExhaustionSeconds?: number;
  timeToDetectSeconds?: number;
  /** False when factor × budget > 1: the alert needs more than 100 % errors. */
  reachable?: boolean;
}

export function windowFigures(
  window: { longSeconds: number; shortSeconds?: number; factor?: number },
  target: number | undefined,
  periodSeconds: number,
): WindowFigures {
  const figures: WindowFigures = { longSeconds: window.longSeconds, shortSeconds: window.shortSeconds, factor: window.factor };
  if (window.factor === undefined) return figures;
  figures.budgetConsumed = budgetConsumed(window.factor, window.longSeconds, periodSeconds);
  figures.timeToExhaustionSeconds = timeToExhaustion(window.factor, periodSeconds);
  if (target !== undefined) {
    figures.timeToDetectSeconds = timeToDetectOutage(window.factor, window.longSeconds, target);
    figures.reachable = window.factor * errorBudget(target) <= 1 + 1e-12;
  }
  return figures;
}

/** One row of a multiwindow, multi-burn-rate alerting table. */
export interface WindowPolicy {
  longSeconds: number;
  shortSeconds: number;
  factor: number;
  severity: 'page' | 'ticket';
}

/** The SRE workbook's table for a 30-day period (chapter 5, "Alerting on SLOs"). */
export const SRE_WORKBOOK_WINDOWS: readonly WindowPolicy[] = [
  { longSeconds: 3600, shortSeconds: 300, factor: 14.4, severity: 'page' },
  { longSeconds: 6 * 3600, shortSeconds: 1800, factor: 6, severity: 'page' },
  { longSeconds: DAY, shortSeconds: 7200, factor: 3, severity: 'ticket' },
  { longSeconds: 3 * DAY, shortSeconds: 6 * 3600, factor: 1, severity: 'ticket' },
];

/**
 * Sloth keeps the budget share each window consumes (2 %, 5 %, 10 %, 10 %) and rescales the
 * factor to the period: factor = share × period / window. For 28 days: 13.44, 5.6, 2.8, 0.933.
 */
export function slothWindows(periodSeconds: number): WindowPolicy[] {
  const shares = [0.02, 0.05, 0.1, 0.1];
  return SRE_WORKBOOK_WINDOWS.map((row, i) => ({ ...row, factor: (shares[i] * periodSeconds) / row.longSeconds }));
}

/**
 * Pyrra keeps the factors (14, 7, 2, 1) and scales the windows with the period:
 * a 28-day SLO gets 1h/5m, 6h/30m, 1d/2h, 4d/6h; other periods scale proportionally.
 */
export function pyrraWindows(periodSeconds: number): WindowPolicy[] {
  const base = 28 * DAY;
  const scale = (seconds: number) => Math.round((seconds * periodSeconds) / base);
  return [
    { longSeconds: scale(3600), shortSeconds: scale(300), factor: 14, severity: 'page' },
    { longSeconds: scale(6 * 3600), shortSeconds: scale(1800), factor: 7, severity: 'page' },
    { longSeconds: scale(DAY), shortSeconds: scale(7200), factor: 2, severity: 'ticket' },
    { longSeconds: scale(4 * DAY), shortSeconds: scale(6 * 3600), factor: 1, severity: 'ticket' },
  ];
}

/**
 * The alert tier of a burn-rate window: the one its severity names ("page", "ticket"), else by
 * speed — a factor of 6 or more pages (the workbook's page threshold for 30 days), slower ones
 * file a ticket. The suggested rule group and the formats that declare per-tier alert labels
 * (OpenSLO alert policies) sort windows into tiers by this one rule.
 */
export function alertTier(window: { severity?: string; factor?: number }): 'page' | 'ticket' {
  if (window.severity === 'page' || window.severity === 'ticket') return window.severity;
  return window.factor !== undefined && window.factor >= 6 ? 'page' : 'ticket';
}

/** The error ratio a burn-rate alert compares against: factor × budget (14.4 × 0.001 = 0.0144). */
export function burnThreshold(factor: number, target: number): number {
  return factor * errorBudget(target);
}

/** False when factor × (1 − target) > 1: the alert would need more than 100 % errors and can never fire. */
export function factorReachable(factor: number, target: number): boolean {
  return factor * errorBudget(target) <= 1 + 1e-12;
}

/**
 * The workbook pairs each long window with a short one of 1/12 its length (1h/5m, 6h/30m, 1d/2h,
 * 3d/6h): short enough to reset soon after an incident ends. "About" is 1/9.6 to 1/15.
 */
export function shortWindowFits(longSeconds: number, shortSeconds: number): boolean {
  const ratio = longSeconds / shortSeconds;
  return ratio >= 12 * 0.8 && ratio <= 12 * 1.25;
}

/** The windows an SLO's generator would alert on when the SLO names none: Pyrra's for Pyrra, else the workbook's scaled to the period as Sloth does. */
export function defaultWindows(format: string, periodSeconds: number): WindowPolicy[] {
  return format === 'pyrra' ? pyrraWindows(periodSeconds) : slothWindows(periodSeconds);
}

function decimalPlaces(value: number): number {
  const text = String(value);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]) + (text.split('e')[0].split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}
