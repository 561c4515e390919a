import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, DIFF_CHECKS } from '../../src/checks/index.js';
import { LIVE_CHECKS } from '../../src/live/checks.js';
import { REPO_ROOT } from '../helpers/corpus.js';

describe('check registry', () => {
  it('gives every check a unique id of the form area/name', () => {
    const ids = [...CHECKS, ...DIFF_CHECKS, ...LIVE_CHECKS].map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  });

  it('runs the policy-change checks only when comparing with a base, never as model checks', () => {
    for (const check of DIFF_CHECKS) expect(check.id.startsWith('diff/')).toBe(true);
    expect(CHECKS.filter((check) => check.id.startsWith('diff/'))).toEqual([]);
  });

  // Model checks, policy-change checks (two models in) and live findings share one documentation contract.
  for (const check of [...CHECKS, ...DIFF_CHECKS, ...LIVE_CHECKS]) {
    it(`documents ${check.id} with its severity, a bad and a good example`, () => {
      const page = path.join(REPO_ROOT, 'docs', 'checks', `${check.id}.md`);
      expect(existsSync(page)).toBe(true);
      const text = readFileSync(page, 'utf8');
      expect(text.startsWith(`# ${check.id}\n`)).toBe(true);
      expect(text).toContain(`**Default severity:** ${check.severity}`);
      expect(text).toMatch(/\n## Bad\n[\s\S]*```[\s\S]*\n## Good\n[\s\S]*```/);
    });
  }
});
