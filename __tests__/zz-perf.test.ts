import { it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parseText } from '../src/parse/document.js';
import { analyseQuery } from '../src/promql/analyse.js';
import { mergeConfig } from '../src/config/config.js';
import { runEngine } from '../src/engine.js';
const list = (d: string): string[] => readdirSync(d).flatMap((n) => { const f = path.join(d, n); return statSync(f).isDirectory() ? list(f) : [f]; });
const cpu = (fn: () => unknown, n = 3) => { const r: number[] = []; for (let i = 0; i < n; i++) { const s = process.cpuUsage(); fn(); const u = process.cpuUsage(s); r.push((u.user + u.system) / 1000); } return r.map((x) => x.toFixed(0)).join(' / '); };
it('perf', async () => {
  const dir = '../shared/corpus/awesome-prometheus-alerts';
  const texts = list(dir).filter((f) => f.endsWith('.yml')).map((f) => readFileSync(f, 'utf8'));
  console.log('yaml parseText ms', cpu(() => texts.forEach((t) => parseText(t, 'yaml'))));
  const exprs: string[] = [];
  for (const t of texts) for (const d of parseText(t, 'yaml').documents) for (const g of (d.value as any).groups ?? []) for (const r of g.rules ?? []) exprs.push(String(r.expr));
  console.log('exprs', exprs.length);
  console.log('lezer parse ms', cpu(() => exprs.forEach((e) => parser.parse(e))));
  console.log('analyseQuery ms (cache may hit)', cpu(() => exprs.forEach((e, i) => analyseQuery(e + ' '.repeat(1 + (i % 3))))));
  for (let i = 0; i < 3; i++) { const s = process.cpuUsage(); const t0 = Date.now(); await runEngine(dir, mergeConfig()); const u = process.cpuUsage(s); console.log('runEngine cpu ms', ((u.user + u.system) / 1000).toFixed(0), 'wall', Date.now() - t0); }
});
