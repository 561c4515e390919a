// What both front doors (src/action/, src/cli/) call: settle the configuration, run the engine,
// build the report.

import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, DEFAULT_CONFIG_FILE, loadConfig, mergeConfig, type Config } from './config/config.js';
import type { DiffOutcome, DiffRequest } from './diff/compare.js';
import { runEngine, type EngineOptions, type EngineResult } from './engine/engine.js';
import type { LiveRun } from './live/run-live.js';
import { withoutSuperseded } from './checks/live/rule-checks.js';
import type { RunOptions } from './options.js';
import { buildReport, type ComparisonSummary, type Report } from './report/report.js';
import { OutcomeStore, STORE_FORMAT } from './cache/outcome-store.js';
import type { FileOutcome } from './engine/file-stage.js';
import { codeIdentity, type OutcomeCache } from './engine/outcome-cache.js';
import { processSecrets } from './secrets/scrubber.js';
import { CHECKS } from './checks/index.js';
import { adoptFindings } from './findings/adopt.js';
import { BaselineError, DEFAULT_BASELINE_FILE, parseBaseline, type BaselineFile } from './findings/baseline.js';
import { SUPPRESSION_CHECK } from './findings/suppressions.js';
import { readRepositoryFile } from './parse/read.js';
import { CANONICAL_DOCS_BASE_URL } from './report/docs-url.js';
import packageJson from '../package.json' with { type: 'json' };

export const TOOL_VERSION: string = packageJson.version;

export interface CheckRun {
  config: Config;
  engine: EngineResult;
  report: Report;
  /** The comparison with the base, when one was asked for. */
  diff?: DiffOutcome;
  live?: LiveRun;
  /** What the user should know about the cache (a damaged cache file, one that could not be written). */
  cacheNotices: string[];
}

/** The outcome cache's file in a cache directory. */
export const CACHE_FILE = `outcomes-v${STORE_FORMAT}.bin`;

export async function runCheck(options: RunOptions): Promise<CheckRun> {
  const root = path.resolve(options.root);
  // Checking a single file: its directory holds the configuration.
  const configDir = (await stat(root).catch(() => undefined))?.isFile() ? path.dirname(root) : root;
  const named = options.configFile !== undefined && options.configFile !== '';
  const configPath = path.resolve(configDir, named ? options.configFile! : DEFAULT_CONFIG_FILE);
  // Errors name the file as the user would open it (from the current directory); findings about its
  // ignore: entries name it from the root, like every finding.
  const display = pathForPeople(configPath);
  const fromFile = await loadConfig(configPath, display, named, configDir, new Set(CHECKS.map((check) => check.meta.id)));
  const rootRelative = path.relative(configDir, configPath).split(path.sep).join('/');
  for (const entry of fromFile?.ignore ?? []) entry.position.file = rootRelative;
  const config = mergeConfig(fromFile, options.overrides);
  const cacheNotices: string[] = [];
  const cacheFile = options.cacheDir === undefined ? undefined : path.resolve(options.cacheDir, CACHE_FILE);
  let cache: OutcomeCache | undefined;
  const configHash = createHash('sha1').update(JSON.stringify(config)).digest('hex').slice(0, 16);
  if (cacheFile && options.cacheTransfer) await options.cacheTransfer.restore(configHash);
  if (cacheFile) {
    const loaded = OutcomeStore.load<FileOutcome>(cacheFile, { tool: codeIdentity(TOOL_VERSION) });
    if (loaded.notice) cacheNotices.push(loaded.notice);
    cache = loaded.store;
  }
  // A pull request's base takes the head's outcome of every file with the same bytes, also without a cache.
  const engineOptions: EngineOptions = { ...options.engine, cache, ...(options.diff ? { hashFiles: true } : {}) };
  const run = await checkWith(root, config, options, engineOptions);
  if (cacheFile && cache) {
    try {
      cache.save(cacheFile);
    } catch (error) {
      cacheNotices.push(`cannot write the cache file ${cacheFile} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next run starts cold`);
    }
    if (options.cacheTransfer) await options.cacheTransfer.save(configHash, treeHash(run.engine));
  }
  return { ...run, cacheNotices };
}

/** A hash of the checked files' paths and contents (sizes for files too large to read). */
function treeHash(engine: EngineResult): string {
  const hash = createHash('sha1');
  for (const file of engine.linked.model.files) hash.update(`${file.path}\0${engine.hashed?.get(file.path)?.hash ?? `${file.bytes} bytes`}\n`);
  return hash.digest('hex').slice(0, 16);
}

async function checkWith(root: string, config: Config, options: RunOptions, engineOptions: EngineOptions): Promise<Omit<CheckRun, 'cacheNotices'>> {
  const engine = await runEngine(root, config, engineOptions);
  // Live mode and the base comparison are loaded only by the runs that ask for them.
  const live = options.live ? await (await import('./live/run-live.js')).runLive(engine.linked, options.live, config) : undefined;
  const diff = options.diff ? await (await import('./diff/compare.js')).compareWithBase(root, config, engine, options.diff, engineOptions) : undefined;

  // One report from every finding of the run: the head's (classified when compared with the base),
  // the policy changes, then live findings — those are about the budget now, not the change.
  const compared = diff?.compared ? diff : undefined;
  const staticFindings = compared ? compared.findings : engine.findings;
  // Where the backend knows better than a name or a default, its live finding replaces the static one.
  const findings = live ? [...withoutSuperseded(staticFindings, engine.linked.model, live.summary.rules), ...live.findings] : staticFindings;
  const ran = [...engine.checks, ...(compared?.checks ?? []), ...(live?.checks ?? [])].map((check) => check.meta);
  const baseline = await loadBaseline(root, options.baseline);
  const adopted = adoptFindings(findings, {
    comments: engine.linked.model.suppressions,
    config,
    baseline,
    knownChecks: new Set([...CHECKS.map((check) => check.meta.id), SUPPRESSION_CHECK.id]),
    ranChecks: new Set(ran.map((meta) => meta.id)),
  });
  const checks = adopted.findings.some((finding) => finding.check === SUPPRESSION_CHECK.id) ? [...ran, SUPPRESSION_CHECK] : ran;
  // The report counts files from the cache only when a cache was asked for (a pull request's base uses one anyway).
  const cacheUse = options.cacheDir === undefined ? undefined : engine.cache;
  // Every renderer and publisher writes from the report: scrubbed here, no secret reaches any of them.
  const report = processSecrets.scrubDeep(
    buildReport(
      { linked: engine.linked, findings: adopted.findings, skipped: engine.skipped, checks, cache: cacheUse, baseline: adopted.baseline },
      {
        failOn: options.failOn,
        toolVersion: TOOL_VERSION,
        diff: diff && comparisonSummary(options.diff!, diff),
        live: live?.summary,
        docsBaseUrl: options.docsBaseUrl ?? CANONICAL_DOCS_BASE_URL,
      },
    ),
  );
  return { config, engine, report, diff, live };
}

/** A path as a terminal or editor opens it: relative to the current directory when inside it, else absolute. */
export function pathForPeople(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

/** The baseline named, or the default one at the root when it exists; a named one must exist and parse. */
async function loadBaseline(checked: string, option: string | false | undefined): Promise<{ name: string; file: BaselineFile } | undefined> {
  if (option === false) return undefined;
  // Checking a single file: its directory holds the baseline, as it holds the configuration.
  const root = (await stat(checked).catch(() => undefined))?.isFile() ? path.dirname(checked) : checked;
  const named = option !== undefined && option !== '';
  const file = path.resolve(root, named ? option : DEFAULT_BASELINE_FILE);
  const name = path.relative(root, file).split(path.sep).join('/');
  const read = await readRepositoryFile(file, root);
  if (!read.ok && read.missing && !named) return undefined;
  // Reported like a bad configuration: the file, and what is wrong with it.
  if (!read.ok) throw new ConfigError(pathForPeople(file), read.line, read.column, `cannot read the baseline: ${read.message}`);
  try {
    return { name, file: parseBaseline(read.text) };
  } catch (error) {
    if (error instanceof BaselineError) throw new ConfigError(pathForPeople(file), 1, undefined, error.message);
    throw error;
  }
}

function comparisonSummary(request: DiffRequest, diff: DiffOutcome): ComparisonSummary {
  const settings = {
    baseRef: request.base,
    newFindingsOnly: request.newFindingsOnly,
    changedFilesOnly: request.changedFilesOnly,
    approval: request.approval,
    ...(request.allowLabel ? { allowLabel: request.allowLabel } : {}),
  };
  return diff.compared ? { ...settings, baseSha: diff.baseSha, resolved: diff.resolved } : { ...settings, unavailable: diff.reason, resolved: [] };
}

export { ConfigError };
