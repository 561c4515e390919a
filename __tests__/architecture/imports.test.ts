import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importViolations, SRC_FOLDERS, type SourceText } from './import-rules.js';

const repository = path.resolve(import.meta.dirname, '../..');

function sources(): SourceText[] {
  return readdirSync(path.join(repository, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => {
      const file = `src/${name.split(path.sep).join('/')}`;
      return { path: file, text: readFileSync(path.join(repository, file), 'utf8') };
    });
}

describe('import direction', () => {
  it('the tree imports only along the flow', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(100);
    expect(importViolations(files)).toEqual([]);
  });

  it.each([
    ['an adapter importing a check', 'src/formats/sloth.ts', "import { CHECKS } from '../checks/index.js';", 'src/checks/index.ts'],
    ['a check importing a publisher', 'src/checks/policy/target-min.ts', "import { publishComment } from '../../action/publish/comment.js';", 'src/action/publish/comment.ts'],
    ['a check importing @actions/core', 'src/checks/rule/schema.ts', "import * as core from '@actions/core';", '@actions/core'],
    ['the engine importing the report', 'src/engine/file-stage.ts', "import type { Report } from '../report/report.js';", 'src/report/report.ts'],
    ['a renderer importing a check', 'src/render/markdown.ts', "export { CHECKS } from '../checks/index.js';", 'src/checks/index.ts'],
    ['language code importing the model', 'src/lang/promql/analyse.ts', "import type { Model } from '../../model/types.js';", 'src/model/types.ts'],
    ['anything importing the CLI shell', 'src/run.ts', "const cli = await import('./cli/args.js');", 'src/cli/args.ts'],
    ['the engine importing the run options', 'src/engine/engine.ts', "import type { RunOptions } from '../options.js';", 'src/options.ts'],
  ])('fails on %s', (_what, file, line, target) => {
    const violations = importViolations([{ path: file, text: line }]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain(`${file} imports ${target}:`);
  });

  it('knows every folder of src/, so a new one is placed in the flow', () => {
    expect(readdirSync(path.join(repository, 'src')).filter((name) => !SRC_FOLDERS.includes(name))).toEqual([]);
  });

  it('allows what the flow allows', () => {
    expect(
      importViolations([
        { path: 'src/lang/promql/analyse.ts', text: "import { parseDuration } from '../../model/units.js';" },
        { path: 'src/checks/policy/target-min.ts', text: "import type { LinkedModel } from '../../link/types.js';" },
        { path: 'src/action/main.ts', text: "import * as core from '@actions/core'; import { run } from '../run.js';" },
      ]),
    ).toEqual([]);
  });
});
