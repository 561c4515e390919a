// What both shells do: settle the configuration, run the engine, build the report.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, DEFAULT_CONFIG_FILE, loadConfig, mergeConfig, type Config } from './config/config.js';
import { compareWithBase, type DiffOutcome, type DiffRequest } from './diff/compare.js';
import { runEngine, type EngineOptions, type EngineResult } from './engine.js';
import { LIVE_CHECKS, runLive, type LiveRun, type LiveSettings } from './live/run-live.js';
import { buildReport as buildStaticReport, type FailOn, type Report } from './report/report.js';
import packageJson from '../package.json' with { type: 'json' };

export const TOOL_VERSION: string = packageJson.version;

export interface CheckOptions {
  root: string;
  /** Config file; relative paths are relative to the root. Missing default file is fine, a named one must exist. */
  configFile?: string;
  /** Settings from flags or action inputs; they win over the config file. */
  overrides?: Partial<Config>;
  failOn: FailOn;
  /** Compare with a base commit (pull requests, `--base`): new findings, policy changes. */
  diff?: DiffRequest;
  /** Measure each SLO's budget and burn rate on a Prometheus API (prometheus-url set). */
  live?: LiveSettings;
  /** Worker threads for large repositories (`concurrency`, and the bundle a worker runs). */
  engine?: Pick<EngineOptions, 'concurrency' | 'workerScript'>;
}

export interface CheckRun {
  config: Config;
  engine: EngineResult;
  report: Report;
  /** The comparison with the base, when one was asked for. */
  diff?: DiffOutcome;
  live?: LiveRun;
}

export async function runCheck(options: CheckOptions): Promise<CheckRun> {
  const root = path.resolve(options.root);
  // Checking a single file: its directory holds the configuration.
  const configDir = (await stat(root).catch(() => undefined))?.isFile() ? path.dirname(root) : root;
  const named = options.configFile !== undefined && options.configFile !== '';
  const configPath = path.resolve(configDir, named ? options.configFile! : DEFAULT_CONFIG_FILE);
  const display = path.relative(configDir, configPath).split(path.sep).join('/') || DEFAULT_CONFIG_FILE;
  const fromFile = await loadConfig(configPath, display, named);
  const config = mergeConfig(fromFile, options.overrides);
  const engine = await runEngine(root, config, options.engine);
  const live = options.live ? await runLive(engine.model, options.live, config) : undefined;
  // Live findings join after the comparison with the base: they are about the budget now, not the change.
  const buildReport: typeof buildStaticReport = (result, settings) =>
    buildStaticReport(live ? { ...result, findings: [...result.findings, ...live.findings], checks: [...result.checks, ...LIVE_CHECKS] } : result, { ...settings, live: live?.summary });
  if (!options.diff) return { config, engine, report: buildReport(engine, { failOn: options.failOn, toolVersion: TOOL_VERSION }), live };

  const request = options.diff;
  const diff = await compareWithBase(root, config, engine, request, options.engine);
  const settings = { baseRef: request.base, newFindingsOnly: request.newFindingsOnly, changedFilesOnly: request.changedFilesOnly, approval: request.approval };
  const report = diff.compared
    ? buildReport(
        { ...engine, findings: diff.findings, checks: [...engine.checks, ...diff.checks] },
        { failOn: options.failOn, toolVersion: TOOL_VERSION, diff: { ...settings, baseSha: diff.baseSha, resolved: diff.resolved } },
      )
    : buildReport(engine, { failOn: options.failOn, toolVersion: TOOL_VERSION, diff: { ...settings, unavailable: diff.reason, resolved: [] } });
  return { config, engine, report, diff, live };
}

export { ConfigError };
