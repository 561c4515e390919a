import { describe, expect, it } from 'vitest';
import { firstBoundPassed, MAX_NESTING, MAX_VALUES } from '../../src/parse/bounds.js';
import { parseText } from '../../src/parse/document.js';
import { at, check } from '../helpers/workspace.js';

/** Text nesting `depth` levels deep, of one kind. */
const nested: Record<string, (depth: number) => string> = {
  'flow sequences': (d) => '['.repeat(d) + ']'.repeat(d),
  'JSON objects': (d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d),
  'compact sequences (- - -)': (d) => '- '.repeat(d) + 'x\n',
  'block mappings': (d) => Array.from({ length: d }, (_, i) => `${' '.repeat(i)}k${i}:\n`).join('') + `${' '.repeat(d)}leaf\n`,
  'block sequences': (d) => Array.from({ length: d }, (_, i) => `${' '.repeat(i)}-\n`).join('') + `${' '.repeat(d)}leaf\n`,
  'compact sequences holding flow': (d) => '- '.repeat(Math.floor(d / 2)) + '['.repeat(Math.ceil(d / 2)) + ']'.repeat(Math.ceil(d / 2)) + '\n',
};

describe('nesting bound', () => {
  for (const [kind, make] of Object.entries(nested)) {
    it(`parses ${kind} ${MAX_NESTING} levels deep, and refuses one level more with its position`, () => {
      const under = parseText(make(MAX_NESTING - 1), 'yaml');
      expect(under.problems).toEqual([]);
      expect(under.documents).toHaveLength(1);
      expect(JSON.stringify(under.documents[0].snapshot()).length).toBeGreaterThan(0);
      const over = parseText(make(MAX_NESTING + 1), 'yaml');
      expect(over.documents).toEqual([]);
      expect(over.problems).toEqual([{ line: expect.any(Number), column: expect.any(Number), message: `nested more than ${MAX_NESTING} levels deep; not parsed` }]);
    });
  }

  it('does not count block scalar text, or brackets inside plain scalars and strings, as nesting', () => {
    const staircase = Array.from({ length: 2 * MAX_NESTING }, (_, i) => `  ${' '.repeat(i)}line ${i}`).join('\n');
    expect(firstBoundPassed(`description: |\n${staircase}\nnext: 1\n`)).toBeUndefined();
    expect(firstBoundPassed(Array.from({ length: 2 * MAX_NESTING }, () => 'expr: rate(x[5m]) > 1 and {a="[{"}').join('\n'))).toBeUndefined();
    expect(firstBoundPassed(`{"a": "${'['.repeat(2 * MAX_NESTING)}"}`)).toBeUndefined();
  });

  it('never answers in V8\'s words: a real rule file nested deeply gets a plain finding', async () => {
    const deep = `groups:\n  - name: g\n    rules:\n      - record: r\n        expr: up\n        labels: ${'['.repeat(800)}${']'.repeat(800)}\n`;
    const result = await check({ 'rules.yml': deep });
    const messages = result.findings.filter((f) => f.check.startsWith('file/')).map((f) => `${at(f)} ${f.check} ${f.message}`);
    expect(messages).toEqual([expect.stringMatching(new RegExp(`^rules.yml:6:\\d+ file/parse nested more than ${MAX_NESTING} levels deep; not parsed$`))]);
    expect(messages.join('\n')).not.toMatch(/call stack/i);
  });
});

describe('value bound', () => {
  it('refuses a text with more values than the bound before parsing it, at the value past the bound', () => {
    expect(firstBoundPassed('[1,2,3]', MAX_NESTING, 3)).toEqual({ kind: 'values', offset: 4 });
    expect(firstBoundPassed('[1,2,3]', MAX_NESTING, 4)).toBeUndefined();
    const text = `[${Array.from({ length: MAX_VALUES + 1 }, () => '1').join(',')}]`;
    const parsed = parseText(text, 'json');
    expect(parsed.documents).toEqual([]);
    expect(parsed.problems).toEqual([{ line: 1, column: expect.any(Number), tooLarge: true, message: `holds more than ${MAX_VALUES} values; not read` }]);
  });

  it('lists a dashboard past the bound as too-large, with one file/parse finding, and loads nothing of it', async () => {
    const panels = Array.from({ length: MAX_VALUES / 2 }, (_, i) => `{"id":${i},"type":"stat"}`).join(',');
    const result = await check({ 'big.json': `{"uid":"big","title":"Big","panels":[${panels}]}` });
    expect(result.linked.model.dashboards).toEqual([]);
    expect(result.findings.filter((f) => f.check === 'file/parse').map((f) => f.message)).toEqual([`holds more than ${MAX_VALUES} values; not read`]);
    expect(result.skipped).toEqual([{ path: 'big.json', reason: 'too-large', detail: `holds more than ${MAX_VALUES} values; not read` }]);
  });
});

describe('line endings', () => {
  it('reads CR-only line endings as Prometheus (Go yaml.v3) does: each CR ends a line', async () => {
    const rules = 'groups:\r  - name: a\r    rules:\r      - record: job:up:sum\r        expr: sum by (job) (up)\r      - alert: Bad\r        expr: sum(rate(x[5m])\r';
    const result = await check({ 'rules.yml': rules });
    expect(result.linked.model.rules.map((r) => `${r.name} ${r.position.line}`)).toEqual(['job:up:sum 4', 'Bad 6']);
    // promtool 2.42 on this file: "rules.yml: 7:15: group "a", rule 2, "Bad": could not parse expression: 1:16: parse error: unclosed left parenthesis"
    expect(result.findings.filter((f) => f.check.startsWith('promql/') || f.check.startsWith('file/')).map((f) => `${at(f)} ${f.check}`)).toEqual(['rules.yml:7:30 promql/syntax']);
  });
});

describe('compact mappings on one line', () => {
  it('counts each `: ` after the first as a level: a thousand of them is too deep, a few are not', () => {
    const deep = `groups:\n  - name: g\n    rules:\n      - alert: A\n        annotations:\n          summary: start-${': '.repeat(1200)}x\n`;
    expect(firstBoundPassed(deep)?.kind).toBe('depth');
    expect(firstBoundPassed('summary: "a: b: c"\nexpr: up\n')).toBeUndefined();
  });
});
