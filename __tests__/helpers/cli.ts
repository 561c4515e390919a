// The CLI run in-process, its output captured: what each CLI test checks.

import { runCli, type CliIo } from '../../src/cli/cli.js';

export async function cli(args: string[], io: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...io });
  return { code, stdout, stderr };
}
