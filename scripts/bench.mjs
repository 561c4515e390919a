// npm run bench [-- --quick] [-- --cli path/to/cli.js] [-- --runs 5] [-- --scales 1,10,100]
//
// Times the bundled CLI (`slo-gate check DIR`, every check) against `promtool check rules` on
// the awesome-prometheus-alerts corpus replicated ×1, ×10 and ×100 into a temporary tree, and
// prints wall time (median), rules per second and peak RSS for both, and their ratio. Then the
// cold start of the CLI on an empty directory. A benchmark, not a test: --quick (×1, one run)
// is the CI smoke run.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
const cli = path.resolve(option('cli', path.join(repo, 'dist', 'cli.js')));
const runs = Number(option('runs', quick ? 1 : 5));
// ×100 takes promtool over half a minute per run: three runs there unless --runs says otherwise.
const runsAt = (scale) => (option('runs', undefined) !== undefined || scale < 100 ? runs : Math.min(runs, 3));
const scales = quick ? [1] : option('scales', '1,10,100').split(',').map(Number);
const corpus = path.resolve(process.env.SLO_GATE_CORPUS ?? path.join(repo, '..', 'shared', 'corpus'));
const source = path.join(corpus, 'awesome-prometheus-alerts');
const promtool = ['/usr/bin/promtool', ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, 'promtool'))].find((file) => existsSync(file));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// Exec'd argument lists stay well under ARG_MAX.
const PROMTOOL_BATCH = 1000;

if (!existsSync(cli)) fail(`no CLI bundle at ${cli}: run \`npm run bundle\` first, or pass --cli`);
if (!existsSync(source)) fail(`corpus not found at ${source} (set SLO_GATE_CORPUS)`);

const ruleFiles = listFiles(source).filter((file) => /\.ya?ml$/.test(file));
const rulesPerCopy = ruleFiles.reduce((sum, file) => sum + (readFileSync(file, 'utf8').match(/^\s*-\s*(alert|record):/gm)?.length ?? 0), 0);
const work = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

console.log(`slo-gate benchmark — node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}`);
console.log(`CLI: ${path.relative(process.cwd(), cli) || cli}; corpus: awesome-prometheus-alerts (${ruleFiles.length} files, ${rulesPerCopy} rules per copy)`);
console.log(`promtool: ${promtool ? version(promtool) : 'not installed (apt-get install -y prometheus): slo-gate only'}`);
console.log(`peak RSS and CPU time: ${timeBin ? '/usr/bin/time -v' : 'unavailable (apt-get install -y time)'}; load average ${loadAverage()}\n`);

const rows = [];
for (const scale of scales) {
  const dir = path.join(work, `x${scale}`);
  for (let copy = 0; copy < scale; copy++) cpSync(source, path.join(dir, `copy-${copy}`), { recursive: true });
  const files = listFiles(dir).filter((file) => /\.ya?ml$/.test(file));
  const rules = rulesPerCopy * scale;
  const n = runsAt(scale);
  const slo = measure(n, () => timed(process.execPath, [cli, 'check', dir, '--format', 'json', '--output', '/dev/null'], [0, 1]));
  const prom = promtool ? measure(n, () => promtoolRun(files)) : undefined;
  // Worker threads (--concurrency auto) start only from 2,000 files; below that the run is the default one.
  const threaded = files.length >= 2000 ? measure(n, () => timed(process.execPath, [cli, 'check', dir, '--format', 'json', '--output', '/dev/null', '--concurrency', 'auto'], [0, 1])) : undefined;
  const row = { scale, files: files.length, rules, runs: n, slo, prom, threaded };
  rows.push(row);
  const perRule = (s) => `${formatNumber(rules / s)} rules/s`;
  console.log(
    `×${scale} (${files.length} files, ${rules} rules, median of ${n}): ` +
      `slo-gate ${s(slo.wall)} (cpu ${cpu(slo)}) ${perRule(slo.wall)} ${mib(slo.rss)}` +
      (prom ? ` | promtool ${s(prom.wall)} (cpu ${cpu(prom)}) ${perRule(prom.wall)} ${mib(prom.rss)} | ratio ${(slo.wall / prom.wall).toFixed(2)}` : ''),
  );
  if (threaded) {
    console.log(
      `   with --concurrency auto (${os.availableParallelism()} threads): slo-gate ${s(threaded.wall)} (cpu ${cpu(threaded)}) ${perRule(threaded.wall)} ${mib(threaded.rss)}` +
        (prom ? ` | ratio ${(threaded.wall / prom.wall).toFixed(2)}` : ''),
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

const empty = path.join(work, 'empty');
mkdirSync(empty);
const cold = measure(quick ? 1 : 5, () => timed(process.execPath, [cli, 'check', empty, '--format', 'json', '--output', '/dev/null'], [0, 1]));
console.log(`cold start on an empty directory: ${s(cold.wall)} (cpu ${cpu(cold)}) ${mib(cold.rss)}`);
console.log(`load average at the end: ${loadAverage()} (other processes on the machine slow both tools' wall times)\n`);

// The issue's targets, for the reader; a benchmark reports, it does not fail the build.
const at = (scale) => rows.find((row) => row.scale === scale);
const verdicts = [];
if (at(1)?.prom) verdicts.push(['×1 ratio ≤ 1.0', (at(1).slo.wall / at(1).prom.wall).toFixed(2), at(1).slo.wall <= at(1).prom.wall]);
if (at(100)?.prom) verdicts.push(['×100 ratio ≤ 0.5', (at(100).slo.wall / at(100).prom.wall).toFixed(2), at(100).slo.wall <= 0.5 * at(100).prom.wall]);
if (at(100)?.prom && at(100).threaded) {
  verdicts.push(['×100 ratio ≤ 0.5 with --concurrency auto', (at(100).threaded.wall / at(100).prom.wall).toFixed(2), at(100).threaded.wall <= 0.5 * at(100).prom.wall]);
}
if (at(10) && at(100)) {
  const drift = at(100).slo.wall / at(100).rules / (at(10).slo.wall / at(10).rules) - 1;
  verdicts.push(['time per rule ×10→×100 within 20 %', `${drift >= 0 ? '+' : ''}${(drift * 100).toFixed(0)} %`, Math.abs(drift) <= 0.2]);
}
if (at(100)?.slo.rss) verdicts.push(['×100 peak RSS < 512 MiB', mib(at(100).slo.rss), at(100).slo.rss < 512 * 1024 * 1024]);
if (at(100)?.threaded?.rss) verdicts.push(['×100 peak RSS < 512 MiB with --concurrency auto', mib(at(100).threaded.rss), at(100).threaded.rss < 512 * 1024 * 1024]);
verdicts.push(['cold start < 300 ms', s(cold.wall), cold.wall < 0.3]);
for (const [target, value, ok] of verdicts) console.log(`${ok ? 'met   ' : 'MISSED'} ${target}: ${value}`);

function promtoolRun(files) {
  let wall = 0;
  let rss = 0;
  let cpuSeconds = 0;
  for (let i = 0; i < files.length; i += PROMTOOL_BATCH) {
    const run = timed(promtool, ['check', 'rules', ...files.slice(i, i + PROMTOOL_BATCH)], [0, 1]);
    wall += run.wall;
    rss = Math.max(rss, run.rss ?? 0);
    cpuSeconds += run.cpu ?? 0;
  }
  return { wall, rss: rss || undefined, cpu: cpuSeconds || undefined };
}

/** Runs a command once: wall seconds, and peak RSS in bytes when /usr/bin/time is there. */
function timed(command, commandArgs, okCodes) {
  const argv = timeBin ? [timeBin, '-v', command, ...commandArgs] : [command, ...commandArgs];
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) fail(`${command}: ${result.error.message}`);
  if (!okCodes.includes(result.status)) fail(`${path.basename(command)} ${commandArgs.slice(0, 3).join(' ')} … exited ${result.status}:\n${result.stderr.slice(-2000)}`);
  const kib = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '')?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr ?? '')?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr ?? '')?.[1];
  return { wall, rss: kib ? Number(kib) * 1024 : undefined, cpu: user && system ? Number(user) + Number(system) : undefined };
}

function measure(n, run) {
  const results = Array.from({ length: n }, run);
  return {
    wall: median(results.map((r) => r.wall)),
    rss: results.every((r) => r.rss) ? Math.max(...results.map((r) => r.rss)) : undefined,
    cpu: results.every((r) => r.cpu !== undefined) ? median(results.map((r) => r.cpu)) : undefined,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? listFiles(file) : [file];
  });
}

function version(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return `${binary} ${/version (\S+)/.exec(`${result.stdout}${result.stderr}`)?.[1] ?? ''}`;
}

function cpu(run) {
  return run.cpu === undefined ? 'n/a' : s(run.cpu);
}

function loadAverage() {
  return os.loadavg().map((load) => load.toFixed(1)).join(' ');
}

function s(seconds) {
  return seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`;
}

function mib(bytes) {
  return bytes ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : 'RSS n/a';
}

function formatNumber(value) {
  return Math.round(value).toLocaleString('en-US');
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
