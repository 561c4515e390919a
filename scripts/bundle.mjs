// Build the committed bundles:
//   dist/index.js and its chunks        the action
//   dist/cli/index.js and its chunks    the CLI, started by dist/cli.js (the `slo-gate` bin)
// Each entry is small and loads the product as chunks once Node's compile cache is on
// (src/startup.ts). ncc names every entry index.js and numbers chunks the same way in both builds,
// so the CLI gets its own folder. Each folder has a `build-id`, a hash of its code: an outcome cache
// written by another build is not reused (src/engine/outcome-cache.ts).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const scripts = (dir) => readdirSync(dir).filter((name) => name.endsWith('.js')).sort();
const writeBuildId = (dir) => {
  const hash = createHash('sha1');
  for (const name of scripts(dir)) hash.update(`${name}\0`).update(readFileSync(path.join(dir, name)));
  writeFileSync(path.join(dir, 'build-id'), `${hash.digest('hex').slice(0, 16)}\n`);
};

// The validators are compiled from schemas/ first, so the bundle always holds what the schemas say.
writeValidators();
rmSync('dist', { recursive: true, force: true });
run(['build', 'src/action/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--quiet']);
writeBuildId('dist');

const scratch = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-cli-'));
try {
  run(['build', 'src/cli/index.ts', '-o', scratch, '--quiet']);
  mkdirSync('dist/cli');
  for (const name of scripts(scratch)) copyFileSync(path.join(scratch, name), path.join('dist/cli', name));
  writeBuildId('dist/cli');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
// The bin is a plain file rather than the entry itself, so that its path stays dist/cli.js.
writeFileSync('dist/cli.js', "#!/usr/bin/env node\n// The slo-gate command. The CLI's bundle is in cli/ (see scripts/bundle.mjs).\nimport './cli/index.js';\n");
chmodSync('dist/cli.js', 0o755);
