import { describe, expect, it } from 'vitest';
import { at, check, findingsOf } from '../helpers/workspace.js';

const goodRules = 'groups:\n  - name: ok\n    rules:\n      - record: job:up:sum\n        expr: sum(up)\n';

describe('file/parse', () => {
  it('reports broken YAML with line and column, and still checks the other files', async () => {
    const result = await check({ 'bad.yaml': 'groups:\n  - name: x\n    rules: [\n', 'good.yaml': goodRules });
    const findings = result.findings.filter((f) => f.check === 'file/parse');
    expect(findings).toHaveLength(1);
    expect(findings[0].file).toBe('bad.yaml');
    expect(findings[0].line).toBeGreaterThanOrEqual(3);
    expect(result.linked.model.rules.map((r) => r.name)).toEqual(['job:up:sum']);
  });

  it('reports one finding for a YAML typo, not the follow-on errors on its line', async () => {
    // The parser's own errors here: 2:1 "Unexpected scalar at node end", 2:2 "Unexpected map-value-ind token", 2:4 "Unexpected scalar token".
    const findings = await findingsOf('file/parse', { 'typo.yaml': `- a\nb: 1\n` });
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'typo.yaml:2:1 Unexpected scalar at node end',
    ]);
  });

  it('reports invalid JSON at the offending character', async () => {
    const findings = await findingsOf('file/parse', { 'd.json': '{\n  "title": "x",\n  "panels": [}\n' });
    expect(findings.map(at)).toEqual(['d.json:3:14']);
    expect(findings[0].message).toMatch(/^invalid JSON: /);
  });

  it('refuses binary data, invalid UTF-8 and oversized files without a stack trace', async () => {
    const findings = await findingsOf(
      'file/parse',
      {
        'bin.yaml': new Uint8Array([0x67, 0x72, 0x0a, 0x00, 0x01]),
        'latin1.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0x0a, 0x62, 0x3a, 0x20, 0xe9, 0x0a]),
        'huge.json': `[${'1,'.repeat(600_000)}1]`,
      },
      { maxFileBytes: 1024 * 1024 },
    );
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'bin.yaml:2:1 binary data (NUL byte); not a text file',
      'huge.json:1 file is 1.1 MiB, over the 1 MiB limit; not read',
      'latin1.yaml:2:4 invalid UTF-8 byte sequence',
    ]);
  });

  it('bounds YAML alias expansion (billion laughs)', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const findings = await findingsOf('file/parse', { 'bomb.yaml': `${levels.join('\n')}\n` });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/^cannot expand document: /);
  });

  it('refuses absurdly deep nesting instead of exhausting the stack, and goes on with the next file', async () => {
    const result = await check({
      'deep.json': `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
      'deep.yaml': `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
      'rules.yml': goodRules,
    });
    const findings = result.findings.filter((f) => f.check === 'file/parse');
    expect(findings.map((f) => `${at(f)} ${f.message}`)).toEqual([
      'deep.json:1:500 nested more than 500 levels deep; not parsed',
      'deep.yaml:1:503 nested more than 500 levels deep; not parsed',
    ]);
    expect(result.linked.model.rules).toHaveLength(1);
  });

  it('says nothing about valid files, empty ones included', async () => {
    expect(await findingsOf('file/parse', { 'good.yaml': goodRules, 'empty.yaml': '', 'd.json': '{"a": 1}' })).toEqual([]);
  });
});
