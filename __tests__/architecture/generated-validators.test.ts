// The committed validators are what scripts/generate-validators.mjs compiles from schemas/ today:
// a schema edited without regenerating them fails here (the bundle regenerates them anyway).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateValidators } from '../../scripts/generate-validators.mjs';

const repository = path.resolve(import.meta.dirname, '../..');

describe('generated validators', () => {
  const generated = generateValidators();

  it('cover the config schema and every format schema the policy check validates against', () => {
    expect([...generated.keys()].sort()).toEqual([
      'src/checks/policy/validators.generated.cjs',
      'src/checks/policy/validators.generated.d.cts',
      'src/config/config-validator.generated.cjs',
      'src/config/config-validator.generated.d.cts',
    ]);
  });

  it.each([...generated])('%s is current (run node scripts/generate-validators.mjs)', (file, text) => {
    expect(readFileSync(path.join(repository, file), 'utf8') === text).toBe(true);
  });
});
