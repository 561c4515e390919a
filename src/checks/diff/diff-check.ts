// The contract of a policy-change check. Unlike a model check, it sees two models — the pull
// request's base and its head — and reports decisions (a lowered target, a deleted alert) rather
// than defects in one file. Findings point at the head file; a thing that was deleted points at
// the line where it used to be, or at the file alone when the whole file is gone.

import type { CheckFinding } from '../check.js';
import type { Config } from '../../config/config.js';
import type { Severity } from '../../model/findings.js';
import type { Model, Position } from '../../model/types.js';

export interface DiffContext {
  config: Config;
  report(finding: CheckFinding): void;
  /**
   * Where a base position is in the head file: its own line when that line survived, else the
   * line where it was deleted. Undefined when the file is gone from the head.
   */
  headPosition(file: string, base: Position): Position | undefined;
}

export interface DiffCheck {
  /** Stable id, `diff/name`; docs live at docs/checks/<id>.md. */
  id: string;
  severity: Severity;
  /** One line: what the check catches. */
  description: string;
  compare(base: Model, head: Model, context: DiffContext): void;
}
