import { it } from 'vitest';
import path from 'node:path';
import { mergeConfig } from '../src/config/config.js';
import { runEngine } from '../src/engine.js';
const MINE = /^(promql|alert|rule\/(duplicate|label-name|record-name|template)|dashboard\/(uid|promql|panel-id|deprecated-panel|thresholds|datasource|counter))/;
it('scratch', async () => {
  for (const p of (process.env.PROJECTS ?? 'awesome-prometheus-alerts,kube-prometheus,sloth,openslo,pyrra,agentaskit,prometheus').split(',')) {
    const r = await runEngine(path.join('../shared/corpus', p), mergeConfig());
    const mine = r.findings.filter((f) => MINE.test(f.check));
    const by = new Map<string, typeof mine>();
    for (const f of mine) by.set(`${f.check} ${f.severity}`, [...(by.get(`${f.check} ${f.severity}`) ?? []), f]);
    console.log(`== ${p}`);
    for (const [k, fs] of by) {
      console.log(`  ${k}: ${fs.length}`);
      const n = Number(process.env.SAMPLES ?? 3);
      for (const f of fs.slice(0, n)) console.log(`     ${f.file}:${f.line}:${f.column} ${f.message}`);
    }
  }
});
