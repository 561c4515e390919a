import { describe, expect, it } from 'vitest';
import { parseText, restoreDocument } from '../../src/parse/document.js';
import { placeOffset } from '../../src/model/placement.js';

// Offsets inside a query map back to the file, whatever the YAML scalar style.
const FILE = [
  'groups:',
  '  - name: g',
  '    rules:',
  '      - alert: A',
  '        expr: "up{job=\\"x\\"} == 0"',
  '      - alert: B',
  "        expr: 'up{job=''y''} == 0'",
  '      - alert: C',
  '        expr: |',
  '          sum(rate(x[5m]))',
  '            > 1',
  '      - alert: D',
  '        expr: up == 0',
  '',
].join('\n');

describe('positions inside strings', () => {
  const [doc] = parseText(FILE, 'yaml').documents;
  const mapper = (rule: number) => (offset: number) => placeOffset(doc!.placementOf(['groups', 0, 'rules', rule, 'expr']), offset);

  it('double-quoted with escapes: characters after an escape sit further right', () => {
    expect(mapper(0)(0)).toEqual({ line: 5, column: 16 });
    expect(mapper(0)(8)).toEqual({ line: 5, column: 25 });
    expect(mapper(0)(12)).toEqual({ line: 5, column: 30 });
  });

  it("single-quoted with '' escapes", () => {
    expect(mapper(1)(0)).toEqual({ line: 7, column: 16 });
    expect(mapper(1)(8)).toEqual({ line: 7, column: 25 });
    expect(mapper(1)(12)).toEqual({ line: 7, column: 30 });
  });

  it('block literal: lines and indentation of the body', () => {
    expect(mapper(2)(0)).toEqual({ line: 10, column: 11 });
    expect(mapper(2)(19)).toEqual({ line: 11, column: 13 });
  });

  it('plain scalar, and the last character of an escaped string', () => {
    expect(mapper(3)(3)).toEqual({ line: 13, column: 18 });
    expect(mapper(0)(15)).toEqual({ line: 5, column: 33 });
  });

  it('a snapshot restores the positions of values and keys, and the nearest ancestor for what is absent', () => {
    const restored = restoreDocument(structuredClone(doc!.snapshot()));
    expect(restored.value).toEqual(doc!.value);
    for (const path of [['groups', 0, 'rules', 2, 'expr'], ['groups', 0, 'name'], ['groups', 0, 'rules', 3], []]) {
      expect(restored.positionOf(path)).toEqual(doc!.positionOf(path));
      expect(restored.keyPositionOf(path)).toEqual(doc!.keyPositionOf(path));
    }
    expect(restored.positionOf(['groups', 0, 'rules', 1, 'labels', 'team'])).toEqual({ line: 6, column: 9 });
  });
});
