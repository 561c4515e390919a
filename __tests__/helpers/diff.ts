// Policy-change checks compare two trees: the real engine runs over a base and a head folder.

import { mergeConfig, type Config } from '../../src/config/config.js';
import { compareTrees, type Approval } from '../../src/diff/compare.js';
import { runEngine } from '../../src/engine/engine.js';
import type { Finding } from '../../src/model/findings.js';
import { workspace } from './workspace.js';

export async function diffFindingsOf(
  checkId: string,
  base: Record<string, string>,
  head: Record<string, string>,
  options: { config?: Partial<Config>; approval?: Approval } = {},
): Promise<Finding[]> {
  const config = mergeConfig(options.config);
  const [baseRoot, headRoot] = [await workspace(base), await workspace(head)];
  const outcome = await compareTrees(baseRoot, headRoot, config, await runEngine(headRoot, config), { changedFilesOnly: false, approval: options.approval });
  return outcome.findings.filter((finding) => finding.check === checkId);
}

/** `file:line:col message`, or `file message` for a file that is gone. */
export function described(finding: Finding): string {
  const where = finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : '';
  return `${finding.file}${where} ${finding.message}`;
}
