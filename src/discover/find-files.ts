// Find the candidate files under the root: YAML and JSON, minus what git ignores,
// narrowed by include/exclude globs. Symlinks are not followed: out of the root never, inside it
// there is no need, since their targets are walked where they are.

import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { Skipped } from '../recognise/recognise.js';

export interface DiscoveryOptions {
  include?: string[];
  exclude?: string[];
  /** Stop after this many files, so a mistaken root (a home directory) cannot run for hours. */
  maxFiles?: number;
  /**
   * Files of the tree that are not on disk, relative to the root (a pull request's base: files
   * whose outcome is the head's are not written). They are found as if they were there.
   */
  unwritten?: ReadonlySet<string>;
}

/** What the walk needs of a directory entry: a real one, or one of the unwritten files and their folders. */
interface Entry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export interface DiscoveredFile {
  /** Relative to the root, `/` separators. */
  path: string;
  absolutePath: string;
  /** Under the `templates/` folder of a Helm chart (a folder with a Chart.yaml), sub-charts included. */
  helmTemplate?: boolean;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  /** YAML/JSON files (and folders) left out, with why: `include`/`exclude`, links out of the root. */
  skipped: Skipped[];
}

const CANDIDATE = /\.(ya?ml|json)$/i;
const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);
export const DEFAULT_MAX_FILES = 200_000;

export async function findFiles(root: string, options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  const rootReal = await realpath(root);
  const rootStat = await stat(rootReal);
  const result: DiscoveryResult = { files: [], skipped: [] };
  const rootInTemplates = insideHelmTemplates(rootStat.isFile() ? path.dirname(rootReal) : rootReal);
  if (rootStat.isFile()) {
    result.files.push(rootInTemplates ? { path: path.basename(rootReal), absolutePath: rootReal, helmTemplate: true } : { path: path.basename(rootReal), absolutePath: rootReal });
    return result;
  }
  const include = options.include?.length ? picomatch(options.include, { dot: true }) : undefined;
  const exclude = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : undefined;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const unwritten = unwrittenEntries(options.unwritten);
  
  // Each directory carries the .gitignore rules of its ancestors, each relative to its own directory.
  type Rules = { base: string; matcher: Ignore }[];
  const isIgnored = (rules: Rules, relative: string, isDir: boolean): boolean =>
    rules.some(({ base, matcher }) => {
      const inner = base === '' ? relative : relative.slice(base.length + 1);
      return inner !== '' && matcher.ignores(isDir ? `${inner}/` : inner);
    });

  // Synchronous on purpose: a walk awaits nothing else, and two thread-pool round trips per
  // directory made a large tree's discovery wait longer than it worked.
  const walk = (dirReal: string, relativeDir: string, inherited: Rules, inHelmTemplates: boolean): void => {
    if (result.files.length >= maxFiles) return;
    let entries: Entry[];
    const unwrittenHere = unwritten.get(relativeDir);
    try {
      entries = readdirSync(dirReal, { withFileTypes: true });
    } catch (error) {
      if (!unwrittenHere) {
        result.skipped.push({ path: relativeDir || '.', reason: 'excluded', detail: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? 'error'}` });
        return;
      }
      entries = [];
    }
    if (unwrittenHere) {
      const onDisk = new Set(entries.map((entry) => entry.name));
      for (const entry of unwrittenHere.values()) if (!onDisk.has(entry.name)) entries.push(entry);
    }
    let rules = inherited;
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      const gitignore = readTextOrUndefined(path.join(dirReal, '.gitignore'));
      if (gitignore !== undefined) rules = [...inherited, { base: relativeDir, matcher: ignore().add(gitignore) }];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const isChart = entries.some((entry) => entry.name === 'Chart.yaml' && entry.isFile());
    for (const entry of entries) {
      if (result.files.length >= maxFiles) {
        result.skipped.push({ path: relativeDir || '.', reason: 'excluded', detail: `stopped after ${maxFiles} files` });
        return;
      }
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const absolute = path.join(dirReal, entry.name);
      if (entry.isSymbolicLink()) {
        // A link inside the root adds nothing (its target is walked in its own place) and could loop;
        // a link out of the root is never followed.
        const resolved = realpathOrUndefined(absolute);
        if (resolved && resolved !== rootReal && !resolved.startsWith(rootReal + path.sep)) {
          result.skipped.push({ path: relative, reason: 'excluded', detail: 'symlink points outside the root; not followed' });
        }
        continue;
      }
      const isDir = entry.isDirectory();
      const isFile = entry.isFile();
      if (isDir) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(rules, relative, true)) continue;
        walk(absolute, relative, rules, inHelmTemplates || (isChart && entry.name === 'templates'));
      } else if (isFile && CANDIDATE.test(entry.name)) {
        if (isIgnored(rules, relative, false)) continue;
        if (include && !include(relative)) {
          result.skipped.push({ path: relative, reason: 'excluded', detail: 'not matched by include' });
          continue;
        }
        if (exclude && exclude(relative)) {
          result.skipped.push({ path: relative, reason: 'excluded', detail: 'matches exclude' });
          continue;
        }
        result.files.push(inHelmTemplates ? { path: relative, absolutePath: absolute, helmTemplate: true } : { path: relative, absolutePath: absolute });
      }
    }
  };

  walk(rootReal, '', [], rootInTemplates);
  return result;
}

/** The unwritten files as directory entries, by the root-relative folder they are in (their folders too). */
function unwrittenEntries(files: ReadonlySet<string> | undefined): Map<string, Map<string, Entry>> {
  const byDir = new Map<string, Map<string, Entry>>();
  const add = (dir: string, name: string, isDirectory: boolean) => {
    let entries = byDir.get(dir);
    if (!entries) byDir.set(dir, (entries = new Map()));
    if (entries.has(name)) return false;
    entries.set(name, { name, isFile: () => !isDirectory, isDirectory: () => isDirectory, isSymbolicLink: () => false });
    return true;
  };
  for (const file of files ?? []) {
    let child = file;
    let isDirectory = false;
    for (;;) {
      const slash = child.lastIndexOf('/');
      const dir = slash < 0 ? '' : child.slice(0, slash);
      // A folder already listed has its own folders listed too.
      if (!add(dir, child.slice(slash + 1), isDirectory) || slash < 0) break;
      child = dir;
      isDirectory = true;
    }
  }
  return byDir;
}

/**
 * Whether discovery reads `file` (root-relative, `/` separators) as a Helm chart template, told
 * which files the tree has: the same rule as the walk's (a `templates/` folder beside a Chart.yaml,
 * at any depth), for a tree that is known without being walked — a pull request's base, listed by git.
 */
export function isHelmTemplatePath(file: string, treeHasFile: (file: string) => boolean): boolean {
  const folders = file.split('/').slice(0, -1);
  return folders.some((folder, depth) => folder === 'templates' && treeHasFile([...folders.slice(0, depth), 'Chart.yaml'].join('/')));
}

/** A `path` that points into a chart's templates (charts/api/templates): the chart is above it. */
function insideHelmTemplates(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (path.basename(current) === 'templates' && existsSync(path.join(path.dirname(current), 'Chart.yaml'))) return true;
    if (path.dirname(current) === current) return false;
  }
}

function readTextOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Resolve a path an author wrote (relative to `baseDir` inside the root) to a root-relative path, or undefined if it leaves the root. */
export function resolveInsideRoot(baseDir: string, written: string): string | undefined {
  const joined = path.posix.normalize(path.posix.join(baseDir, written.replace(/\\/g, '/')));
  if (joined.startsWith('..') || path.posix.isAbsolute(joined)) return undefined;
  return joined;
}
