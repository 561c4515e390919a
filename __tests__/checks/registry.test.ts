import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, DIFF_CHECKS, LIVE_CHECKS, STATIC_CHECKS } from '../../src/checks/index.js';
import { configValue, DEFAULT_CONFIG, isConfigKey } from '../../src/config/config.js';
import { SUPPRESSION_CHECK } from '../../src/findings/suppressions.js';
import { REPO_ROOT } from '../helpers/corpus.js';

// policy/schema runs in two stages (each document, then across files) under one id and one docs page.
const metas = [...new Map(CHECKS.map((check) => [check.meta.id, check.meta])).values()];
// The findings sink reports about suppressions itself; its id is documented like a check's.
const documented = [...metas, SUPPRESSION_CHECK];

describe('check registry', () => {
  it('gives every check a unique id of the form area/name', () => {
    const ids = CHECKS.map((check) => `${check.meta.id} ${check.meta.kind}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { id } of metas) expect(id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
    // The only id shared by two registry entries: the two stages of policy/schema.
    expect(CHECKS.length - metas.length).toBe(1);
  });

  it('runs the policy-change checks only when comparing with a base, never as model checks', () => {
    for (const check of DIFF_CHECKS) expect(check.meta.id.startsWith('diff/')).toBe(true);
    expect(STATIC_CHECKS.filter((check) => check.meta.id.startsWith('diff/'))).toEqual([]);
  });

  it('flags what the report reads instead of id prefixes: live checks always gate, policy changes are approvable', () => {
    expect(LIVE_CHECKS.map((check) => check.meta.id).sort()).toEqual(['live/alert-backtest', 'live/budget-exhausted', 'live/burning', 'live/metric-type', 'live/no-data', 'live/query-failed', 'live/scrape-interval', 'live/series-missing', 'live/unreachable']);
    for (const { meta } of CHECKS) {
      expect(meta.gates === 'always').toBe(meta.kind === 'live');
      expect(meta.policyChange === true).toBe(meta.kind === 'diff');
      expect(meta.aboutSlo === true).toBe(/^(align|policy)\//.test(meta.id));
      expect(meta.documentKinds !== undefined).toBe(meta.kind === 'document');
    }
  });

  it('describes the config keys a check reads with their schema', () => {
    const options = Object.fromEntries(metas.filter((meta) => meta.options).map((meta) => [meta.id, Object.keys(meta.options!)]));
    expect(options).toEqual({
      'policy/target-min': ['min-availability', 'min-latency-objective'],
      'rule/schema': ['rule-dialect'],
      'alert/for': ['evaluation-interval'],
      'alert/required': ['alerts.required-labels', 'alerts.required-annotations'],
      'align/burn-alert-missing': ['alerts.required-labels', 'alerts.required-annotations'],
      'promql/rate-range': ['evaluation-interval', 'scrape-interval'],
    });
    expect(metas.find((meta) => meta.id === 'policy/target-min')!.options!['min-availability']).toMatchObject({ type: ['number', 'string'] });
    // Each key has a settled value, which the outcome cache keys a document check's findings by.
    for (const keys of Object.values(options)) for (const key of keys) expect(isConfigKey(key) && (configValue(DEFAULT_CONFIG, key) !== undefined || key === 'min-latency-objective' || key === 'min-availability')).toBe(true);
  });

  // Document, model, policy-change (two models in) and live checks share one documentation contract.
  for (const meta of documented) {
    it(`documents ${meta.id} with its severity, a bad and a good example`, () => {
      expect(meta.docs).toBe(`docs/checks/${meta.id}.md`);
      const page = path.join(REPO_ROOT, meta.docs);
      expect(existsSync(page)).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text.startsWith(`# ${meta.id}\n`)).toBe(true);
      expect(text).toContain(`**Default severity:** ${meta.severity}`);
      expect(text).toMatch(/\n## Bad\n[\s\S]*```[\s\S]*\n## Good\n[\s\S]*```/);
    });
  }
});
