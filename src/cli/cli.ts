// The CLI's front door: parse the arguments, run the check, print the report, choose the exit code.

import { writeFile } from 'node:fs/promises';
import { renderJson, renderJsonChunks } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { guardJson, guardLines, stopCommandsToken, terminalLine } from '../render/terminal.js';
import { renderText } from '../render/text.js';
import { UsageError } from '../options.js';
import { ConfigError, runCheck, TOOL_VERSION } from '../run.js';
import { processSecrets } from '../secrets/scrubber.js';
import { parseCliArgs } from './args.js';
import { writeBaseline } from './baseline.js';
import { USAGE } from './usage.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The bundle a file worker thread runs (dist/cli.js itself); without it files are read on one thread. */
  workerScript?: URL;
  /** stdout is redirected to a file (`> report.md`, `>> $GITHUB_STEP_SUMMARY`): the runner does not read it as a log. */
  stdoutIsFile?: boolean;
  env?: NodeJS.ProcessEnv;
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
    const rendered = () => (format === 'json' ? renderJson(report) : format === 'markdown' ? renderMarkdown(report) : renderText(report));
    if (options.output) {
      await writeFile(options.output, format === 'json' ? renderJsonChunks(report) : rendered());
      io.stderr(`slo-gate: ${report.result === 'pass' ? 'passed' : 'failed'}; report written to ${options.output}\n`);
    } else {
      // Inside Actions, the runner reads stdout for workflow commands: it is told to stop while the
      // report is printed, with a token no file can know. JSON is left as it is, for pipes.
      const token = env.GITHUB_ACTIONS === 'true' && format !== 'json' && !raw.stdoutIsFile ? stopCommandsToken() : undefined;
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
