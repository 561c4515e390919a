// Live-mode inputs of the action. Every header value (and any password in the URL) is registered
// with core.setSecret before anything else happens, so the runner masks it in every log line.

import * as core from '@actions/core';
import type { LiveSettings } from './run-live.js';
import { registerSecret } from '../secrets/scrubber.js';
import { liveSecrets, parseLiveSettings } from './settings.js';

export function readLiveInputs(fail: (message: string) => Error): LiveSettings | undefined {
  const headers = core.getInput('prometheus-headers');
  // Mask raw lines first: a malformed line is masked too, before parsing can complain about it.
  for (const line of headers.split(/\r?\n/)) {
    const value = line.slice(line.indexOf(':') + 1).trim();
    if (value) {
      core.setSecret(value);
      registerSecret(value);
    }
  }
  const settings = parseLiveSettings(
    {
      url: core.getInput('prometheus-url'),
      headers,
      timeout: core.getInput('prometheus-timeout'),
      failOn: core.getInput('live-fail-on'),
      budget: core.getInput('live-time-budget'),
      concurrency: core.getInput('live-concurrency'),
      maxResponseMb: core.getInput('live-max-response-mb'),
    },
    fail,
  );
  if (settings) {
    for (const secret of liveSecrets(settings)) {
      core.setSecret(secret);
      registerSecret(secret);
    }
  }
  // Every query in the step's debug log (shown with ACTIONS_STEP_DEBUG); the client never writes a header value.
  return settings && { ...settings, log: (message: string) => core.debug(message) };
}
