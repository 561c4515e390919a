// Build the committed bundles: dist/index.js (the action) and dist/cli.js (the `slo-gate` bin).
// ncc names its output index.js, so the CLI is built in a scratch folder and moved next to it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeValidators } from './generate-validators.mjs';

const ncc = path.resolve('node_modules/.bin/ncc');
const run = (args) => {
  try {
    execFileSync(ncc, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    console.error(`bundle: ncc ${args.join(' ')} failed`);
    process.exit(1);
  }
};

// The validators are compiled from schemas/ first, so the bundle always holds what the schemas say.
writeValidators();
rmSync('dist', { recursive: true, force: true });
run(['build', 'src/action/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--quiet']);

const scratch = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-cli-'));
try {
  run(['build', 'src/cli/index.ts', '-o', scratch, '--quiet']);
  const emitted = readdirSync(scratch).filter((name) => name.endsWith('.js'));
  if (emitted.length !== 1) throw new Error(`expected one CLI bundle file, got: ${emitted.join(', ')}`);
  const source = readFileSync(path.join(scratch, 'index.js'), 'utf8');
  // ncc keeps the shebang only when it is the first line of the entry; make sure it is there.
  const withShebang = source.startsWith('#!') ? source : `#!/usr/bin/env node\n${source}`;
  writeFileSync('dist/cli.js', withShebang);
  chmodSync('dist/cli.js', 0o755);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
