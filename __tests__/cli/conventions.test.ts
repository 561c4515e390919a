// CLI conventions: a usage error is one line and a pointer to --help; unknown flags get "did you
// mean" in our words (never Node's parser message); `--output -` is stdout; colour only on a TTY
// without NO_COLOR; --version, -V and `version`; a DIR that is missing, a device or a FIFO is a
// usage error naming it, while a single regular file is checked.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli.js';
import { TOOL_VERSION } from '../../src/run.js';
import { workspace } from '../helpers/workspace.js';
import { cli as runCapturedCli } from '../helpers/cli.js';

const cli = (args: string[], io: Partial<CliIo> = {}) => runCapturedCli(args, { env: {}, ...io });

const POINTER = "Run 'slo-gate --help' for the commands and options.";
const failing = { 'rules.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n' };
// One warning (no `summary` annotation, which the config requires) and no error.
const warningOnly = {
  'rules.yml': 'groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n        labels: { severity: page }\n',
  '.slo-gate.yml': 'alerts:\n  required-annotations: [summary]\n',
};

async function usageError(args: string[]): Promise<string> {
  const result = await cli(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines).toHaveLength(3); // the line, the pointer, the final newline
  expect(lines[1]).toBe(POINTER);
  return lines[0];
}

describe('usage errors', () => {
  it('print one line and a pointer to --help, not the whole help', async () => {
    expect(await usageError(['check', '.', '--format', 'xml'])).toBe('slo-gate: --format must be text, json, markdown, sarif, html, not "xml"');
    expect(await usageError([])).toBe('slo-gate: missing command (slo-gate check [DIR])');
    expect(await usageError(['chek'])).toBe('slo-gate: unknown command "chek" — did you mean check?');
    expect(await usageError(['check', 'a', 'b'])).toBe('slo-gate: unexpected argument "b"');
  });

  it('name an unknown flag with the nearest known one, in our words', async () => {
    expect(await usageError(['check', '--fromat', 'json'])).toBe('slo-gate: unknown option --fromat — did you mean --format?');
    expect(await usageError(['check', '--fail-om=warning'])).toBe('slo-gate: unknown option --fail-om — did you mean --fail-on?');
    expect(await usageError(['check', '--prometheus-header', 'X: y'])).toBe('slo-gate: unknown option --prometheus-header — did you mean --prometheus-headers?');
    expect(await usageError(['check', '--wibble'])).toBe('slo-gate: unknown option --wibble');
    expect(await usageError(['check', '-x'])).toBe('slo-gate: unknown option -x');
    for (const args of [['check', '--fromat'], ['check', '-q'], ['check', '--format'], ['check', '--all-findings=yes']]) {
      const { stderr } = await cli(args);
      expect(stderr).not.toMatch(/To specify a positional argument|argument is ambiguous|ERR_PARSE_ARGS/);
    }
  });

  it('say which flag misses its value or takes none', async () => {
    expect(await usageError(['check', '--format'])).toBe('slo-gate: --format needs a value');
    expect(await usageError(['check', '--config', '--all-findings'])).toBe('slo-gate: --config needs a value (for one that starts with "-", write --config=--all-findings)');
    expect(await usageError(['check', '--all-findings=yes'])).toBe('slo-gate: --all-findings takes no value');
  });

  it('validate fail-on in one place: notice fails on any finding, and the message names every value', async () => {
    expect(await usageError(['check', '--fail-on', 'info'])).toBe('slo-gate: --fail-on must be error, warning, notice (any finding) or never, not "info"');
    const dir = await workspace(warningOnly);
    expect((await cli(['check', dir, '--fail-on', 'error'])).code).toBe(0);
    const notice = await cli(['check', dir, '--fail-on', 'notice']);
    expect(notice.code).toBe(1);
    expect(notice.stdout).toContain('warning alert/required');
  });
});

describe('paths', () => {
  it('a missing DIR, a device and a FIFO are usage errors naming the path; a regular file is checked', async () => {
    expect(await usageError(['check', '/nonexistent/slo-gate'])).toBe('slo-gate: /nonexistent/slo-gate does not exist');
    expect(await usageError(['check', '/dev/zero'])).toBe('slo-gate: /dev/zero is not a directory or a regular file');
    const dir = await workspace({});
    const fifo = path.join(dir, 'pipe.yml');
    execFileSync('mkfifo', [fifo]);
    expect(await usageError(['check', fifo])).toBe(`slo-gate: ${fifo} is not a directory or a regular file`);
    const file = path.join(await workspace(failing), 'rules.yml');
    const single = await cli(['check', file]);
    expect(single.code).toBe(1);
    expect(single.stdout).toContain('rules.yml:4:9  error   rule/schema');
  });
});

describe('output', () => {
  it('--output - writes the report to stdout', async () => {
    const dir = await workspace(failing);
    const result = await cli(['check', dir, '--format', 'json', '--output', '-']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).result).toBe('fail');
    expect(result.stderr).toBe('');
    await expect(readFile(path.join(process.cwd(), '-'))).rejects.toThrow(/ENOENT/);
  });

  it('colours severities and the verdict on a terminal only, never with NO_COLOR or when piped', async () => {
    const dir = await workspace(failing);
    const tty = await cli(['check', dir], { stdoutIsTTY: true });
    expect(tty.stdout).toContain('  \u001b[31merror\u001b[0m   rule/schema  ');
    expect(tty.stdout).toContain('slo-gate \u001b[1;31mFAILED\u001b[0m: 1 error');
    expect(tty.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe((await cli(['check', dir])).stdout);
    for (const io of [{ stdoutIsTTY: false }, { stdoutIsTTY: true, env: { NO_COLOR: '1' } }, { stdoutIsTTY: true, env: { TERM: 'dumb' } }]) {
      expect((await cli(['check', dir], io)).stdout).not.toContain('\u001b');
    }
    expect((await cli(['check', dir, '--format', 'markdown'], { stdoutIsTTY: true })).stdout).not.toContain('\u001b');
  });

  it('file text never gets to colour: a check-like word inside a message stays plain', async () => {
    const dir = await workspace({ 'rules.yml': 'groups:\n  - name: "x  error rule/schema  y"\n    rules:\n      - record: job:up:sum\n' });
    const { stdout } = await cli(['check', dir], { stdoutIsTTY: true });
    expect(stdout.match(/\u001b\[31m/g)).toHaveLength(1);
  });
});

describe('version', () => {
  it('--version, -V and the version command print the version', async () => {
    for (const args of [['--version'], ['-V'], ['version'], ['check', '-V']]) {
      expect(await cli(args)).toEqual({ code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' });
    }
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('-V, --version');
  });
});
