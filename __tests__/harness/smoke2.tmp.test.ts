import { test, expect } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startArtifactService } from '../support/artifact-service.js';

test('smoke artifact', async () => {
  let t0 = Date.now();
  const svc = await startArtifactService();
  console.log('start ms', Date.now() - t0); t0 = Date.now();
  const saved = { ...process.env };
  Object.assign(process.env, svc.env());
  delete process.env.GITHUB_SERVER_URL;
  try {
    const dir = mkdtempSync(join(tmpdir(), 'art-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'report.md'), '# hi');
    writeFileSync(join(dir, 'sub', 'data.json'), '{"a":1}');
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const r = await new DefaultArtifactClient().uploadArtifact('slo-report', [join(dir, 'report.md'), join(dir, 'sub', 'data.json')], dir, { retentionDays: 5 });
    console.log(r, svc.artifacts, await svc.files('slo-report'), svc.violations);
    await expect(new DefaultArtifactClient().uploadArtifact('slo-report', [join(dir, 'report.md')], dir)).rejects.toThrow(/409/);
    const l = await new DefaultArtifactClient().listArtifacts();
    console.log(l);
    const d = await new DefaultArtifactClient().downloadArtifact(r.id!, { path: join(dir, 'dl') });
    console.log(d);
    console.log('ms', Date.now() - t0);
  } finally {
    process.env = saved;
    await svc.stop();
  }
});
