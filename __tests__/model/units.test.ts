import { describe, expect, it } from 'vitest';
import { describeSpan, formatDuration, formatDurationInOneUnit, parseDuration, parsePromDuration, parseLatency, parseTarget } from '../../src/model/units.js';

describe('units', () => {
  it('reads a Prometheus duration as its parser does, and configuration a little more leniently', () => {
    expect(parsePromDuration('1h30m')).toBe(5400);
    expect(parsePromDuration('1y2w3d4h5m6s7ms')).toBe(31_536_000 + 2 * 604_800 + 3 * 86_400 + 4 * 3600 + 5 * 60 + 6 + 0.007);
    for (const text of ['', '0', ' 5m', '5m ', '1.5m', '5M', '30m1h']) expect(parsePromDuration(text)).toBeUndefined();
    expect(parseDuration(' 5m ')).toBe(300);
    expect(parseDuration('0')).toBe(0);
  });

  it('writes a window in its largest whole unit, as backends accept it', () => {
    expect([2_592_000, 21_600, 300, 5400, 90].map(formatDurationInOneUnit)).toEqual(['30d', '6h', '5m', '90m', '90s']);
  });

  it('parses Prometheus durations', () => {
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('30d')).toBe(2_592_000);
    expect(parseDuration('1w')).toBe(604_800);
    expect(parseDuration('250ms')).toBe(0.25);
    expect(parseDuration('30m1h')).toBeUndefined();
    expect(parseDuration('five minutes')).toBeUndefined();
    expect(parseDuration(5)).toBeUndefined();
  });

  it('formats durations back', () => {
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(2_592_000)).toBe('30d');
    expect(formatDuration(1_209_600)).toBe('2w');
    expect(formatDuration(0.05)).toBe('50ms');
    expect(describeSpan(5 * 86_400)).toBe('5d');
    expect(describeSpan(3.5 * 86_400)).toBe('3.5d');
    expect(describeSpan(50 * 3600)).toBe('50h');
    expect(describeSpan(25.92)).toBe('26s');
  });

  it('reads latencies in the unit the field names', () => {
    expect(parseLatency('50ms')).toBe(0.05);
    expect(parseLatency('0.5s')).toBe(0.5);
    expect(parseLatency(50, 'ms')).toBe(0.05);
    expect(parseLatency('fast')).toBeUndefined();
  });

  it('reads targets as ratio or percent', () => {
    expect(parseTarget(0.999, 'ratio')).toBe(0.999);
    expect(parseTarget(99.9, 'percent')).toBeCloseTo(0.999, 12);
    expect(parseTarget('99.95%', 'ratio')).toBeCloseTo(0.9995, 12);
    expect(parseTarget('x', 'percent')).toBeUndefined();
  });
});
