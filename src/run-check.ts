// What both shells do: settle the configuration, run the engine, build the report.

import path from 'node:path';
import { ConfigError, DEFAULT_CONFIG_FILE, loadConfig, mergeConfig, type Config } from './config/config.js';
import { runEngine, type EngineResult } from './engine.js';
import { buildReport, type FailOn, type Report } from './report/report.js';
import packageJson from '../package.json' with { type: 'json' };

export const TOOL_VERSION: string = packageJson.version;

export interface CheckOptions {
  root: string;
  /** Config file; relative paths are relative to the root. Missing default file is fine, a named one must exist. */
  configFile?: string;
  /** Settings from flags or action inputs; they win over the config file. */
  overrides?: Partial<Config>;
  failOn: FailOn;
}

export interface CheckRun {
  config: Config;
  engine: EngineResult;
  report: Report;
}

export async function runCheck(options: CheckOptions): Promise<CheckRun> {
  const root = path.resolve(options.root);
  const named = options.configFile !== undefined && options.configFile !== '';
  const configPath = path.resolve(root, named ? options.configFile! : DEFAULT_CONFIG_FILE);
  const display = path.relative(root, configPath).split(path.sep).join('/') || DEFAULT_CONFIG_FILE;
  const fromFile = await loadConfig(configPath, display, named);
  const config = mergeConfig(fromFile, options.overrides);
  const engine = await runEngine(root, config);
  const report = buildReport(engine, { failOn: options.failOn, toolVersion: TOOL_VERSION });
  return { config, engine, report };
}

export { ConfigError };
