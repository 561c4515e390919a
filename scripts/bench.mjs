// npm run bench [-- --quick] [-- --cli path/to/cli.js] [-- --runs 5] [-- --scales 1,10,100] [-- --nodes 20,24] [-- --json FILE]
//
// Times the bundled CLI (`slo-gate check DIR`, every check, JSON report) against
// `promtool check rules`, in one run, on the awesome-prometheus-alerts corpus replicated ×1, ×10
// and ×100 into a temporary git repository whose last commit changes one rule file:
//   cold      no cache
//   warm      `--cache=DIR` after a run that filled it (unchanged tree)
//   warm-new-runner  the same, but Node's compile cache empty: the action on a fresh runner,
//             whose temporary directory is new for every job (Node 24; Node 20 has none)
//   head-only the same as cold (the head commit, no base)
//   pr        `--base HEAD~1`: the pull-request run, base through the head's outcomes
// Cold and pull-request runs start with an empty compile cache too, as on a fresh runner; warm
// runs keep theirs, as on a developer's machine. The compile cache is in RUNNER_TEMP, which the
// CLI uses for nothing else.
// Each mode runs under every Node version asked for (default: this one and Node 24 via npx, the
// action's runtime), with wall time (median), CPU time and peak RSS (/usr/bin/time -v). The runs
// are interleaved: each round runs promtool and every mode once, so ratios compare runs made at
// the same moment of a shared machine's load. Then the cold start
// on an empty directory. It prints a met/MISSED line per target of issue #14 and writes the
// figures as JSON (default docs/performance.json); `node scripts/bench-table.mjs` turns that
// JSON into the README's table. A benchmark, not a test: --quick (×1, one run, this Node, cold
// and warm) is CI's smoke run.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
const modes = quick ? ['cold', 'warm'] : ['cold', 'warm', 'warm-new-runner', 'pr'];
const jsonOut = path.resolve(option('json', quick ? path.join(os.tmpdir(), 'slo-gate-bench.json') : path.join(repo, 'docs', 'performance.json')));
const corpus = path.resolve(process.env.SLO_GATE_CORPUS ?? path.join(repo, '..', 'shared', 'corpus'));
const source = path.join(corpus, 'awesome-prometheus-alerts');
const promtool = ['/usr/bin/promtool', ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, 'promtool'))].find((file) => existsSync(file));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// Exec'd argument lists stay well under ARG_MAX.
const PROMTOOL_BATCH = 1000;
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

if (!existsSync(cli)) fail(`no CLI bundle at ${cli}: run \`npm run bundle\` first, or pass --cli`);
if (!existsSync(source)) fail(`corpus not found at ${source} (set SLO_GATE_CORPUS)`);

const nodes = (quick ? [process.versions.node.split('.')[0]] : option('nodes', `${process.versions.node.split('.')[0]},24`).split(','))
  .filter((major, index, all) => all.indexOf(major) === index)
  .map((major) => ({ major, binary: nodeBinary(major) }));

const ruleFiles = listFiles(source).filter((file) => /\.ya?ml$/.test(file));
const rulesPerCopy = ruleFiles.reduce((sum, file) => sum + (readFileSync(file, 'utf8').match(/^\s*-\s*(alert|record):/gm)?.length ?? 0), 0);
const work = mkdtempSync(path.join(os.tmpdir(), 'slo-gate-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const loadAtStart = os.loadavg();
console.log(`slo-gate benchmark — ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}; Node ${nodes.map((node) => `${node.major} (${version(node.binary, '--version')})`).join(', ')}`);
console.log(`CLI: ${path.relative(process.cwd(), cli) || cli}; corpus: awesome-prometheus-alerts (${ruleFiles.length} files, ${rulesPerCopy} rules per copy)`);
console.log(`promtool: ${promtool ? `${promtool} ${version(promtool, '--version')}` : 'not installed (apt-get install -y prometheus): slo-gate only'}`);
console.log(`peak RSS and CPU time: ${timeBin ? '/usr/bin/time -v' : 'unavailable (apt-get install -y time)'}; load average ${loadAverage(loadAtStart)}\n`);

const results = [];
const promtoolResults = [];
for (const scale of scales) {
  const dir = treeAt(scale);
  const files = listFiles(dir).filter((file) => /\.ya?ml$/.test(file));
  const rules = rulesPerCopy * scale;
  const n = runsAt(scale);
  // Every series runs once per round, in the same order: a shared machine's drift then falls on
  // promtool and on every mode alike, instead of on whichever block of runs it happened in.
  const series = [];
  if (promtool) series.push({ run: () => promtoolRun(files) });
  for (const node of nodes) {
    const check = (runnerTemp, ...extra) => timed(node.binary, [cli, 'check', dir, '--format', 'json', '--output', '/dev/null', ...extra], [0, 1], { RUNNER_TEMP: runnerTemp });
    const keptTemp = path.join(work, `runner-temp-${node.major}`);
    const cacheDir = path.join(work, `cache-${scale}-${node.major}`);
    // The run that fills the cache (and the kept compile cache) for the warm modes; not counted.
    if (modes.some((mode) => mode.startsWith('warm'))) check(keptTemp, `--cache=${cacheDir}`);
    for (const mode of modes) {
      if (mode === 'warm-new-runner' && node.major === '20') continue;
      let run;
      if (mode === 'cold') run = () => check(freshTemp());
      else if (mode === 'pr') run = () => check(freshTemp(), '--base', 'HEAD~1');
      else if (mode === 'warm-new-runner') run = () => check(freshTemp(), `--cache=${cacheDir}`);
      else run = () => check(keptTemp, `--cache=${cacheDir}`);
      series.push({ node, mode, run });
    }
  }
  const samples = series.map(() => []);
  for (let round = 0; round < n; round++) series.forEach((entry, index) => samples[index].push(entry.run()));

  const heading = `×${scale} (${files.length} files, ${rules} rules, median of ${n}, interleaved)`;
  if (!promtool) console.log(heading);
  let prom;
  series.forEach((entry, index) => {
    const figure = summarise(samples[index]);
    if (!entry.node) {
      prom = { scale, files: files.length, rules, runs: n, ...figure };
      promtoolResults.push(prom);
      console.log(`${heading}: promtool ${figures(figure, rules)}`);
      return;
    }
    results.push({ node: entry.node.major, scale, mode: entry.mode, files: files.length, rules, runs: n, ...figure });
    console.log(`   node ${entry.node.major} ${entry.mode.padEnd(4)} ${figures(figure, rules)}${prom ? ` | ratio to promtool ${(figure.wall / prom.wall).toFixed(2)}` : ''}`);
    const cold = results.find((other) => other.node === entry.node.major && other.scale === scale && other.mode === 'cold');
    if (entry.mode === 'pr' && cold) console.log(`   node ${entry.node.major} pull request / head-only: ${(figure.wall / cold.wall).toFixed(2)}`);
  });
  rmSync(dir, { recursive: true, force: true });
}

const empty = path.join(work, 'empty');
mkdirSync(empty);
const coldStarts = nodes.map((node) => ({ node: node.major, ...measure(quick ? 1 : 5, () => timed(node.binary, [cli, 'check', empty, '--format', 'json', '--output', '/dev/null'], [0, 1], { RUNNER_TEMP: freshTemp() })) }));
for (const start of coldStarts) console.log(`node ${start.node} cold start on an empty directory: ${s(start.wall)} (cpu ${cpu(start)}) ${mib(start.rss)}`);
const loadAtEnd = os.loadavg();
console.log(`load average at the end: ${loadAverage(loadAtEnd)} (other processes on the machine slow both tools' wall times)\n`);

// The issue's targets, for the reader; a benchmark reports, it does not fail the build.
const find = (node, scale, mode) => results.find((entry) => entry.node === node && entry.scale === scale && entry.mode === mode);
const prom = (scale) => promtoolResults.find((entry) => entry.scale === scale);
const targets = [];
const target = (name, value, met) => targets.push({ target: name, value, met });
for (const node of nodes.map((entry) => entry.major)) {
  for (const scale of [10, 100]) {
    const [pr, head] = [find(node, scale, 'pr'), find(node, scale, 'cold')];
    if (pr && head) target(`node ${node}: pull request / head-only at ×${scale} ≤ 1.15`, (pr.wall / head.wall).toFixed(2), pr.wall <= 1.15 * head.wall);
  }
  for (const [scale, limit] of [[1, 0.5], [100, 0.1]]) {
    const warm = find(node, scale, 'warm');
    if (warm && prom(scale)) target(`node ${node}: warm / promtool at ×${scale} ≤ ${limit}`, (warm.wall / prom(scale).wall).toFixed(2), warm.wall <= limit * prom(scale).wall);
  }
}
if (nodes.some((node) => node.major === '24')) {
  for (const [scale, limit] of [[10, 0.5], [100, 0.5], [1, 1.5]]) {
    const cold = find('24', scale, 'cold');
    if (cold && prom(scale)) target(`node 24: cold / promtool at ×${scale} ≤ ${limit}`, (cold.wall / prom(scale).wall).toFixed(2), cold.wall <= limit * prom(scale).wall);
  }
}
const at100 = results.filter((entry) => entry.scale === 100 && entry.rss);
if (at100.length) {
  const peak = at100.reduce((max, entry) => (entry.rss > max.rss ? entry : max));
  target(`peak RSS at ×100, any mode ≤ 512 MiB (highest: node ${peak.node} ${peak.mode})`, mib(peak.rss), peak.rss <= 512 * 1024 * 1024);
}
for (const { target: name, value, met } of targets) console.log(`${met ? 'met   ' : 'MISSED'} ${name}: ${value}`);

mkdirSync(path.dirname(jsonOut), { recursive: true });
writeFileSync(
  jsonOut,
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', loadAverage: { start: loadAtStart, end: loadAtEnd } },
      nodes: nodes.map((node) => ({ major: node.major, version: version(node.binary, '--version') })),
      promtool: promtool ? version(promtool, '--version') : undefined,
      corpus: { name: 'awesome-prometheus-alerts', files: ruleFiles.length, rules: rulesPerCopy },
      promtoolResults,
      results,
      coldStarts,
      targets,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nfigures written to ${path.relative(process.cwd(), jsonOut) || jsonOut}`);

/** The corpus ×scale in a git repository of two commits: the second changes one rule file. */
function treeAt(scale) {
  const dir = path.join(work, `x${scale}`);
  for (let copy = 0; copy < scale; copy++) cpSync(source, path.join(dir, `copy-${copy}`), { recursive: true });
  if (quick) return dir;
  const git = (...gitArgs) => execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...gitArgs], { cwd: dir, env: GIT_ENV, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const changed = listFiles(path.join(dir, 'copy-0')).filter((file) => /\.ya?ml$/.test(file)).sort()[0];
  writeFileSync(changed, readFileSync(changed, 'utf8').replace(/\bfor: (\S+)/, 'for: 7m'));
  git('commit', '-q', '-am', 'head: one rule changed');
  return dir;
}

function nodeBinary(major) {
  if (process.versions.node.split('.')[0] === major) return process.execPath;
  try {
    const out = execFileSync('npx', ['-y', '-p', `node@${major}`, 'node', '-p', 'process.execPath'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.trim().split('\n').pop().trim();
  } catch (error) {
    fail(`cannot get Node ${major} via npx: ${error.message.split('\n')[0]}`);
  }
}

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

/** A new, empty RUNNER_TEMP: a run in it starts with an empty compile cache. */
function freshTemp() {
  return mkdtempSync(path.join(work, 'runner-temp-'));
}

/** Runs a command once: wall seconds, and peak RSS in bytes when /usr/bin/time is there. */
function timed(command, commandArgs, okCodes, env = {}) {
  const argv = timeBin ? [timeBin, '-v', command, ...commandArgs] : [command, ...commandArgs];
  const started = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) fail(`${command}: ${result.error.message}`);
  if (!okCodes.includes(result.status)) fail(`${path.basename(command)} ${commandArgs.slice(0, 3).join(' ')} … exited ${result.status}:\n${result.stderr.slice(-2000)}`);
  const kib = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '')?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr ?? '')?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr ?? '')?.[1];
  return { wall, rss: kib ? Number(kib) * 1024 : undefined, cpu: user && system ? Number(user) + Number(system) : undefined };
}

function measure(n, run) {
  return summarise(Array.from({ length: n }, run));
}

/** Median wall and CPU time, highest peak RSS. */
function summarise(results) {
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
    if (name === '.git') return [];
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? listFiles(file) : [file];
  });
}

function version(binary, flag) {
  const result = spawnSync(binary, [flag], { encoding: 'utf8' });
  return /v?(\d+\.\d+\.\d+)/.exec(`${result.stdout}${result.stderr}`)?.[1] ?? '';
}

function figures(run, rules) {
  return `${s(run.wall)} (cpu ${cpu(run)}) ${Math.round(rules / run.wall).toLocaleString('en-US')} rules/s ${mib(run.rss)}`;
}

function cpu(run) {
  return run.cpu === undefined ? 'n/a' : s(run.cpu);
}

function loadAverage(load) {
  return load.map((value) => value.toFixed(1)).join(' ');
}

function s(seconds) {
  return seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`;
}

function mib(bytes) {
  return bytes ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : 'RSS n/a';
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
