// The CLI shell: parse argv, run the check, print the report, choose the exit code.

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseMinAvailability } from '../config/config.js';
import type { Config } from '../config/config.js';
import { renderJson, renderJsonChunks } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import type { FailOn } from '../report/report.js';
import { liveSecrets, parseLiveSettings } from '../live/settings.js';
import { processSecrets, registerSecret } from '../secrets/scrubber.js';
import { guardJson, guardLines, stopCommandsToken, terminalLine } from '../render/terminal.js';
import { ConfigError, runCheck, TOOL_VERSION } from '../run-check.js';
import { parseConcurrency } from './concurrency.js';

export const USAGE = `Usage: slo-gate check [DIR] [options]

Validates SLO policies, Prometheus rules and Grafana dashboards under DIR (default: .).

Options:
  --format text|json|markdown   report format (default: text)
  --output FILE                 write the report to FILE instead of stdout
  --config FILE                 configuration file (default: DIR/.slo-gate.yml when present)
  --fail-on error|warning|never which findings fail the check (default: error)
  --min-availability PERCENT    lowest availability target allowed (default: 99.9)
  --base REF                    compare with commit REF: fail only on new findings, report policy changes
  --all-findings                with --base: fail on every finding, not only new ones
  --changed-files-only          with --base: list findings only for changed files and the files linked to them
  --prometheus-url URL          live mode: measure each SLO's error budget and burn rate on this Prometheus API
  --prometheus-headers 'N: V'   request header (repeatable; or env SLO_GATE_PROMETHEUS_HEADERS, one per line)
  --prometheus-timeout DURATION timeout per query (default: 30s)
  --live-fail-on exhausted|burning|never
                                when live results fail the check (default: exhausted)
  --live-time-budget DURATION   longest the whole live run may take (default: 2m)
  --live-concurrency N          SLOs measured at once (default: 4)
  --live-max-response-mb N      largest answer read for one live query (default: 8)
  --debug                       print every live query to stderr (never a header value)
  --concurrency N|auto          threads reading files (default: 1; auto: every core from 2,000 files on)
  --cache[=DIR]                 keep each file's outcome in DIR (default: .slo-gate-cache) and reuse it
                                while the file is unchanged (default: off)
  -h, --help                    show this help
  --version                     print the version

Exit status: 0 passed, 1 failed, 2 usage error or internal fault.`;

export class UsageError extends Error {}

export const DEFAULT_CACHE_DIR = '.slo-gate-cache';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The bundle a file worker thread runs (dist/cli.js itself); without it files are read on one thread. */
  workerScript?: URL;
  /** stdout is redirected to a file (`> report.md`, `>> $GITHUB_STEP_SUMMARY`): the runner does not read it as a log. */
  stdoutIsFile?: boolean;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Everything printed may carry text from the checked files: no raw control character, no line
  // that starts a workflow command, no secret.
  const raw = io;
  io = { ...raw, stdout: (text) => raw.stdout(guardLines(text)), stderr: (text) => raw.stderr(guardLines(processSecrets.scrub(text))) };
  let parsed;
  try {
    parsed = parseArgs({
      // `--cache` takes its directory only as `--cache=DIR`: `--cache DIR` would be ambiguous with the checked DIR.
      args: argv.map((arg) => (arg === '--cache' ? `--cache=${DEFAULT_CACHE_DIR}` : arg)),
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        config: { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        'min-availability': { type: 'string' },
        base: { type: 'string' },
        'all-findings': { type: 'boolean' },
        'changed-files-only': { type: 'boolean' },
        'prometheus-url': { type: 'string' },
        'prometheus-headers': { type: 'string', multiple: true },
        'prometheus-timeout': { type: 'string' },
        'live-fail-on': { type: 'string' },
        'live-time-budget': { type: 'string' },
        'live-concurrency': { type: 'string' },
        'live-max-response-mb': { type: 'string' },
        debug: { type: 'boolean' },
        concurrency: { type: 'string', default: '1' },
        cache: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.stderr(`slo-gate: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  try {
    const [command, dir = '.', ...extra] = positionals;
    if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const format = values.format!;
    if (!['text', 'json', 'markdown'].includes(format)) throw new UsageError(`--format must be text, json or markdown, not "${format}"`);
    const failOn = values['fail-on']! as FailOn;
    if (!['error', 'warning', 'notice', 'never'].includes(failOn)) throw new UsageError(`--fail-on must be error, warning or never, not "${failOn}"`);
    const overrides: Partial<Config> = {};
    if (values['min-availability'] !== undefined) {
      overrides.minAvailability = parseMinAvailability(values['min-availability'], () => new UsageError(`--min-availability must be a percent such as 99.9, not "${values['min-availability']}"`));
    }
    if (values.base === '' || ((values['all-findings'] || values['changed-files-only']) && values.base === undefined)) {
      throw new UsageError('--all-findings and --changed-files-only need --base REF');
    }
    const diff = values.base === undefined ? undefined : { base: values.base, newFindingsOnly: !values['all-findings'], changedFilesOnly: values['changed-files-only'] ?? false };
    const live = parseLiveSettings(
      {
        url: values['prometheus-url'],
        headers: [...(values['prometheus-headers'] ?? []), process.env.SLO_GATE_PROMETHEUS_HEADERS ?? ''].join('\n'),
        timeout: values['prometheus-timeout'],
        failOn: values['live-fail-on'],
        budget: values['live-time-budget'],
        concurrency: values['live-concurrency'],
        maxResponseMb: values['live-max-response-mb'],
      },
      (message) => new UsageError(message),
      '--',
    );
    // Registered before anything runs: the report is scrubbed of them, whatever the backend echoes.
    for (const secret of live ? liveSecrets(live) : []) registerSecret(secret);
    const concurrency = parseConcurrency(values.concurrency!, (message) => new UsageError(message));
    const engine = { concurrency, workerScript: io.workerScript };
    if (values.cache === '') throw new UsageError('--cache= needs a directory (or use --cache alone)');
    // Quiet unless asked: --debug shows each request live mode sends.
    const logged = live && values.debug ? { ...live, log: (message: string) => io.stderr(`slo-gate: debug: ${terminalLine(message)}\n`) } : live;
    const { report, cacheNotices } = await runCheck({ root: dir, configFile: values.config, overrides, failOn, diff, live: logged, engine, cacheDir: values.cache });
    for (const notice of cacheNotices) io.stderr(`slo-gate: notice: ${terminalLine(notice)}\n`);
    if (report.diff?.unavailable) io.stderr(`slo-gate: notice: not compared with ${terminalLine(report.diff.baseRef)}: ${terminalLine(report.diff.unavailable)}; checked the head alone\n`);
    const rendered = () => (format === 'json' ? renderJson(report) : format === 'markdown' ? renderMarkdown(report) : renderText(report));
    if (values.output) {
      await writeFile(values.output, format === 'json' ? renderJsonChunks(report) : rendered());
      io.stderr(`slo-gate: ${report.result === 'pass' ? 'passed' : 'failed'}; report written to ${values.output}\n`);
    } else {
      // Inside Actions, the runner reads stdout for workflow commands: it is told to stop while the
      // report is printed, with a token no file can know. JSON is left as it is, for pipes.
      const token = process.env.GITHUB_ACTIONS === 'true' && format !== 'json' && !raw.stdoutIsFile ? stopCommandsToken() : undefined;
      const text = format === 'json' ? guardJson(rendered()) : guardLines(rendered());
      raw.stdout(token ? `::stop-commands::${token}\n${text}::${token}::\n` : text);
    }
    return report.result === 'pass' ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`slo-gate: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr(`${terminalLine(error.file)}:${error.line}${error.column ? `:${error.column}` : ''}: ${terminalLine(error.message)}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      io.stderr(`slo-gate: no such file or directory: ${(error as NodeJS.ErrnoException).path ?? ''}\n`);
      return 2;
    }
    io.stderr(`slo-gate: internal error: ${terminalLine((error as Error)?.message?.split('\n')[0] ?? String(error))}\n`);
    return 2;
  }
}
