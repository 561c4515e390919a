// node scripts/bench-table.mjs [FIGURES.json] [--write]
//
// The README's performance table, generated from the figures `npm run bench` wrote (default
// docs/performance.json): printed, or with --write put into README.md between the
// <!-- bench-table:start --> and <!-- bench-table:end --> markers.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const file = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? path.join(repo, 'docs', 'performance.json'));
const figures = JSON.parse(readFileSync(file, 'utf8'));

const s = (seconds) => (seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`);
const mib = (bytes) => (bytes ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : '—');
const load = (values) => values.map((value) => value.toFixed(1)).join(' ');
const MODES = {
  cold: 'cold',
  warm: 'warm (cache, unchanged tree)',
  'warm-new-runner': 'warm, compile cache empty (the action on a new runner)',
  pr: 'pull request (`--base HEAD~1`, one file changed)',
};

const nodes = figures.nodes.map((node) => node.major);
const lines = [
  `Measured ${figures.generatedAt.slice(0, 10)} on ${figures.machine.cpus} CPUs (${figures.machine.model}), Node ${figures.nodes.map((node) => node.version).join(' and ')}, promtool ${figures.promtool ?? 'not installed'}; one \`npm run bench\` run, load average ${load(figures.machine.loadAverage.start)} at the start and ${load(figures.machine.loadAverage.end)} at the end (other work on the machine slows both tools). Wall time (median of the runs) with CPU time, peak RSS; ratio of wall times to promtool on the same files. Under load, CPU times compare the tools better than wall times.`,
  '',
  `| input | mode | promtool | ${nodes.map((node) => `slo-gate, Node ${node}`).join(' | ')} |`,
  `| --- | --- | --- | ${nodes.map(() => '---').join(' | ')} |`,
];
for (const scale of [...new Set(figures.results.map((result) => result.scale))]) {
  const prom = figures.promtoolResults.find((entry) => entry.scale === scale);
  for (const mode of Object.keys(MODES)) {
    const cells = nodes.map((node) => {
      const result = figures.results.find((entry) => entry.scale === scale && entry.node === node && entry.mode === mode);
      if (!result) return '—';
      const ratio = prom ? `, ×${(result.wall / prom.wall).toFixed(2)}` : '';
      const head = mode === 'pr' ? figures.results.find((entry) => entry.scale === scale && entry.node === node && entry.mode === 'cold') : undefined;
      return `${s(result.wall)}${result.cpu !== undefined ? ` (cpu ${s(result.cpu)})` : ''}, ${mib(result.rss)}${ratio}${head ? `; ${(result.wall / head.wall).toFixed(2)} × head-only` : ''}`;
    });
    if (cells.every((cell) => cell === '—')) continue;
    const rules = figures.results.find((entry) => entry.scale === scale)?.rules;
    lines.push(`| ×${scale} (${rules?.toLocaleString('en-US')} rules) | ${MODES[mode]} | ${mode === 'cold' && prom ? `${s(prom.wall)}${prom.cpu !== undefined ? ` (cpu ${s(prom.cpu)})` : ''}, ${mib(prom.rss)}` : ''} | ${cells.join(' | ')} |`);
  }
}
lines.push(`| empty directory | cold start | | ${nodes.map((node) => {
  const start = figures.coldStarts.find((entry) => entry.node === node);
  return start ? `${s(start.wall)}, ${mib(start.rss)}` : '—';
}).join(' | ')} |`);
lines.push('', 'Targets (issue #14):', '');
for (const { target, value, met } of figures.targets) lines.push(`- ${met ? 'met' : '**MISSED**'}: ${target} — ${value}`);
const table = lines.join('\n');

if (!args.includes('--write')) {
  console.log(table);
} else {
  const readme = path.join(repo, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench-table:start -->';
  const end = '<!-- bench-table:end -->';
  if (!text.includes(start) || !text.includes(end)) {
    console.error(`bench-table: README.md has no ${start} … ${end} markers`);
    process.exit(1);
  }
  writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
  console.log('README.md: performance table updated');
}
