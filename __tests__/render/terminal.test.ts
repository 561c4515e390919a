/**
 * Workflow-command injection and terminal escapes through the CLI: file names, rule names and
 * SLO names carrying newlines, `::error::`, `::add-mask::`, `::stop-commands::`, ESC and OSC-8
 * links must come out as text. No printed line may start with `::` (the runner would run it),
 * no raw control byte may reach the terminal; inside Actions the report is printed between
 * `::stop-commands::<token>` and `::<token>::`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardLines, terminalLine } from '../../src/render/terminal.js';
import { runCli } from '../../src/cli/cli.js';
import { workspace } from '../helpers/workspace.js';

const ESC = '\u001b';
const OSC8 = `${ESC}]8;;https://evil.example${ESC}\\click me${ESC}]8;;${ESC}\\`;
const C1 = '\u009b31m';

const FILES = {
  // A file name with a newline and a workflow command in it (legal on Linux).
  'rules\n::add-mask::leak.yml': 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n',
  'alerts.yml': `groups:
  - name: g
    rules:
      - alert: "Down\\n::error file=x.yml,line=1::injected"
        expr: up == 0
      - alert: "Link \\e]8;;https://evil.example\\e\\\\click me\\e]8;;\\e\\\\ \\x9b31m"
        expr: up == 0
      - record: "a\\n::stop-commands::pwned"
`,
  'slo/api.yml': `version: prometheus/v1
service: api
slos:
  - name: "checkout\\n::warning::slo"
    objective: 99.9
    sli:
      events:
        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total[{{.window}}]))
    alerting:
      name: CheckoutBurn
      page_alert:
        disable: true
      ticket_alert:
        disable: true
`,
};

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function cli(args: string[], stdoutIsFile = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdoutIsFile });
  return { code, stdout, stderr };
}

function commandLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s*(::|##(vso)?\[)/.test(line));
}

describe('CLI output carries no workflow command and no control character from the files', () => {
  const saved = process.env.GITHUB_ACTIONS;
  beforeEach(() => {
    delete process.env.GITHUB_ACTIONS;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_ACTIONS;
    else process.env.GITHUB_ACTIONS = saved;
  });

  for (const format of ['text', 'markdown'] as const) {
    it(`${format}: every injected name stays text on its line`, async () => {
      const dir = await workspace(FILES);
      const run = await cli(['check', dir, '--format', format]);
      expect(run.code).toBe(1);
      const all = `${run.stdout}${run.stderr}`;
      expect(commandLines(all)).toEqual([]);
      expect(all).not.toMatch(RAW_CONTROL);
      // The names are there, written out rather than dropped.
      expect(all).toContain(format === 'text' ? 'Down\\n::error file=x.yml,line=1::injected' : 'Down ::error file=x.yml,line=1::injected');
      expect(all).toMatch(format === 'text' ? /\\x1b\]8;;https:\/\/evil\.example/ : /\\\\x1b\\\]8;;https:\/\/evil\.example/);
      expect(all).toContain(format === 'text' ? '\\x9b31m' : '\\\\x9b31m');
    });
  }

  it('inside Actions the report is printed between ::stop-commands:: and its token, and nothing else starts a command', async () => {
    process.env.GITHUB_ACTIONS = 'true';
    const dir = await workspace(FILES);
    const run = await cli(['check', dir]);
    const lines = run.stdout.trimEnd().split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0])?.[1];
    expect(token).toBeDefined();
    expect(lines.at(-1)).toBe(`::${token}::`);
    expect(commandLines(lines.slice(1, -1).join('\n'))).toEqual([]);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    // A fresh token every run: file text cannot know it in advance.
    const again = await cli(['check', dir]);
    expect(again.stdout.split('\n')[0]).not.toBe(lines[0]);
  });

  it('inside Actions, stdout redirected to a file (a job summary) and JSON are not wrapped', async () => {
    process.env.GITHUB_ACTIONS = 'true';
    const dir = await workspace(FILES);
    const toFile = await cli(['check', dir, '--format', 'markdown'], true);
    expect(toFile.stdout.startsWith('## ❌ ')).toBe(true);
    expect(commandLines(toFile.stdout)).toEqual([]);
    const json = await cli(['check', dir, '--format', 'json']);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    const report = JSON.parse(json.stdout) as { findings: { message: string }[] };
    // The names themselves are intact in the JSON: only their spelling on the terminal changed.
    expect(report.findings.map((f) => f.message).join('\n')).toContain('\u009b31m');
  });
});

describe('terminal escaping', () => {
  it('writes out control characters and keeps a field on one line', () => {
    expect(terminalLine(`a\nb\r\nc\rd${ESC}[31m\u0000\u009b\u2028\u202e`)).toBe('a\\nb\\nc\\rd\\x1b[31m\\x00\\x9b\\u2028\\u202e');
    expect(terminalLine('tab\tkept')).toBe('tab\tkept');
  });

  it('never lets a line start a workflow command', () => {
    expect(guardLines('ok\n::error::x\n  ::add-mask::y\n##[error]z\n##vso[task.setvariable]w\na::b')).toBe('ok\n\\x3a:error::x\n  \\x3a:add-mask::y\n\\x23#[error]z\n\\x23#vso[task.setvariable]w\na::b');
  });
});
