// What a workflow event says about comparing with a base: only pull requests have one.

import { readFileSync } from 'node:fs';
import { approvalFromEvent } from './approval.js';
import type { DiffRequest } from './compare.js';

export interface DiffInputs {
  newFindingsOnly: boolean;
  changedFilesOnly: boolean;
  allowLabel: string;
}

/** The base comparison for this event, or undefined when the event is not a pull request. */
export function diffRequestFromEvent(eventName: string | undefined, eventPath: string | undefined, inputs: DiffInputs): DiffRequest | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined;
  let payload: { pull_request?: { base?: { sha?: unknown } } };
  try {
    payload = JSON.parse(readFileSync(eventPath ?? '', 'utf8'));
  } catch {
    return undefined;
  }
  const base = payload?.pull_request?.base?.sha;
  if (typeof base !== 'string' || !/^[0-9a-f]{40,64}$/.test(base)) return undefined;
  return { base, newFindingsOnly: inputs.newFindingsOnly, changedFilesOnly: inputs.changedFilesOnly, approval: approvalFromEvent(payload, inputs.allowLabel), ...(inputs.allowLabel ? { allowLabel: inputs.allowLabel } : {}) };
}
