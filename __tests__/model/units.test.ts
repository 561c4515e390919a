import { describe, expect, it } from 'vitest';
import { describeSpan, formatDuration, parseDuration, parseLatency, parseTarget } from '../../src/model/units.js';

describe('units', () => {
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
