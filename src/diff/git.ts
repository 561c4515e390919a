// Reading the base commit with git, without touching the workspace.
//
// Safety: the repository is untrusted (a pull request can change anything in it, and a clone
// handed to the CLI can come with any .git/config), so nothing it contains or configures may run.
// Only plumbing commands are used (rev-parse, cat-file, ls-tree, fetch): no checkout, no
// `git archive` (it applies .gitattributes smudge filters and export-subst), no submodules. Blobs
// are read raw with `cat-file --batch`, so no filter, textconv or eol conversion ever runs.
// Every call overrides, on the command line (which wins over any config file), each key of the
// repository's config that names a command: hooks, fsmonitor, the ssh command, credential
// helpers, the alternate-refs command, automatic gc; `fetch` names its upload-pack itself, so
// `remote.<name>.uploadpack` is never used; only the file, http(s) and ssh transports are allowed,
// so `ext::` and remote helpers (reachable through `url.*.insteadOf` or `remote.<name>.vcs`)
// cannot start. The system config is ignored and git never prompts. The user's own global config
// is kept (safe.directory, credentials for a private origin): it is not the repository's; its
// ssh command and credential helpers are re-applied after the reset.

import { execFile, spawn } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const SAFE_CONFIG = [
  ['core.hooksPath', '/dev/null'],
  ['core.fsmonitor', 'false'],
  ['core.sshCommand', 'ssh'],
  ['core.alternateRefsCommand', 'true'],
  ['credential.helper', ''],
  ['protocol.allow', 'never'],
  ['protocol.file.allow', 'always'],
  ['protocol.http.allow', 'always'],
  ['protocol.https.allow', 'always'],
  ['protocol.ssh.allow', 'always'],
  ['protocol.ext.allow', 'never'],
  ['submodule.recurse', 'false'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);
const SAFE_ENV: NodeJS.ProcessEnv = { GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', SSH_ASKPASS: '', GIT_OPTIONAL_LOCKS: '0' };
/** Files the engine can read, plus the .gitignore files that decide which of them it reads. */
const WANTED = /(\.(ya?ml|json)|(^|\/)\.gitignore)$/i;
const GITIGNORE = /(^|\/)\.gitignore$/i;
export const FETCH_TIMEOUT_MS = 60_000;

export class GitError extends Error {}

interface GitOptions {
  cwd: string;
  timeoutMs?: number;
  /** More `-c key=value` pairs, placed after the safe ones. */
  config?: string[];
}

/** Run git and return stdout; a non-zero exit becomes a GitError carrying git's first stderr line. */
export function git(args: string[], options: GitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...SAFE_CONFIG, ...(options.config ?? []), ...args],
      { cwd: options.cwd, env: { ...process.env, ...SAFE_ENV }, timeout: options.timeoutMs ?? 30_000, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const reason = (error as { killed?: boolean }).killed
          ? `timed out after ${Math.round((options.timeoutMs ?? 30_000) / 1000)} s`
          : (stderr.split('\n').find((line) => line.trim() !== '') ?? error.message).trim();
        reject(new GitError(reason));
      },
    );
  });
}

export interface RepositoryLocation {
  /** Top level of the work tree. */
  topLevel: string;
  /** The checked root relative to the top level, `/` separators, '' for the top level itself. */
  prefix: string;
}

/**
 * Where `root` sits in its git repository, or git's reason why it cannot say (not a repository,
 * git missing, a work tree owned by another user that `safe.directory` does not allow).
 */
export async function locateRepository(root: string): Promise<RepositoryLocation | { problem: string }> {
  try {
    const topLevel = (await git(['rev-parse', '--show-toplevel'], { cwd: root })).trim();
    const prefix = (await git(['rev-parse', '--show-prefix'], { cwd: root })).trim().replace(/\/$/, '');
    return { topLevel, prefix };
  } catch (error) {
    return { problem: `git cannot read the repository: ${(error as Error).message.replace(/^fatal: /, '')}` };
  }
}

export type BaseResolution = { ok: true; sha: string; fetched: boolean } | { ok: false; reason: string };

/**
 * The commit `ref` names. When the clone does not have it (a shallow checkout of a pull request
 * has only the merge commit), fetch just that commit from origin, within a time limit.
 */
export async function resolveBase(topLevel: string, ref: string, fetchTimeoutMs = FETCH_TIMEOUT_MS): Promise<BaseResolution> {
  if (ref.startsWith('-')) return { ok: false, reason: `"${ref}" is not a commit` };
  const local = await commitOf(topLevel, ref);
  if (local) return { ok: true, sha: local, fetched: false };
  try {
    const config = await globalCommands();
    await git(['fetch', '--upload-pack=git-upload-pack', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', ref], { cwd: topLevel, timeoutMs: fetchTimeoutMs, config });
  } catch (error) {
    return { ok: false, reason: `${ref} is not in this clone and fetching it from origin failed: ${(error as Error).message}` };
  }
  const fetched = (await commitOf(topLevel, ref)) ?? (await commitOf(topLevel, 'FETCH_HEAD'));
  return fetched ? { ok: true, sha: fetched, fetched: true } : { ok: false, reason: `${ref} is not in this clone, and origin did not provide it` };
}

/**
 * The ssh command and credential helpers of the user's global config, as `-c` pairs: the reset in
 * SAFE_CONFIG drops them along with the repository's, and fetching a private origin needs them.
 * Read with `--global` from outside any repository, so no repository config can add to them.
 */
async function globalCommands(): Promise<string[]> {
  const read = async (args: string[]): Promise<string[]> => {
    try {
      return (await git(['config', '--global', '--null', ...args], { cwd: os.tmpdir() })).split('\0').filter(Boolean);
    } catch {
      return []; // no global config, or not that key
    }
  };
  const pairs = (await read(['--get-regexp', '^credential\\..*helper$'])).map((entry) => entry.replace('\n', '='));
  const ssh = await read(['--get', 'core.sshCommand']);
  return [...pairs, ...(ssh.length ? [`core.sshCommand=${ssh[0]}`] : [])].flatMap((pair) => ['-c', pair]);
}

async function commitOf(topLevel: string, ref: string): Promise<string | undefined> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: topLevel })).trim() || undefined;
  } catch {
    return undefined;
  }
}

interface TreeEntry {
  mode: string;
  object: string;
  size: number;
  path: string;
}

export interface ExtractedTree {
  dir: string;
  cleanup: () => Promise<void>;
  /** Blob id of every regular file written (or stood in for), by its path relative to the top level. */
  blobs: Map<string, string>;
  /** How many blobs were read from git. */
  read: number;
  /**
   * Files `reuse` accepted that are not on disk (paths relative to the top level): the caller
   * tells the engine they are there. Empty when the tree holds a symlink, which could lead through
   * a folder that only such files would have made: then every one is stood in for on disk.
   */
  unwritten: Set<string>;
}

/**
 * Write the files of commit `sha` under `prefix` into a fresh temporary directory, keeping their
 * paths relative to the top level. Only the files the engine reads are written; files `reuse`
 * picks from the commit's files (the caller has their outcome for that blob already) are neither read from git nor
 * written (see `unwritten`): in a pull request that is almost every file, and writing and removing
 * thousands of empty stand-ins cost more than the base's check. The caller removes the directory
 * with the returned `cleanup`.
 */
export async function extractTree(
  topLevel: string,
  sha: string,
  prefix: string,
  maxFileBytes = Infinity,
  /** Told the blob id of every regular file, by path, picks the files whose outcome the caller has. */
  reuse: (files: ReadonlyMap<string, string>) => ReadonlySet<string> = () => new Set(),
): Promise<ExtractedTree> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'slo-gate-base-'));
  const cleanup = async () => rmSync(dir, { recursive: true, force: true });
  try {
    const listing = await git(['ls-tree', '-r', '-z', '-l', '--full-tree', sha, '--', ...(prefix ? [prefix] : [])], { cwd: topLevel });
    const entries: TreeEntry[] = [];
    for (const record of listing.split('\0')) {
      const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]+)$/.exec(record);
      if (!match) continue;
      const [, mode, type, object, size, file] = match;
      // Submodules (commit entries) are never followed; only regular files and symlinks are written.
      if (type !== 'blob' || !WANTED.test(file)) continue;
      if (file.split('/').some((part) => part === '..' || part === '.git' || part === '')) continue;
      entries.push({ mode, object, size: Number(size), path: file });
    }
    // Files over the engine's size limit are not read on either side: an empty file of the same
    // size (sparse, no disk used) makes the engine say exactly what it says about the head's.
    // A .gitignore is always written: discovery reads it.
    const files = new Map(entries.filter((entry) => entry.mode !== '120000').map((entry) => [entry.path, entry.object]));
    const picked = reuse(files);
    const reused = (entry: TreeEntry) => entry.mode !== '120000' && !GITIGNORE.test(entry.path) && picked.has(entry.path);
    const standIn = (entry: TreeEntry) => entry.mode !== '120000' && (entry.size > maxFileBytes || reused(entry));
    const unwritten = new Set(entries.some((entry) => entry.mode === '120000') ? [] : entries.filter(reused).map((entry) => entry.path));
    const readable = entries.filter((entry) => !standIn(entry));
    const contents = new Map(readable.map((entry, index) => [entry, index]));
    const blobs = await readBlobs(topLevel, readable.map((entry) => entry.object));
    // Written synchronously: a large tree is thousands of small files, and a thread-pool round
    // trip for each (three for a stand-in) made a loaded machine wait longer than it wrote.
    mkdirSync(path.join(dir, prefix), { recursive: true });
    const made = new Set<string>();
    // Symlinks last, so no file is ever written through one.
    const symlinksLast = [...entries].sort((a, b) => Number(a.mode === '120000') - Number(b.mode === '120000'));
    for (const entry of symlinksLast) {
      if (unwritten.has(entry.path)) continue;
      const target = path.join(dir, entry.path);
      const parent = path.dirname(target);
      if (!made.has(parent)) {
        mkdirSync(parent, { recursive: true });
        made.add(parent);
      }
      if (standIn(entry)) {
        writeFileSync(target, '');
        if (entry.size > 0) truncateSync(target, entry.size);
      }
      // Symlinks stay symlinks: the engine's discovery already refuses those that leave the root.
      else if (entry.mode === '120000') {
        try {
          symlinkSync(blobs[contents.get(entry)!].toString('utf8'), target);
        } catch {
          // A link git could record and this file system cannot: left out, like any unreadable entry.
        }
      } else writeFileSync(target, blobs[contents.get(entry)!]);
    }
    return { dir, cleanup, blobs: files, read: readable.length, unwritten };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Raw blob contents, in order, through one `git cat-file --batch` process. */
function readBlobs(topLevel: string, objects: string[]): Promise<Buffer[]> {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...SAFE_CONFIG, 'cat-file', '--batch'], { cwd: topLevel, env: { ...process.env, ...SAFE_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new GitError(error.message)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitError(stderr.trim() || `git cat-file exited with ${code}`));
      const output = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let offset = 0;
      for (const object of objects) {
        const newline = output.indexOf(10, offset);
        const header = output.subarray(offset, newline).toString('utf8');
        const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
        if (newline < 0 || !Number.isFinite(size)) return reject(new GitError(`cannot read blob ${object}: ${header}`));
        blobs.push(output.subarray(newline + 1, newline + 1 + size));
        offset = newline + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(objects.map((object) => `${object}\n`).join(''));
  });
}
