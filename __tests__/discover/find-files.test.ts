import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFiles, isHelmTemplatePath } from '../../src/discover/find-files.js';
import { workspace } from '../helpers/workspace.js';

describe('findFiles', () => {
  const outside: string[] = [];
  afterAll(async () => Promise.all(outside.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('finds YAML and JSON, skipping .git, node_modules and what .gitignore ignores', async () => {
    const root = await workspace({
      'a.yaml': 'x: 1',
      'b.yml': 'x: 1',
      'c.json': '{}',
      'notes.md': '# no',
      '.git/config.yaml': 'x: 1',
      'node_modules/pkg/x.json': '{}',
      '.gitignore': 'build/\n*.tmp.yaml\n',
      'build/out.yaml': 'x: 1',
      'sub/.gitignore': 'local.json\n',
      'sub/local.json': '{}',
      'sub/kept.json': '{}',
      'sub/d.tmp.yaml': 'x: 1',
    });
    const result = await findFiles(root);
    expect(result.files.map((f) => f.path)).toEqual(['a.yaml', 'b.yml', 'c.json', 'sub/kept.json']);
  });

  it('finds files that are part of the tree without being on disk as if they were there', async () => {
    const root = await workspace({ '.gitignore': 'build/\n', 'rules/on-disk.yaml': 'x: 1', 'rules/old/.gitignore': 'skip.yaml\n' });
    const unwritten = new Set(['a.yaml', 'rules/z.yaml', 'rules/old/skip.yaml', 'rules/old/kept.yaml', 'build/out.yaml', 'chart/Chart.yaml', 'chart/templates/rule.yaml', 'excluded/x.yaml']);
    const result = await findFiles(root, { unwritten, exclude: ['excluded/**'] });
    expect(result.files.map((f) => [f.path, f.helmTemplate ?? false])).toEqual([
      ['a.yaml', false],
      ['chart/Chart.yaml', false],
      ['chart/templates/rule.yaml', true],
      ['rules/old/kept.yaml', false],
      ['rules/on-disk.yaml', false],
      ['rules/z.yaml', false],
    ]);
    expect(result.skipped).toEqual([{ path: 'excluded/x.yaml', reason: 'excluded', detail: 'matches exclude' }]);
  });

  it('tells a Helm template from its path and the tree\'s files as the walk does', async () => {
    const tree = {
      'chart/Chart.yaml': 'name: a',
      'chart/templates/rule.yaml': 'x: 1',
      'chart/templates/deep/more.yaml': 'x: 1',
      'chart/charts/sub/Chart.yaml': 'name: b',
      'chart/charts/sub/templates/r.yaml': 'x: 1',
      'chart/values.yaml': 'x: 1',
      'plain/templates/r.yaml': 'x: 1',
      'plain/templates/Chart.yaml': 'name: c',
      'plain/templates/templates/r.yaml': 'x: 1',
    };
    const walked = await findFiles(await workspace(tree));
    const files = new Set(Object.keys(tree));
    const fromPaths = walked.files.map((file) => [file.path, isHelmTemplatePath(file.path, (other) => files.has(other))]);
    expect(fromPaths).toEqual(walked.files.map((file) => [file.path, file.helmTemplate ?? false]));
    expect(fromPaths.filter(([, helm]) => helm).map(([file]) => file)).toEqual([
      'chart/charts/sub/templates/r.yaml',
      'chart/templates/deep/more.yaml',
      'chart/templates/rule.yaml',
      'plain/templates/templates/r.yaml',
    ]);
  });

  it('narrows with include and exclude globs', async () => {
    const root = await workspace({ 'alerts/a.yaml': '', 'alerts/old/b.yaml': '', 'dash/d.json': '' });
    const result = await findFiles(root, { include: ['alerts/**'], exclude: ['**/old/**'] });
    expect(result.files.map((f) => f.path)).toEqual(['alerts/a.yaml']);
  });

  it('never follows symlinks out of the root, and reads linked files inside it once, where they are', async () => {
    const root = await workspace({ 'real/a.yaml': 'x: 1' });
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'slo-gate-outside-'));
    outside.push(elsewhere);
    await writeFile(path.join(elsewhere, 'secret.yaml'), 'x: 1');
    await mkdir(path.join(elsewhere, 'dir'));
    await writeFile(path.join(elsewhere, 'dir', 'b.yaml'), 'x: 1');
    await symlink(path.join(root, 'real'), path.join(root, 'inside-link'));
    await symlink(path.join(elsewhere, 'secret.yaml'), path.join(root, 'secret.yaml'));
    await symlink(path.join(elsewhere, 'dir'), path.join(root, 'out-dir'));
    await symlink(root, path.join(root, 'real', 'loop'));
    const result = await findFiles(root);
    expect(result.files.map((f) => f.path)).toEqual(['real/a.yaml']);
    expect(result.skipped).toEqual([
      { path: 'out-dir', reason: 'excluded', detail: 'symlink points outside the root; not followed' },
      { path: 'secret.yaml', reason: 'excluded', detail: 'symlink points outside the root; not followed' },
    ]);
  });

  it('does not read a .gitignore that is a symlink out of the root', async () => {
    const root = await workspace({ 'a.yaml': 'x: 1', 'b.yaml': 'x: 1' });
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'slo-gate-outside-'));
    outside.push(elsewhere);
    await writeFile(path.join(elsewhere, 'ignore-all'), '*\n');
    await symlink(path.join(elsewhere, 'ignore-all'), path.join(root, '.gitignore'));
    const result = await findFiles(root);
    expect(result.files.map((f) => f.path)).toEqual(['a.yaml', 'b.yaml']);
  });
});
