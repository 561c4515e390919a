// The CLI's front door: parse the arguments, run the check, print the report, choose the exit code.

import { writeFile } from 'node:fs/promises';
import { renderJson, renderJsonChunks } from '../render/json.js';
import { guardJson, guardLines, stopCommandsToken, terminalLine } from '../render/terminal.js';
import { renderText } from '../render/text.js';
import type { Report } from '../report/report.js';
import type { Format } from './args.js';
import { fstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../options.js';
import { ConfigError, runCheck, TOOL_VERSION } from '../run.js';
import { processSecrets } from '../secrets/scrubber.js';
import { parseCliArgs } from './args.js';
import { writeBaseline } from './baseline.js';
import { colourText, wantsColour } from './colour.js';
import { USAGE, USAGE_POINTER } from './usage.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The bundle a file worker thread runs (dist/cli.js itself); without it files are read on one thread. */
  workerScript?: URL;
  /** stdout is redirected to a file (`> report.md`, `>> $GITHUB_STEP_SUMMARY`): the runner does not read it as a log. */
  stdoutIsFile?: boolean;
  /** stdout is a terminal: the text report may be coloured. */
  stdoutIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** The bundled CLI's start: this process's arguments and streams; `self` is the bundle, which file workers run too. */
export async function startCli(self: URL): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    workerScript: self,
    stdoutIsFile: isRegularFile(1),
    stdoutIsTTY: process.stdout.isTTY === true,
  });
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Everything printed may carry text from the checked files: no raw control character, no line
  // that starts a workflow command, no secret.
  const raw = io;
  io = { ...raw, stdout: (text) => raw.stdout(guardLines(text)), stderr: (text) => raw.stderr(guardLines(processSecrets.scrub(text))) };
  const env = raw.env ?? process.env;
  try {
    const parsed = await parseCliArgs(argv, env, io.workerScript);
    if (parsed.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (parsed.command === 'version') {
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    }
    const options = parsed.options;
    if (parsed.command === 'baseline') return await writeBaseline(options, io);
    // Quiet unless asked: --debug shows each request live mode sends.
    if (options.live && options.debug) options.live = { ...options.live, log: (message: string) => io.stderr(`slo-gate: debug: ${terminalLine(message)}\n`) };
    const { report, cacheNotices } = await runCheck(options);
    for (const notice of cacheNotices) io.stderr(`slo-gate: notice: ${terminalLine(notice)}\n`);
    if (report.diff?.unavailable) io.stderr(`slo-gate: notice: not compared with ${terminalLine(report.diff.baseRef)}: ${terminalLine(report.diff.unavailable)}; checked the head alone\n`);
    const format = options.format;
    const render = await renderFormat(report, format, options.root);
    if (options.output && options.output !== '-') {
      await writeFile(options.output, format === 'json' ? renderJsonChunks(report) : render());
      io.stderr(`slo-gate: ${report.result === 'pass' ? 'passed' : 'failed'}; report written to ${options.output}\n`);
    } else {
      // Inside Actions, the runner reads stdout for workflow commands: it is told to stop while the
      // report is printed, with a token no file can know. JSON is left as it is, for pipes.
      const json = format === 'json' || format === 'sarif';
      const token = env.GITHUB_ACTIONS === 'true' && !json && !raw.stdoutIsFile ? stopCommandsToken() : undefined;
      const guarded = json ? guardJson(render()) : guardLines(render());
      const text = format === 'text' && wantsColour(raw.stdoutIsTTY, env) ? colourText(guarded) : guarded;
      raw.stdout(token ? `::stop-commands::${token}\n${text}::${token}::\n` : text);
    }
    return report.result === 'pass' ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`slo-gate: ${error.message}\n${USAGE_POINTER}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      for (const problem of error.problems) io.stderr(`${terminalLine(error.file)}:${problem.line}${problem.column ? `:${problem.column}` : ''}: ${terminalLine(problem.message)}\n`);
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

/** The report as `format` says; the formats other than text and JSON are loaded when asked for. */
async function renderFormat(report: Report, format: Format, root: string): Promise<() => string> {
  switch (format) {
    case 'json':
      return () => renderJson(report);
    case 'markdown': {
      const { renderMarkdown } = await import('../render/markdown.js');
      return () => renderMarkdown(report);
    }
    case 'sarif': {
      const { renderSarif } = await import('../render/sarif.js');
      return () => `${JSON.stringify(renderSarif(report), null, 2)}\n`;
    }
    case 'html': {
      const { renderHtml } = await import('../render/html.js');
      return () => renderHtml(report);
    }
    default:
      return () => renderText(report, { path: fromCurrentDirectory(root) });
  }
}

/**
 * Report paths are relative to the checked directory (the file's directory when one file is
 * checked); a terminal opens `file:line:col` relative to where the command ran.
 */
function fromCurrentDirectory(root: string): (file: string) => string {
  let base = root;
  try {
    if (statSync(root).isFile()) base = path.dirname(root);
  } catch {
    // The root was checked before the run; if it is gone now, its own path is the best guess.
  }
  return (file) => {
    const relative = path.relative(process.cwd(), path.resolve(base, file)).split(path.sep).join('/');
    return relative === '' ? '.' : relative;
  };
}
