/**
 * The config file comes from the repository under check, so it is read like any checked file:
 * a symlink out of the checked directory is not followed, a FIFO or a device is refused without
 * waiting on it, and the size limit holds. Through the CLI, as `slo-gate check` reads it.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers/workspace.js';
import { cli } from '../helpers/cli.js';

// Fails the gate unless the config switches rule/schema off: shows whether a config was read.
const FAILING = { 'rules.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n' };
const SWITCH_OFF = 'checks:\n  rule/schema: "off"\n';

describe('reading .slo-gate.yml', () => {
  it('follows a symlink that stays inside the checked directory', async () => {
    const dir = await workspace({ ...FAILING, 'config/real.yml': SWITCH_OFF });
    symlinkSync('config/real.yml', path.join(dir, '.slo-gate.yml'));
    expect((await cli(['check', dir])).code).toBe(0);
  });

  it('refuses a symlink to a file outside the checked directory', async () => {
    const outside = await workspace({ 'secret.yml': SWITCH_OFF });
    const dir = await workspace(FAILING);
    symlinkSync(path.join(outside, 'secret.yml'), path.join(dir, '.slo-gate.yml'));
    const run = await cli(['check', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${path.join(dir, '.slo-gate.yml')}:1: cannot read config: it is a symlink to a file outside the checked directory; not followed\n`);
  });

  it('refuses a symlink to /dev/zero without reading it', async () => {
    const dir = await workspace(FAILING);
    symlinkSync('/dev/zero', path.join(dir, '.slo-gate.yml'));
    const run = await cli(['check', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read config: it is a symlink to a file outside the checked directory');
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const dir = await workspace(FAILING);
    execFileSync('mkfifo', [path.join(dir, '.slo-gate.yml')]);
    const started = Date.now();
    const run = await cli(['check', dir]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${path.join(dir, '.slo-gate.yml')}:1: cannot read config: a named pipe, not a regular file; not read\n`);
  });

  it('refuses a device named with --config, and a directory', async () => {
    const dir = await workspace(FAILING);
    const device = await cli(['check', dir, '--config', '/dev/zero']);
    expect(device.code).toBe(2);
    expect(device.stderr).toContain('cannot read config: a device, not a regular file; not read');
    const folder = await cli(['check', dir, '--config', '.']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('cannot read config: a directory, not a regular file; not read');
  });

  it('refuses a config file over the size limit', async () => {
    const dir = await workspace(FAILING);
    writeFileSync(path.join(dir, '.slo-gate.yml'), `${SWITCH_OFF}# ${'x'.repeat(17 * 1024 * 1024)}\n`);
    const run = await cli(['check', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr.replace(dir, 'DIR')).toMatch(/^DIR\/\.slo-gate\.yml:1: cannot read config: file is 17 MiB, over the 16 MiB limit; not read\n$/);
  });
});
