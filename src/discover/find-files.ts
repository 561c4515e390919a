// Find the candidate files under the root: YAML and JSON, minus what git ignores,
// narrowed by include/exclude globs. Symlinks are not followed: out of the root never, inside it
// there is no need, since their targets are walked where they are.

import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export interface DiscoveryOptions {
  include?: string[];
  exclude?: string[];
  /** Stop after this many files, so a mistaken root (a home directory) cannot run for hours. */
  maxFiles?: number;
}

export interface DiscoveredFile {
  /** Relative to the root, `/` separators. */
  path: string;
  absolutePath: string;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  /** Things the user should know about, but that are not findings about a file's content. */
  skipped: { path: string; reason: string }[];
}

const CANDIDATE = /\.(ya?ml|json)$/i;
const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);
export const DEFAULT_MAX_FILES = 200_000;

export async function findFiles(root: string, options: DiscoveryOptions = {}): Promise<DiscoveryResult> {
  const rootReal = await realpath(root);
  const rootStat = await stat(rootReal);
  const result: DiscoveryResult = { files: [], skipped: [] };
  if (rootStat.isFile()) {
    result.files.push({ path: path.basename(rootReal), absolutePath: rootReal });
    return result;
  }
  const include = options.include?.length ? picomatch(options.include, { dot: true }) : undefined;
  const exclude = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : undefined;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  
  // Each directory carries the .gitignore rules of its ancestors, each relative to its own directory.
  type Rules = { base: string; matcher: Ignore }[];
  const isIgnored = (rules: Rules, relative: string, isDir: boolean): boolean =>
    rules.some(({ base, matcher }) => {
      const inner = base === '' ? relative : relative.slice(base.length + 1);
      return inner !== '' && matcher.ignores(isDir ? `${inner}/` : inner);
    });

  // Synchronous on purpose: a walk awaits nothing else, and two thread-pool round trips per
  // directory made a large tree's discovery wait longer than it worked.
  const walk = (dirReal: string, relativeDir: string, inherited: Rules): void => {
    if (result.files.length >= maxFiles) return;
    let entries;
    try {
      entries = readdirSync(dirReal, { withFileTypes: true });
    } catch (error) {
      result.skipped.push({ path: relativeDir || '.', reason: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? 'error'}` });
      return;
    }
    let rules = inherited;
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      const gitignore = readTextOrUndefined(path.join(dirReal, '.gitignore'));
      if (gitignore !== undefined) rules = [...inherited, { base: relativeDir, matcher: ignore().add(gitignore) }];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (result.files.length >= maxFiles) {
        result.skipped.push({ path: relativeDir || '.', reason: `stopped after ${maxFiles} files` });
        return;
      }
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const absolute = path.join(dirReal, entry.name);
      if (entry.isSymbolicLink()) {
        // A link inside the root adds nothing (its target is walked in its own place) and could loop;
        // a link out of the root is never followed.
        const resolved = realpathOrUndefined(absolute);
        if (resolved && resolved !== rootReal && !resolved.startsWith(rootReal + path.sep)) {
          result.skipped.push({ path: relative, reason: 'symlink points outside the root; not followed' });
        }
        continue;
      }
      const isDir = entry.isDirectory();
      const isFile = entry.isFile();
      if (isDir) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(rules, relative, true)) continue;
        walk(absolute, relative, rules);
      } else if (isFile && CANDIDATE.test(entry.name)) {
        if (isIgnored(rules, relative, false)) continue;
        if (include && !include(relative)) continue;
        if (exclude && exclude(relative)) continue;
        result.files.push({ path: relative, absolutePath: absolute });
      }
    }
  };

  walk(rootReal, '', []);
  return result;
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
