import { describe, expect, it } from 'vitest';
import { lineMap } from '../../src/diff/line-map.js';

describe('lineMap', () => {
  const base = ['a', 'b', 'c', 'd', 'e'].join('\n');

  it('follows surviving lines past insertions above them', () => {
    const map = lineMap(base, ['new1', 'new2', 'a', 'b', 'c', 'd', 'e'].join('\n'));
    expect([1, 2, 3, 4, 5].map(map)).toEqual([3, 4, 5, 6, 7]);
  });

  it('points a deleted line at the line that now stands where it was', () => {
    const map = lineMap(base, ['a', 'd', 'e'].join('\n'));
    expect([1, 2, 3, 4, 5].map(map)).toEqual([1, 2, 2, 2, 3]);
  });

  it('handles changes in the middle, and deletions at the end', () => {
    expect([1, 2, 3, 4, 5].map(lineMap(base, ['a', 'x', 'c', 'y', 'e'].join('\n')))).toEqual([1, 2, 3, 4, 5]);
    expect([4, 5].map(lineMap(base, ['a', 'b', 'c'].join('\n')))).toEqual([3, 3]);
    expect(lineMap(base, '')(3)).toBe(1);
  });
});
