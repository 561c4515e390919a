/**
 * A clone whose .git/config names commands must not get them run when the base commit is missing
 * and slo-gate fetches it (`--base`, pull requests from a shallow checkout). Each case first
 * proves the configuration is armed — plain `git fetch` in the same clone creates the marker —
 * then that resolveBase, which `--base` calls, creates none.
 */
import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBase } from '../../src/diff/git.js';
import { Repo, runGit, tempDir } from './git-repo.js';

/** An origin with two commits and a depth-1 clone of it: the first commit is missing from the clone. */
function cloneMissingBase(): { clone: Repo; base: string; marker: string } {
  const origin = Repo.init();
  const base = origin.commit({ 'slo.yaml': 'a: 1\n' });
  origin.commit({ 'slo.yaml': 'a: 2\n' });
  runGit(origin.dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  const clone = origin.shallowClone();
  return { clone, base, marker: path.join(tempDir('slo-gate-marker-'), 'RAN') };
}

/**
 * Plain git in the clone, as a user's own `git fetch` would run: the configuration is honoured.
 * Asynchronous, so the local HTTP origin in this process can answer it.
 */
async function plainFetch(clone: Repo, base: string, ...config: string[]): Promise<void> {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };
  const args = [...config.flatMap((pair) => ['-c', pair]), 'fetch', '--depth=1', 'origin', base];
  // The configured command fails on purpose after leaving its marker, so the exit status is not looked at.
  await new Promise((resolve) => execFile('git', args, { cwd: clone.dir, env, timeout: 20_000 }, resolve));
}

describe('git runs nothing the repository configures', () => {
  // A local stand-in for an HTTPS origin that wants credentials: git asks its credential helpers.
  let server: http.Server;
  let serverUrl: string;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.writeHead(401, { 'www-authenticate': 'Basic realm="origin"' }).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/repo.git`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('remote.<name>.uploadpack', async () => {
    const { clone, base, marker } = cloneMissingBase();
    runGit(clone.dir, 'config', 'remote.origin.uploadpack', `touch '${marker}'; false`);
    await plainFetch(clone, base);
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);

    const resolved = await resolveBase(clone.dir, base);
    expect(existsSync(marker)).toBe(false);
    // The fetch itself still works: the standard upload-pack ran instead.
    expect(resolved).toEqual({ ok: true, sha: base, fetched: true });
  });

  it('core.sshCommand', async () => {
    const { clone, base, marker } = cloneMissingBase();
    // Port 1 on the loopback: a real ssh gets "connection refused" at once, nothing leaves the machine.
    runGit(clone.dir, 'remote', 'set-url', 'origin', 'ssh://git@127.0.0.1:1/repo.git');
    runGit(clone.dir, 'config', 'core.sshCommand', `touch '${marker}'; false`);
    await plainFetch(clone, base);
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);

    const resolved = await resolveBase(clone.dir, base);
    expect(existsSync(marker)).toBe(false);
    expect(resolved.ok).toBe(false);
  });

  it('url.<base>.insteadOf rewriting origin to ext::', async () => {
    const { clone, base, marker } = cloneMissingBase();
    const originUrl = runGit(clone.dir, 'remote', 'get-url', 'origin');
    runGit(clone.dir, 'config', `url.ext::sh -c touch% ${marker}.insteadOf`, originUrl);
    // git's own default already refuses ext::; a user who allowed it globally would run it.
    await plainFetch(clone, base, 'protocol.ext.allow=always');
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);

    const resolved = await resolveBase(clone.dir, base);
    expect(existsSync(marker)).toBe(false);
    expect(resolved.ok).toBe(false);
  });

  it('remote.<name>.vcs naming a remote helper', async () => {
    const { clone, base } = cloneMissingBase();
    runGit(clone.dir, 'config', 'remote.origin.vcs', 'ext');
    const resolved = await resolveBase(clone.dir, base);
    expect(resolved.ok).toBe(false);
    expect(!resolved.ok && resolved.reason).toMatch(/not allowed/);
  });

  it('credential.helper, generic and for the origin URL', async () => {
    const { clone, base, marker } = cloneMissingBase();
    runGit(clone.dir, 'remote', 'set-url', 'origin', serverUrl);
    runGit(clone.dir, 'config', 'credential.helper', `!touch '${marker}'; false`);
    runGit(clone.dir, 'config', `credential.${new URL(serverUrl).origin}.helper`, `!touch '${marker}-url'; false`);
    await plainFetch(clone, base);
    expect(existsSync(marker)).toBe(true);
    expect(existsSync(`${marker}-url`)).toBe(true);
    rmSync(marker);
    rmSync(`${marker}-url`);

    const resolved = await resolveBase(clone.dir, base);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(`${marker}-url`)).toBe(false);
    expect(resolved.ok).toBe(false);
  });
});
