// The approval path for policy changes: a pull request label. Who approved is read from the
// event payload only. A pull request's labels do not say who added them; the `labeled` event
// does (its `sender` added its `label`). On other events (a later push) the approver is not
// known without an API call, and the report says "approved by label" without a name.
// Workflows that want the name listen to `pull_request: types: [labeled]` as well.

import type { Approval } from './compare.js';

export function approvalFromEvent(payload: unknown, label: string): Approval | undefined {
  if (!label || typeof payload !== 'object' || payload === null) return undefined;
  const event = payload as { action?: unknown; label?: { name?: unknown }; sender?: { login?: unknown }; pull_request?: { labels?: unknown } };
  const labels = Array.isArray(event.pull_request?.labels) ? (event.pull_request!.labels as { name?: unknown }[]) : [];
  // GitHub label names are unique regardless of case.
  const same = (name: unknown) => typeof name === 'string' && name.toLowerCase() === label.toLowerCase();
  if (!labels.some((entry) => same(entry?.name))) return undefined;
  const labelledNow = event.action === 'labeled' && same(event.label?.name) && typeof event.sender?.login === 'string';
  return labelledNow ? { label, by: event.sender!.login as string } : { label };
}
