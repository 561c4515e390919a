// `slo-gate baseline [DIR] [--output FILE]`: the first step of adopting slo-gate on a repository
// that has findings already. It writes their fingerprints to `.slo-gate-baseline.json` (or FILE);
// committed, the file makes the gate fail only on findings that are not in it.

import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { baselineOf, DEFAULT_BASELINE_FILE, renderBaseline } from '../findings/baseline.js';
import { pathForPeople, runCheck, TOOL_VERSION } from '../run.js';
import type { CliIo } from './cli.js';
import type { CliOptions } from './args.js';

export async function writeBaseline(options: CliOptions, io: Pick<CliIo, 'stdout' | 'stderr'>): Promise<number> {
  const { report } = await runCheck({ ...options, failOn: 'never', baseline: false });
  const baseline = baselineOf(report.findings, `slo-gate ${TOOL_VERSION}`);
  // Checking one file: its directory holds the baseline, as it holds the config.
  const home = statSync(options.root).isFile() ? path.dirname(options.root) : options.root;
  const file = options.output ?? path.join(home, DEFAULT_BASELINE_FILE);
  const text = renderBaseline(baseline);
  if (file === '-') io.stdout(text);
  else await writeFile(file, text);
  const findings = baseline.findings.reduce((sum, entry) => sum + entry.count, 0);
  const suppressed = report.adoption?.suppressed ?? 0;
  io.stderr(
    `slo-gate: baseline of ${findings} finding(s) in ${baseline.findings.length} entr${baseline.findings.length === 1 ? 'y' : 'ies'}${suppressed ? ` (${suppressed} suppressed finding(s) need none)` : ''}${file === '-' ? '' : ` written to ${pathForPeople(path.resolve(file))}`}; commit it, and the gate fails only on new findings\n`,
  );
  return 0;
}
