import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonChunks } from '../../src/render/json.js';
import { finding, HOSTILE, manyFindings, reportWith } from './report-fixture.js';

describe('JSON report', () => {
  const report = reportWith([
    finding('error', 'slo/api.yaml', 7, 'target too low', { fingerprint: 'abc123' }),
    finding('warning', 'rules/my alerts.yaml', 3, HOSTILE, { suggestion: 'groups:\n  - name: "x"\n  - name: y' }),
    finding('notice', 'dashboards/d.json', undefined, 'no panel for SLO — ×1 → ≥ 2'),
    ...manyFindings(50),
  ]);

  it('is JSON.stringify with two-space indentation and a final newline', () => {
    expect(renderJson(report)).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('written in pieces, gives the same text; every piece but the last is at least the size asked for', () => {
    const pieces = [...renderJsonChunks(report, 200)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(200);
  });

  it('leaves out what JSON cannot hold and writes empty arrays as JSON does', () => {
    const odd = { ...reportWith([], []), missing: undefined } as unknown as Parameters<typeof renderJson>[0];
    expect(renderJson(odd)).toBe(`${JSON.stringify(odd, null, 2)}\n`);
  });
});
