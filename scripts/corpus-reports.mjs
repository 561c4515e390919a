#!/usr/bin/env node
// Writes the JSON report of the bundled CLI for each folder of the corpus, so two builds can be
// compared: `node scripts/corpus-reports.mjs OUT_DIR [--cli dist/cli.js] [--corpus ../shared/corpus]`,
// then `node scripts/corpus-reports.mjs --compare BEFORE_DIR AFTER_DIR`. Only the fields that
// change from run to run (generatedAt) are left out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args.splice(index, 2)[1] : fallback;
};

if (args[0] === '--compare') {
  const [, before, after] = args;
  let differences = 0;
  for (const name of readdirSync(before).sort()) {
    const a = JSON.parse(readFileSync(path.join(before, name), 'utf8'));
    const b = existsSync(path.join(after, name)) ? JSON.parse(readFileSync(path.join(after, name), 'utf8')) : undefined;
    if (!b) {
      console.log(`${name}: missing after`);
      differences++;
      continue;
    }
    const key = (f) => `${f.check} ${f.file}:${f.line ?? ''}:${f.column ?? ''} ${f.severity} ${f.message}`;
    const beforeKeys = new Set(a.findings.map(key));
    const afterKeys = new Set(b.findings.map(key));
    const gone = [...beforeKeys].filter((k) => !afterKeys.has(k));
    const added = [...afterKeys].filter((k) => !beforeKeys.has(k));
    const rest = (r) => JSON.stringify({ ...r, findings: undefined, checks: undefined });
    const sameRest = rest(a) === rest(b);
    if (!gone.length && !added.length && sameRest) {
      console.log(`${name}: identical findings (${a.findings.length})${sameRest ? '' : ''}`);
      continue;
    }
    differences++;
    console.log(`${name}: ${gone.length} finding(s) gone, ${added.length} new${sameRest ? '' : ', other fields differ'}`);
    for (const k of gone.slice(0, 40)) console.log(`  - ${k}`);
    for (const k of added.slice(0, 40)) console.log(`  + ${k}`);
  }
  process.exit(differences ? 1 : 0);
}

const out = args[0];
if (!out) {
  console.error('usage: corpus-reports.mjs OUT_DIR [--cli FILE] [--corpus DIR] | --compare BEFORE AFTER');
  process.exit(2);
}
const cli = option('--cli', 'dist/cli.js');
const corpus = option('--corpus', process.env.SLO_GATE_CORPUS ?? '../shared/corpus');
mkdirSync(out, { recursive: true });
for (const name of readdirSync(corpus).sort()) {
  const dir = path.join(corpus, name);
  if (!statSync(dir).isDirectory()) continue;
  const run = spawnSync(process.execPath, [cli, 'check', dir, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) {
    console.error(`${name}: exit ${run.status}: ${run.stderr.split('\n')[0]}`);
    continue;
  }
  const report = JSON.parse(run.stdout);
  delete report.generatedAt;
  writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(report, null, 1)}\n`);
  console.log(`${name}: ${report.findings.length} findings`);
}
