import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schemas/report.schema.json' with { type: 'json' };
import { REPO_ROOT } from '../helpers/corpus.js';
import { workspace } from '../helpers/workspace.js';
import { cli } from '../helpers/cli.js';

const passing = { 'rules.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n' };
const failing = { 'rules.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n' };

describe('slo-gate check', () => {
  it('exits 0 when the gate passes and 1 when it fails', async () => {
    expect((await cli(['check', await workspace(passing)])).code).toBe(0);
    const failed = await cli(['check', await workspace(failing)]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("rules.yml:4:9  error   rule/schema  group \"g\", rule 1, \"job:up:sum\": field 'expr' must be set in rule");
    expect(failed.stdout).toMatch(/slo-gate FAILED: 1 error — check failed; 1 error\(s\)/);
  });

  it('writes byte-identical reports under SOURCE_DATE_EPOCH', async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const dir = path.join(REPO_ROOT, 'examples', 'agentaskit');
      const first = await cli(['check', dir, '--format', 'json']);
      const second = await cli(['check', dir, '--format', 'json']);
      expect(JSON.parse(first.stdout).generatedAt).toBe('2023-11-14T22:13:20.000Z');
      expect(second.stdout).toBe(first.stdout);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('follows --fail-on', async () => {
    expect((await cli(['check', await workspace(failing), '--fail-on', 'never'])).code).toBe(0);
  });

  it('writes a JSON report that validates against the report schema', async () => {
    const dir = await workspace(failing);
    const out = path.join(dir, 'report.json');
    const result = await cli(['check', path.join(REPO_ROOT, 'examples', 'agentaskit'), '--format', 'json', '--output', out]);
    expect(result.stdout).toBe('');
    const report = JSON.parse(await readFile(out, 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(reportSchema);
    expect(validate.errors ?? validate(report)).toBe(true);
    expect(report.result).toBe('fail');
    expect(report.slos.length).toBeGreaterThan(0);
  });

  it('lists dashboard queries of data sources it does not read as not checked, in the JSON and text reports', async () => {
    const dashboard = JSON.stringify({
      uid: 'logs', title: 'Search', panels: [
        { id: 1, type: 'table', datasource: { type: 'elasticsearch', uid: 'es' }, targets: [{ refId: 'A', query: 'status:500' }, { refId: 'B', query: 'status:404' }] },
        { id: 2, type: 'table', datasource: { type: 'grafana-postgresql-datasource', uid: 'pg' }, targets: [{ refId: 'A', rawSql: 'SELECT 1' }] },
      ],
    }, null, 2);
    const dir = await workspace({ 'search.json': dashboard });
    const out = path.join(dir, 'report.json');
    await cli(['check', dir, '--format', 'json', '--output', out]);
    const report = JSON.parse(await readFile(out, 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(reportSchema);
    expect(validate.errors ?? validate(report)).toBe(true);
    expect(report.notChecked).toEqual([
      { file: 'search.json', line: 1, dashboard: 'Search', datasource: 'elasticsearch', queries: 2 },
      { file: 'search.json', line: 1, dashboard: 'Search', datasource: 'grafana-postgresql-datasource', queries: 1 },
    ]);
    const text = (await cli(['check', dir])).stdout;
    // Paths in the text output are relative to the current directory, so terminals open them.
    const shown = path.relative(process.cwd(), path.join(dir, 'search.json')).split(path.sep).join('/');
    expect(text).toContain(`not checked ${shown}:1: 2 elasticsearch queries in dashboard "Search" (not PromQL or LogQL)`);
  });

  it('exits 2 with one line for usage errors, a bad config and a missing directory', async () => {
    const usage = await cli(['check', '.', '--format', 'xml']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n')[0]).toBe('slo-gate: --format must be text, json, markdown, sarif, html, not "xml"');

    const dir = await workspace({ ...passing, '.slo-gate.yml': 'min-availability: 99.9\nchecks:\n  rule/schema: loud\n' });
    const config = await cli(['check', dir]);
    expect(config.code).toBe(2);
    expect(config.stderr).toBe(`${path.join(dir, '.slo-gate.yml')}:3:16: invalid config: checks.rule/schema must be equal to one of the allowed values\n`);

    const missing = await cli(['check', '/nonexistent/slo-gate']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe('slo-gate: /nonexistent/slo-gate does not exist');
  });

  it('uses the minimum availability from the flag over the config file', async () => {
    const files = { 'p.yml': 'service: api\navailability:\n  target: 99.5\n  windows:\n    - { name: fast, lookback: 1h, burn_rate: 14.4 }\n    - { name: slow, lookback: 6h, burn_rate: 6 }\n' };
    const dir = await workspace({ ...files, '.slo-gate.yml': 'min-availability: 99.9\n' });
    const targetFindings = async (args: string[]) =>
      JSON.parse((await cli(['check', dir, '--format', 'json', ...args])).stdout).findings.filter((f: { check: string }) => f.check === 'policy/target-min');
    expect(await targetFindings([])).toHaveLength(1);
    expect(await targetFindings(['--min-availability', '99.5'])).toEqual([]);
  });
});

describe('slo-gate check: formats and paths', () => {
  it('writes SARIF and HTML, links each check to its docs page, and prints paths relative to the current directory', async () => {
    const dir = await workspace(failing);
    const sarif = await cli(['check', dir, '--format', 'sarif', '--docs-base-url', 'https://mirror.example/slo-gate/blob/v1']);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    const rule = log.runs[0].tool.driver.rules.find((entry: { id: string }) => entry.id === 'rule/schema');
    expect(rule.helpUri).toBe('https://mirror.example/slo-gate/blob/v1/docs/checks/rule/schema.md');
    const html = await cli(['check', dir, '--format', 'html']);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.stdout).toContain('href="https://github.com/slo-gate/slo-gate/blob/main/docs/checks/rule/schema.md"');
    const text = await cli(['check', dir]);
    const relative = path.relative(process.cwd(), path.join(dir, 'rules.yml')).split(path.sep).join('/');
    expect(text.stdout).toContain(`  ${relative}:4:9  error   rule/schema  `);
    expect(text.stdout).toMatch(/^docs:\n  rule\/schema  https:\/\/github\.com\/slo-gate\/slo-gate\/blob\/main\/docs\/checks\/rule\/schema\.md$/m);
    const bad = await cli(['check', dir, '--docs-base-url', 'javascript:alert(1)']);
    expect(bad.code).toBe(2);
  });
});
