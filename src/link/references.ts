// Resolve the file paths that documents mention (a policy's dashboards) against the file system,
// the way their authors evidently meant them. The answers go next to the links, not into the
// model: the model stays what the files say, and what it points at is derived once per run.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveInsideRoot } from '../discover/find-files.js';
import type { Model } from '../model/types.js';
import type { ResolvedReference, ResolvedReferences } from './types.js';

/** `unwritten`: files of the tree that are not on disk (a pull request's base), by root-relative path. */
export async function resolveReferences(model: Model, root: string, unwritten?: ReadonlySet<string>): Promise<ResolvedReferences> {
  const resolutions: ResolvedReferences = new Map();
  const unwrittenFolders = new Set([...(unwritten ?? [])].flatMap((file) => ancestors(path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file))));
  const exists = memoised(
    async (relative: string) =>
      unwritten?.has(relative) === true || unwrittenFolders.has(relative) || (await stat(path.join(root, relative)).catch(() => undefined)) !== undefined,
  );
  for (const slo of model.slos) {
    for (const ref of slo.dashboardRefs) {
      const candidates = ancestors(slo.baseDir)
        .map((dir) => resolveInsideRoot(dir, ref.path))
        .filter((candidate): candidate is string => candidate !== undefined);
      if (candidates.length === 0) {
        resolutions.set(ref, { exists: false });
        continue;
      }
      // A policy in `project/slo/` naming `dashboards/x.json` means `project/dashboards/x.json`:
      // take the nearest directory where the path exists, else the nearest where its first folder does.
      let chosen: string | undefined;
      for (const candidate of candidates) if (!chosen && (await exists(candidate))) chosen = candidate;
      if (chosen) {
        resolutions.set(ref, { resolved: chosen, exists: true });
        continue;
      }
      const firstSegment = ref.path.replace(/\\/g, '/').replace(/^\.\//, '').split('/')[0];
      for (const dir of ancestors(slo.baseDir)) {
        const folder = resolveInsideRoot(dir, firstSegment);
        if (!chosen && folder && ref.path.includes('/') && (await exists(folder))) chosen = resolveInsideRoot(dir, ref.path);
      }
      const resolution: ResolvedReference = { resolved: chosen ?? candidates[0], exists: false };
      resolutions.set(ref, resolution);
    }
  }
  return resolutions;
}

/** The directory and each of its parents up to the root ('' ). */
function ancestors(dir: string): string[] {
  const out = [dir];
  let current = dir;
  while (current !== '' && current !== '.') {
    current = path.posix.dirname(current);
    if (current === '.') current = '';
    out.push(current);
  }
  return out;
}

function memoised<T>(fn: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) cache.set(key, (value = fn(key)));
    return value;
  };
}
