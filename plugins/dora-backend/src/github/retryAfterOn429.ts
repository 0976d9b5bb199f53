import type { Octokit } from '@octokit/core';

export interface RetryAfterOn429Options {
  /** Longest wait honoured, in seconds; a longer `retry-after` fails the request now. */
  maxWaitSeconds: number;
  /** Milliseconds per second of wait: 1000, smaller only in tests. */
  secondMs: number;
  retries: number;
}

/**
 * GitHub answers a rate-limited request with 403 *or 429*. plugin-throttling (v6 with
 * Octokit 19) only retries 403s, and plugin-retry retries a 429 on its own 1 s/4 s/9 s
 * schedule, ignoring `retry-after`. This plugin, installed outermost, makes a 429 wait as
 * GitHub's docs say: `retry-after` seconds; else until `x-ratelimit-reset` when
 * `x-ratelimit-remaining` is 0; else one minute.
 */
export function retryAfterOn429(octokit: Octokit, octokitOptions: Record<string, unknown>) {
  const options = (octokitOptions as { retryAfterOn429?: RetryAfterOn429Options }).retryAfterOn429 ?? { maxWaitSeconds: 15 * 60, secondMs: 1000, retries: 3 };
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const failure = error as { status?: number; response?: { headers: Record<string, string | undefined> } };
        if (failure.status !== 429 || attempt >= options.retries) throw error;
        const wait = waitSeconds(failure.response?.headers ?? {});
        if (wait > options.maxWaitSeconds) throw error;
        octokit.log.warn(`GitHub answered 429; retrying ${requestOptions.url} in ${wait} s`);
        await new Promise(resolve => setTimeout(resolve, wait * options.secondMs));
      }
    }
  });
}

function waitSeconds(headers: Record<string, string | undefined>): number {
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter;
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(reset)) return Math.max(0, Math.ceil(reset - Date.now() / 1000));
  }
  return 60;
}
