// The live/* ids are not in CHECKS (they are not static checks), so the registry test does not
// see them: the same documentation contract is enforced here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_CHECKS } from '../../src/live/checks.js';
import { REPO_ROOT } from '../helpers/corpus.js';

describe('live finding ids', () => {
  for (const check of LIVE_CHECKS) {
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
