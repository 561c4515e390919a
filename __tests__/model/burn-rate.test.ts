import { describe, expect, it } from 'vitest';
import {
  burnThreshold,
  defaultWindows,
  factorReachable,
  shortWindowFits,
  windowFigures,
  budgetConsumed,
  budgetMinutes,
  errorBudget,
  maxReachableFactor,
  pyrraWindows,
  slothWindows,
  timeToDetectOutage,
  timeToExhaustion,
} from '../../src/model/burn-rate.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('burn-rate arithmetic against the SRE workbook', () => {
  it('computes the budget share each workbook window consumes: 2 %, 5 %, 10 %', () => {
    expect(budgetConsumed(14.4, HOUR, 30 * DAY)).toBeCloseTo(0.02, 12);
    expect(budgetConsumed(6, 6 * HOUR, 30 * DAY)).toBeCloseTo(0.05, 12);
    expect(budgetConsumed(3, DAY, 30 * DAY)).toBeCloseTo(0.1, 12);
    expect(budgetConsumed(1, 3 * DAY, 30 * DAY)).toBeCloseTo(0.1, 12);
  });

  it('exhausts a 30-day budget in 50 h at 14.4× (not the seed report\'s "~6 hours")', () => {
    expect(timeToExhaustion(14.4, 30 * DAY) / HOUR).toBeCloseTo(50, 10);
  });

  it('caps the reachable factor at 1 / budget: 1000 at 99.9 %', () => {
    expect(maxReachableFactor(0.999)).toBeCloseTo(1000, 6);
    expect(maxReachableFactor(0.9)).toBeCloseTo(10, 9);
  });

  it('spends a 99.999 % budget in 26 s of full outage, and a 1 h / 14.4× alert at 99.9 % detects one in 0.864 min', () => {
    expect(timeToExhaustion(maxReachableFactor(0.99999), 30 * DAY)).toBeCloseTo(25.92, 6);
    expect(timeToDetectOutage(14.4, HOUR, 0.999)).toBeCloseTo(0.864 * 60, 6);
  });

  it('keeps 1 − target free of float noise', () => {
    expect(errorBudget(0.9999)).toBe(0.0001);
    expect(errorBudget(0.999)).toBe(0.001);
    expect(budgetMinutes(0.999, 30 * DAY)).toBeCloseTo(43.2, 9);
  });

  it('scales factors like Sloth and windows like Pyrra', () => {
    expect(slothWindows(28 * DAY).map((w) => Number(w.factor.toFixed(3)))).toEqual([13.44, 5.6, 2.8, 0.933]);
    expect(slothWindows(30 * DAY).map((w) => Number(w.factor.toFixed(3)))).toEqual([14.4, 6, 3, 1]);
    expect(pyrraWindows(28 * DAY).map((w) => [w.longSeconds, w.shortSeconds, w.factor])).toEqual([
      [HOUR, 300, 14],
      [6 * HOUR, 1800, 7],
      [DAY, 2 * HOUR, 2],
      [4 * DAY, 6 * HOUR, 1],
    ]);
  });

  it('detects a full outage at 99.9 % in 51.84 s, 2.16 min, 4.32 min and 4.32 min over the workbook windows', () => {
    const detect = [
      [14.4, HOUR],
      [6, 6 * HOUR],
      [3, DAY],
      [1, 3 * DAY],
    ].map(([factor, window]) => timeToDetectOutage(factor, window, 0.999));
    expect(detect.map((s) => Number(s.toFixed(6)))).toEqual([51.84, 129.6, 259.2, 259.2]);
  });

  it('puts the threshold at factor × budget, and no factor above 1 / budget can fire', () => {
    expect(burnThreshold(14.4, 0.999)).toBeCloseTo(0.0144, 12);
    expect(factorReachable(14.4, 0.9)).toBe(false); // needs 144 % errors
    expect(factorReachable(10, 0.9)).toBe(true); // exactly 100 %
    expect(windowFigures({ longSeconds: HOUR, shortSeconds: 300, factor: 14.4 }, 0.9, 30 * DAY)).toMatchObject({ reachable: false, budgetConsumed: 0.02 });
  });

  it('accepts short windows of about 1/12 of the long one', () => {
    expect(shortWindowFits(HOUR, 300)).toBe(true);
    expect(shortWindowFits(30 * 60, 120)).toBe(true); // 1/15, Sloth's custom example
    expect(shortWindowFits(4 * DAY, 6 * HOUR)).toBe(false); // 1/16
    expect(shortWindowFits(HOUR, 30 * 60)).toBe(false);
  });

  it('uses Pyrra\'s table for Pyrra SLOs and the workbook\'s, scaled like Sloth, for the rest', () => {
    expect(defaultWindows('pyrra', 28 * DAY)[0].factor).toBe(14);
    expect(defaultWindows('slo/v1', 28 * DAY).map((w) => Number(w.factor.toFixed(3)))).toEqual([13.44, 5.6, 2.8, 0.933]);
  });
});
