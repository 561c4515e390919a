// What the align/* checks share: the windows an SLO expects, and how they are named and compared;
// how an ambiguous link names its candidates.

import type { AmbiguousLink, LinkedModel } from '../../link/types.js';
import { defaultWindows } from '../../model/burn-rate.js';
import type { Slo } from '../../model/types.js';
import { formatDuration, roundTo } from '../../model/units.js';

export interface ExpectedWindow {
  longSeconds: number;
  shortSeconds?: number;
  factor?: number;
  severity?: string;
}

/** The windows the SLO or its policy declares, else the table its generator (or the workbook, scaled to the period) uses. */
export function expectedWindows(slo: Slo): ExpectedWindow[] {
  if (slo.burnWindows.length) return [...slo.burnWindows].sort((a, b) => a.longSeconds - b.longSeconds);
  return slo.periodSeconds ? defaultWindows(slo.format, slo.periodSeconds) : [];
}

export function windowName(window: { longSeconds: number; shortSeconds?: number; factor?: number }): string {
  const name = window.shortSeconds ? `${formatDuration(window.longSeconds)}/${formatDuration(window.shortSeconds)}` : formatDuration(window.longSeconds);
  return window.factor === undefined ? name : `${name} (${roundTo(window.factor, 3)}×)`;
}

/** Burn-rate factors are written with a few decimals (0.933 for 28 d): equal to 0.1 %. */
export function sameFactor(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-3 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * The candidate SLOs of an ambiguous link as a message names them (`"a" and "b"`, `"a", "b" or "c"`):
 * as the run names them, with their file where duplicates of one SLO would read alike.
 */
export function candidateList(linked: LinkedModel, { candidates }: AmbiguousLink, conjunction: 'and' | 'or'): string {
  const readings = candidates.map((slo) => linked.sloName(slo));
  const named = candidates.map((slo, i) => (readings.indexOf(readings[i]) !== readings.lastIndexOf(readings[i]) ? `"${readings[i]}" (${slo.file})` : `"${readings[i]}"`));
  const unique = [...new Set(named)];
  return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} ${conjunction} ${unique[unique.length - 1]}`;
}
