// The one REST client the publishers share. Transient failures (5xx, rate limits) are retried by the
// Octokit retry and throttling plugins, with bounds so a scheduled run never sleeps for an hour.

import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** Retries after a 5xx (1 s, 4 s, 9 s apart: the retry plugin's quadratic backoff). */
const SERVER_ERROR_RETRIES = 3;
/** Rate-limit retries, each after the wait GitHub asks for (`retry-after` / `x-ratelimit-reset`). */
const RATE_LIMIT_RETRIES = 2;
/** Longer waits than this are not worth holding a runner for: the publisher gives up with a warning. */
const LONGEST_RATE_LIMIT_WAIT_SECONDS = 90;

export function createGitHubClient(token: string, apiUrl: string): GitHubClient {
  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    const request = `${options.method ?? 'GET'} ${options.url ?? ''}`;
    if (retryCount >= RATE_LIMIT_RETRIES || retryAfter > LONGEST_RATE_LIMIT_WAIT_SECONDS) {
      core.info(`GitHub ${kind} rate limit on ${request}: not retrying (wait ${retryAfter} s, attempt ${retryCount + 1})`);
      return false;
    }
    core.info(`GitHub ${kind} rate limit on ${request}: retrying in ${retryAfter} s`);
    return true;
  };
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      // 429 is left to the throttling plugin, which waits as long as GitHub asks; the retry plugin
      // would come back after a fixed 1 s. Client errors are final, as in the plugin's defaults.
      retry: { retries: SERVER_ERROR_RETRIES, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      // Octokit would print through console: route its chatter to the step's debug log instead.
      log: { debug: core.debug, info: core.debug, warn: core.debug, error: core.debug },
    },
    retry,
    throttling,
  );
}

export interface HttpFailure {
  status?: number;
  message: string;
}

/** Status and first line of an Octokit RequestError (or any error), without headers that may carry the token. */
export function describeFailure(error: unknown): HttpFailure {
  const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : undefined;
  const message = String((error as Error)?.message ?? error).split('\n')[0];
  return { status, message };
}

/** What GITHUB_TOKEN writes as. Installation tokens may not ask `GET /user` who they are. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * The login this token writes as: `GET /user` answers for personal tokens; for installation tokens
 * (403) it is the Actions bot. A GitHub App's own installation token would write as `<slug>[bot]`,
 * which only the app's private key can reveal: such comments are then not recognised (a new one is written).
 */
export async function ownLogin(client: GitHubClient): Promise<string> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return ACTIONS_BOT_LOGIN;
  }
}
