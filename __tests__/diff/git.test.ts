import { existsSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTree, locateRepository, resolveBase } from '../../src/diff/git.js';
import { Repo, runGit, tempDir } from './git-repo.js';

describe('reading the base commit with git', () => {
  it('writes the files of a commit under the checked folder, raw, without touching the work tree', async () => {
    const repo = Repo.init();
    const base = repo.commit({
      'monitoring/slo.yaml': 'a: 1\n',
      'monitoring/.gitattributes': '*.yaml filter=evil\n',
      'monitoring/notes.txt': 'not read by the engine\n',
      'other/rules.yml': 'b: 2\n',
    });
    runGit(repo.dir, 'config', 'filter.evil.smudge', `sh -c 'touch ${path.join(repo.dir, 'SMUDGED')}; cat'`);
    runGit(repo.dir, 'config', 'core.hooksPath', '.githooks');
    repo.commit({ 'monitoring/slo.yaml': 'a: 2\n' });
    writeFileSync(path.join(repo.dir, 'monitoring/slo.yaml'), 'a: uncommitted\n');

    const location = await locateRepository(path.join(repo.dir, 'monitoring'));
    expect(location).toEqual({ topLevel: expect.any(String), prefix: 'monitoring' });
    if ('problem' in location) throw new Error(location.problem);
    const tree = await extractTree(location.topLevel, base, location.prefix);
    try {
      expect(readFileSync(path.join(tree.dir, 'monitoring/slo.yaml'), 'utf8')).toBe('a: 1\n');
      expect(existsSync(path.join(tree.dir, 'monitoring/notes.txt'))).toBe(false);
      expect(existsSync(path.join(tree.dir, 'other'))).toBe(false);
      // The smudge filter the .gitattributes asks for never ran; the work tree is as it was.
      expect(existsSync(path.join(repo.dir, 'SMUDGED'))).toBe(false);
      expect(readFileSync(path.join(repo.dir, 'monitoring/slo.yaml'), 'utf8')).toBe('a: uncommitted\n');
    } finally {
      await tree.cleanup();
    }
    expect(existsSync(tree.dir)).toBe(false);
  });

  it('says why when the folder is not in a repository', async () => {
    expect(await locateRepository(tempDir())).toEqual({ problem: expect.stringMatching(/^git cannot read the repository: not a git repository/) });
  });

  it('does not read files over the size limit, but keeps their size for the engine to refuse', async () => {
    const repo = Repo.init();
    const sha = repo.commit({ 'big.json': '{"a": "0123456789012345"}', 'small.yaml': 'a: 1\n' });
    const tree = await extractTree(repo.dir, sha, '', 16);
    try {
      expect(statSync(path.join(tree.dir, 'big.json')).size).toBe(25);
      expect(readFileSync(path.join(tree.dir, 'big.json'))).toEqual(Buffer.alloc(25));
      expect(readFileSync(path.join(tree.dir, 'small.yaml'), 'utf8')).toBe('a: 1\n');
    } finally {
      await tree.cleanup();
    }
  });

  it('does not write the files whose outcome the caller has, unless the tree holds a symlink', async () => {
    const repo = Repo.init();
    const sha = repo.commit({ 'rules/a.yaml': 'a: 1\n', 'rules/deep/b.yaml': 'b: 1\n', 'changed.yaml': 'c: 1\n', 'rules/.gitignore': 'x.yaml\n' });
    // Every file but changed.yaml (the .gitignore too, which is written whatever the caller picks).
    const known = (files: ReadonlyMap<string, string>) => new Set([...files.keys()].filter((file) => file !== 'changed.yaml'));
    const tree = await extractTree(repo.dir, sha, '', Infinity, known);
    try {
      expect([...tree.unwritten].sort()).toEqual(['rules/a.yaml', 'rules/deep/b.yaml']);
      expect(existsSync(path.join(tree.dir, 'rules/a.yaml'))).toBe(false);
      expect(existsSync(path.join(tree.dir, 'rules/deep'))).toBe(false);
      expect(readFileSync(path.join(tree.dir, 'changed.yaml'), 'utf8')).toBe('c: 1\n');
      expect(readFileSync(path.join(tree.dir, 'rules/.gitignore'), 'utf8')).toBe('x.yaml\n');
      expect(tree.blobs.size).toBe(4);
      expect(tree.read).toBe(2);
    } finally {
      await tree.cleanup();
    }
    const { execFileSync } = await import('node:child_process');
    execFileSync('ln', ['-s', 'rules/deep/b.yaml', path.join(repo.dir, 'link.yaml')]);
    runGit(repo.dir, 'add', 'link.yaml');
    runGit(repo.dir, 'commit', '-q', '-m', 'link');
    const withLink = await extractTree(repo.dir, runGit(repo.dir, 'rev-parse', 'HEAD'), '', Infinity, known);
    try {
      expect(withLink.unwritten.size).toBe(0);
      expect(statSync(path.join(withLink.dir, 'rules/deep/b.yaml')).size).toBe(5);
    } finally {
      await withLink.cleanup();
    }
  });

  it('keeps symlinks as symlinks and skips submodules', async () => {
    const repo = Repo.init();
    const sub = Repo.init();
    sub.commit({ 'x.yaml': 'x: 1\n' });
    repo.commit({ 'real.yaml': 'a: 1\n' });
    runGit(repo.dir, 'update-index', '--add', '--cacheinfo', `160000,${runGit(sub.dir, 'rev-parse', 'HEAD')},vendored`);
    runGit(repo.dir, 'commit', '-q', '-m', 'submodule');
    const sha = runGit(repo.dir, 'rev-parse', 'HEAD');
    const { execFileSync } = await import('node:child_process');
    execFileSync('ln', ['-s', 'real.yaml', path.join(repo.dir, 'link.yaml')]);
    runGit(repo.dir, 'add', 'link.yaml');
    runGit(repo.dir, 'commit', '-q', '-m', 'link');
    const withLink = runGit(repo.dir, 'rev-parse', 'HEAD');

    const tree = await extractTree(repo.dir, withLink, '');
    try {
      expect(readlinkSync(path.join(tree.dir, 'link.yaml'))).toBe('real.yaml');
      expect(existsSync(path.join(tree.dir, 'vendored'))).toBe(false);
    } finally {
      await tree.cleanup();
    }
    expect((await resolveBase(repo.dir, sha)).ok).toBe(true);
  });

  it('fetches a base that a shallow clone does not have, and says why when it cannot', async () => {
    const origin = Repo.init();
    const base = origin.commit({ 'slo.yaml': 'a: 1\n' });
    origin.commit({ 'slo.yaml': 'a: 2\n' });
    const clone = origin.shallowClone();
    expect(() => runGit(clone.dir, 'cat-file', '-e', `${base}^{commit}`)).toThrow();

    expect(await resolveBase(clone.dir, base)).toEqual({ ok: true, sha: base, fetched: true });

    const orphan = origin.shallowClone();
    runGit(orphan.dir, 'remote', 'set-url', 'origin', `file://${path.join(orphan.dir, 'gone')}`);
    const missing = await resolveBase(orphan.dir, base);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.reason).toMatch(new RegExp(`^${base} is not in this clone and fetching it from origin failed: `));
    expect((await resolveBase(orphan.dir, '--upload-pack=touch /tmp/x')).ok).toBe(false);
  });
});
