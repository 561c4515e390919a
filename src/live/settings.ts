// Live-mode settings as both front doors receive them (action inputs, CLI flags): strings in, checked
// LiveSettings out. Messages name the setting, never a header value.

import { parseDuration } from '../model/units.js';
import { basicCredential } from '../secrets/scrubber.js';
import { parseHeaders } from './client.js';
import { LIVE_DEFAULTS, type LiveSettings } from './run-live.js';
import type { LiveFailOn } from './types.js';

export interface LiveInputs {
  url?: string;
  headers?: string;
  timeout?: string;
  failOn?: string;
  /** Total time budget for the live run. */
  budget?: string;
  concurrency?: string;
  /** Largest answer per query, MiB. */
  maxResponseMb?: string;
}

/** Undefined when no URL is given: live mode is off. `fail` turns a message into the door's error type. */
export function parseLiveSettings(inputs: LiveInputs, fail: (message: string) => Error, prefix = ''): LiveSettings | undefined {
  const url = inputs.url?.trim();
  if (!url) return undefined;
  const failOn = (inputs.failOn?.trim() || LIVE_DEFAULTS.failOn) as LiveFailOn;
  if (!['exhausted', 'burning', 'never'].includes(failOn)) throw fail(`${prefix}live-fail-on must be exhausted, burning or never, not "${failOn}"`);
  let headers: Record<string, string>;
  try {
    headers = parseHeaders(inputs.headers);
  } catch (error) {
    throw fail(`${prefix}${(error as Error).message}`);
  }
  const seconds = (name: string, text: string | undefined, fallback: number) => {
    if (!text?.trim()) return fallback;
    const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : parseDuration(text);
    if (value === undefined || !(value > 0)) throw fail(`${prefix}${name} must be a duration such as 30s or 2m, not "${text}"`);
    return value;
  };
  const concurrency = inputs.concurrency?.trim() ? Number(inputs.concurrency) : LIVE_DEFAULTS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw fail(`${prefix}live-concurrency must be a whole number from 1 to 64`);
  const maxResponseMb = inputs.maxResponseMb?.trim() ? Number(inputs.maxResponseMb) : LIVE_DEFAULTS.maxResponseMb;
  if (!(maxResponseMb > 0 && maxResponseMb <= 1024)) throw fail(`${prefix}live-max-response-mb must be a number of MiB over 0 and at most 1024, such as 8`);
  try {
    new URL(url);
  } catch {
    throw fail(`${prefix}prometheus-url is not a URL (expected e.g. http://prometheus:9090)`);
  }
  if (!/^https?:$/.test(new URL(url).protocol)) throw fail(`${prefix}prometheus-url must be an http or https URL`);
  return {
    url,
    headers,
    timeoutSeconds: seconds('prometheus-timeout', inputs.timeout, LIVE_DEFAULTS.timeoutSeconds),
    budgetSeconds: seconds('live-time-budget', inputs.budget, LIVE_DEFAULTS.budgetSeconds),
    failOn,
    concurrency,
    maxResponseBytes: Math.round(maxResponseMb * 1024 * 1024),
  };
}

/**
 * Everything in the settings a log or report must never show: header values, URL credentials and
 * the Basic credential the client builds from them (a backend that echoes headers echoes that one).
 */
export function liveSecrets(settings: LiveSettings): string[] {
  const url = new URL(settings.url);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const basic = user || password ? [basicCredential(user, password), Buffer.from(`${user}:${password}`).toString('base64')] : [];
  return [...Object.values(settings.headers ?? {}), password, url.password, ...basic].filter((value) => value.length > 0);
}
