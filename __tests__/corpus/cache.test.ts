// The outcome cache on real files: over the whole corpus, a run that takes every outcome from the
// cache writes the report a cold run writes, byte for byte.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { runCheck } from '../../src/run.js';
import { CORPUS, corpusAvailable, corpusSuiteTitle } from '../helpers/corpus.js';
import { tempDir } from '../diff/git-repo.js';

const fixed = (report: object) => renderJson({ ...report, generatedAt: '2026-01-01T00:00:00.000Z' } as never);

describe.skipIf(!corpusAvailable)(corpusSuiteTitle('outcome cache on the corpus'), () => {
  it('cold, filling the cache, and warm: the same report', async () => {
    const cacheDir = path.join(tempDir(), 'cache');
    const cold = await runCheck({ root: CORPUS, failOn: 'error' });
    const filling = await runCheck({ root: CORPUS, failOn: 'error', cacheDir });
    const warm = await runCheck({ root: CORPUS, failOn: 'error', cacheDir });
    const files = cold.report.files.length;
    expect(files).toBeGreaterThan(100);
    expect(filling.report.cache).toEqual({ files, fromCache: 0 });
    expect(warm.report.cache!.fromCache).toBe(files);
    const { cache: _filling, ...fillingReport } = filling.report;
    const { cache: _warm, ...warmReport } = warm.report;
    expect(fixed(fillingReport)).toBe(fixed(cold.report));
    expect(fixed(warmReport)).toBe(fixed(cold.report));
  }, 300_000);
});
