// docs/configuration.md is the reference: every key the schema accepts has a row, and its example
// is a valid configuration.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { CHECKS } from '../../src/checks/index.js';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import { REPO_ROOT } from '../helpers/corpus.js';

const page = readFileSync(path.join(REPO_ROOT, 'docs/configuration.md'), 'utf8');

function keys(schema: { properties?: Record<string, unknown> }, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, value]) => {
    const nested = (value as { properties?: Record<string, unknown> }).properties;
    return nested ? keys(value as { properties: Record<string, unknown> }, `${prefix}${key}.`) : [`${prefix}${key}`];
  });
}

describe('docs/configuration.md', () => {
  it.each(keys(configSchema))('has a row for %s', (key) => {
    expect(page).toContain(`| \`${key}\` |`);
  });

  it('its example is a valid configuration', () => {
    const example = /## Example\n\n```yaml\n([\s\S]*?)```/.exec(page)![1];
    expect(() => parseConfig(example, 'example.yml', new Set(CHECKS.map((check) => check.meta.id)))).not.toThrow();
  });
});
