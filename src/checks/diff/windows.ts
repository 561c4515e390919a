// Burn-rate windows an SLO declares, matched between base and head by what they are for
// (their severity, else their long window), never by position.

import type { CheckFinding } from '../check.js';
import { sloRef } from '../../model/slo-identity.js';
import type { BurnWindow, Position, Slo } from '../../model/types.js';
import { formatDuration } from '../../model/units.js';

/** What a window is for: its severity (Sloth's page and ticket alerts), else its long window. */
export const windowKey = (window: BurnWindow) => window.severity ?? formatDuration(window.longSeconds);

/**
 * Base and head windows of one SLO, paired by what they are for. Windows derived from a table
 * (Sloth's) count too: they exist because the SLO declares the alert, and go when it stops.
 * Several windows for one severity pair in order, shortest first.
 */
export function pairWindows(base: BurnWindow[], head: BurnWindow[]): { pairs: [BurnWindow, BurnWindow][]; unmatched: BurnWindow[] } {
  const byLength = (a: BurnWindow, b: BurnWindow) => a.longSeconds - b.longSeconds;
  const pool = new Map<string, BurnWindow[]>();
  for (const window of [...head].sort(byLength)) pool.set(windowKey(window), [...(pool.get(windowKey(window)) ?? []), window]);
  const pairs: [BurnWindow, BurnWindow][] = [];
  const unmatched: BurnWindow[] = [];
  for (const window of [...base].sort(byLength)) {
    const match = pool.get(windowKey(window))?.shift();
    if (match) pairs.push([window, match]);
    else unmatched.push(window);
  }
  return { pairs, unmatched };
}

/** "page 1h/5m ×14.4" */
export function windowText(window: BurnWindow): string {
  return [window.severity, spanText(window)].filter(Boolean).join(' ');
}

/** "1h/5m ×14.4" */
export function spanText(window: BurnWindow): string {
  const span = `${formatDuration(window.longSeconds)}${window.shortSeconds !== undefined ? `/${formatDuration(window.shortSeconds)}` : ''}`;
  return window.factor !== undefined ? `${span} ×${window.factor}` : span;
}

export interface WindowChange {
  file: string;
  position: Position;
  slo: Slo;
  /** How the message names the SLO. */
  name: string;
  /** The rest of the message, after the SLO names: "no longer declares its page 1h ×14.4 burn-rate alert". */
  text: string;
  subject: string;
}

/**
 * One finding per changed window. A policy-wide window is shared by every SLO of the policy:
 * changing it once is one finding naming them all, not one per SLO.
 */
export function reportWindowChanges(changes: WindowChange[], report: (finding: CheckFinding) => void): void {
  const spots = new Map<string, WindowChange[]>();
  for (const change of changes) {
    const key = [change.file, change.position.line, change.position.column, change.text].join('\u0000');
    spots.set(key, [...(spots.get(key) ?? []), change]);
  }
  for (const group of spots.values()) {
    const names = group.map((change) => `"${change.name}"`).join(', ');
    const about = group.length === 1 ? { slo: sloRef(group[0].slo) } : {};
    report({ file: group[0].file, ...group[0].position, subject: group[0].subject, ...about, message: `${group.length > 1 ? 'SLOs' : 'SLO'} ${names} ${group[0].text}` });
  }
}
