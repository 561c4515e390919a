// Real git repositories in temporary directories: commit a base, then a head that changes it.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(() => {
  while (created.length) rmSync(created.pop()!, { recursive: true, force: true });
});

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function runGit(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function tempDir(prefix = 'slo-gate-diff-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export class Repo {
  constructor(readonly dir: string) {}

  static init(): Repo {
    const repo = new Repo(tempDir());
    runGit(repo.dir, 'init', '-q');
    return repo;
  }

  /** Write files (null deletes one) and commit them; returns the commit sha. */
  commit(files: Record<string, string | null>, message = 'change'): string {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(this.dir, name);
      if (content === null) rmSync(file, { force: true });
      else {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
      }
    }
    runGit(this.dir, 'add', '-A');
    runGit(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    return runGit(this.dir, 'rev-parse', 'HEAD');
  }

  /** A shallow clone (depth 1) of this repository's HEAD, over file:// so depth is honoured. */
  shallowClone(): Repo {
    const dir = tempDir('slo-gate-clone-');
    runGit(dir, 'clone', '-q', '--depth=1', `file://${this.dir}`, 'work');
    return new Repo(path.join(dir, 'work'));
  }
}
