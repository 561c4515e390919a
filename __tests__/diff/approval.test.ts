import { describe, expect, it } from 'vitest';
import { approvalFromEvent } from '../../src/diff/approval.js';
import { pullRequestEvent } from '../support/action-runner.js';
import { OCTOCAT } from '../support/github-objects.js';

const LABEL = 'slo-change-approved';

describe('approval by label, from the event payload', () => {
  it('names who labelled on the labeled event, and nobody on later events', () => {
    expect(approvalFromEvent(pullRequestEvent({ action: 'labeled', label: LABEL, labels: [LABEL], sender: OCTOCAT }).payload, LABEL)).toEqual({ label: LABEL, by: 'octocat' });
    expect(approvalFromEvent(pullRequestEvent({ action: 'synchronize', labels: [LABEL], sender: OCTOCAT }).payload, LABEL)).toEqual({ label: LABEL });
    // Another label added while ours is on: the sender did not approve anything.
    expect(approvalFromEvent(pullRequestEvent({ action: 'labeled', label: 'docs', labels: [LABEL, 'docs'], sender: OCTOCAT }).payload, LABEL)).toEqual({ label: LABEL });
  });

  it('matches label names regardless of case, as GitHub does', () => {
    expect(approvalFromEvent(pullRequestEvent({ labels: ['SLO-Change-Approved'] }).payload, LABEL)).toEqual({ label: LABEL });
  });

  it('is absent without the label, after it was removed, and with no allow-label', () => {
    expect(approvalFromEvent(pullRequestEvent({ labels: ['docs'] }).payload, LABEL)).toBeUndefined();
    expect(approvalFromEvent(pullRequestEvent({ action: 'unlabeled', label: LABEL, labels: [] }).payload, LABEL)).toBeUndefined();
    expect(approvalFromEvent(pullRequestEvent({ labels: [LABEL] }).payload, '')).toBeUndefined();
    expect(approvalFromEvent(null, LABEL)).toBeUndefined();
  });
});
