// The backtest's pure parts: `for` and `keep_firing_for` over an alert's evaluations, and the
// repository's recording rules written out into an alert's query.
import { describe, expect, it } from 'vitest';
import { expandRecorded, firingIntervals } from '../../src/live/backtest.js';
import { recordedNames } from '../../src/live/selectors.js';
import { check } from '../helpers/workspace.js';

const at = (...times: number[]) => ({ labels: {}, points: times.map((t) => [t, 1] as [number, number]) });

describe('firingIntervals', () => {
  it('fires at the first evaluation `for` after the run began, and not for a run shorter than `for`', () => {
    expect(firingIntervals([at(60, 120, 180, 240, 300)], 60, 120)).toEqual([{ start: 180, end: 300 }]);
    expect(firingIntervals([at(60, 120)], 60, 120)).toEqual([]);
    // a gap restarts the pending time
    expect(firingIntervals([at(60, 120, 180, 300, 360)], 60, 60)).toEqual([
      { start: 120, end: 180 },
      { start: 360, end: 360 },
    ]);
    // a `for` that is not a whole number of evaluations waits for the next one
    expect(firingIntervals([at(0, 60, 120, 180)], 60, 90)).toEqual([{ start: 120, end: 180 }]);
  });

  it('keeps firing for keep_firing_for after the query stops returning, and merges instances', () => {
    expect(firingIntervals([at(60, 120)], 60, 0, 150)).toEqual([{ start: 60, end: 300 }]);
    expect(firingIntervals([at(60, 120), { labels: { pod: 'b' }, points: [[180, 1], [240, 1]] }, at(600)], 60, 0)).toEqual([
      { start: 60, end: 240 },
      { start: 600, end: 600 },
    ]);
  });
});

describe('expandRecorded', () => {
  it('writes recording rules out in place, a range over one as a subquery, matching their static labels', async () => {
    const { linked: { model } } = await check({
      'rules.yml': `groups:
  - name: r
    rules:
      - record: job:errors:ratio_rate5m
        expr: sum(rate(errors_total{job="a"}[5m])) / sum(rate(requests_total{job="a"}[5m]))
        labels:
          team: a
      - record: job:errors:ratio_rate5m
        expr: sum(rate(errors_total{job="b"}[5m])) / sum(rate(requests_total{job="b"}[5m]))
        labels:
          team: b
      - alert: A
        expr: job:errors:ratio_rate5m{team="a"} > 0.01 and avg_over_time(job:errors:ratio_rate5m{team="b"}[1h]) > 0.01
`,
    });
    const alert = model.rules.find((r) => r.kind === 'alert')!;
    expect(expandRecorded(alert.expr.text, alert.expr.analysis, recordedNames(model), 60)).toBe(
      '(sum(rate(errors_total{job="a"}[5m])) / sum(rate(requests_total{job="a"}[5m]))) > 0.01 and avg_over_time((sum(rate(errors_total{job="b"}[5m])) / sum(rate(requests_total{job="b"}[5m])))[1h:1m]) > 0.01',
    );
  });
});
