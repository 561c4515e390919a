// PromQL number and duration literals, read as Go's strconv and Prometheus' duration parser read them.

import { parsePromDuration } from '../../model/units.js';

/** Rounds away binary floating-point noise from folded constants: 1 - 0.999 → 0.001. */
export function tidy(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(12)) : x;
}

/** What Go's strconv.ParseInt(s, 0, 64) / ParseFloat accept among the PromQL lexer's NUMBER tokens. */
export const GO_NUMBER_RE = /^(?:[iI][nN][fF]|[nN][aA][nN]|0[xX]_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*|(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?)$/;

/** A PromQL number or duration literal (no sign) as a number of seconds / a float. NaN when it does not parse. */
export function parseNumberLiteral(s: string): number {
  const c = s.charCodeAt(s.length - 1);
  if ((c >= 48 && c <= 57) || s.includes('.') || /^0[xX]/.test(s)) {
    // Plain number.
    if (/^0[xX]/.test(s)) return parseInt(s.slice(2).replace(/_/g, ''), 16);
    const t = s.replace(/_/g, '');
    if (/^0[0-7]+$/.test(t)) return parseInt(t, 8);
    return t === '' ? NaN : Number(t);
  }
  const lower = s.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === 'nan') return NaN;
  const seconds = parsePromDuration(s);
  return seconds === undefined ? Number(s) : tidy(seconds);
}

/** Go's %f, as Prometheus prints a timestamp in an error. */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  return x.toFixed(6);
}
