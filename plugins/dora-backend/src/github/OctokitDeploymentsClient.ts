import { GithubCredentialsProvider } from '@backstage/integration';
import { LoggerService } from '@backstage/backend-plugin-api';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Octokit as CoreOctokit } from '@octokit/core';
import { Octokit } from '@octokit/rest';
import {
  ConditionalPage,
  GitHubCommitTime,
  GitHubDeployment,
  GitHubDeploymentsClient,
  GitHubDeploymentStatus,
  GitHubWorkflowRun,
  RepositoryRef,
} from './GitHubDeploymentsClient';
import { retryAfterOn429 } from './retryAfterOn429';

export interface OctokitClientOptions {
  /** e.g. `https://api.github.com`, or a GitHub Enterprise `/api/v3` address. */
  apiBaseUrl: string;
  /** The integration's host, used to ask the credentials provider for a token per repository. */
  host: string;
  credentials: GithubCredentialsProvider;
  logger: LoggerService;
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  /** Longest rate-limit wait honoured before the request fails (the next refresh retries). Default 15 min. */
  maxRateLimitWaitSeconds?: number;
  /** Milliseconds per second of `retry-after`: 1000 in production, less in tests. */
  secondMs?: number;
}

/** Counters for logs and the bench. */
export interface RequestCounters {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Of which answered 304 Not Modified (free against the rate limit). */
  notModified: number;
  /** Of which were rate limited (403/429) and waited. */
  rateLimited: number;
}

/** Innermost, so that every HTTP request is counted, retries included. */
function countRequests(octokit: CoreOctokit, options: Record<string, unknown>) {
  const counters = (options as { requestCounters?: RequestCounters }).requestCounters;
  if (!counters) return;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    counters.requests++;
    try {
      return await request(requestOptions);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 304) counters.notModified++;
      if (status === 429) counters.rateLimited++;
      throw error;
    }
  });
}

// Octokit applies plugins in order and each later hook wraps the earlier ones.
const LimitedOctokit = Octokit.plugin(countRequests, throttling, retry, retryAfterOn429);

/**
 * GitHub REST through Octokit: token or GitHub App credentials per repository from the
 * `integrations.github` config, `If-None-Match` on the listings, `Link`-header paging,
 * plugin-throttling for 403 rate limits (primary: wait for `x-ratelimit-reset`; secondary:
 * `retry-after`), plugin-retry for 5xx, and {@link retryAfterOn429} for 429s.
 */
export class OctokitDeploymentsClient implements GitHubDeploymentsClient {
  readonly counters: RequestCounters = { requests: 0, notModified: 0, rateLimited: 0 };
  private readonly octokit: Octokit;

  constructor(options: OctokitClientOptions) {
    const maxWait = options.maxRateLimitWaitSeconds ?? 15 * 60;
    const secondMs = options.secondMs ?? 1000;
    const onLimit = (kind: string) => (retryAfter: number, request: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
      this.counters.rateLimited++;
      const retrying = retryCount < 3 && retryAfter <= maxWait;
      options.logger.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}: ${retrying ? `retrying in ${retryAfter} s` : 'giving up until the next refresh'}`,
      );
      return retrying;
    };
    this.octokit = new LimitedOctokit({
      requestCounters: this.counters,
      retryAfterOn429: { maxWaitSeconds: maxWait, secondMs, retries: 3 },
      baseUrl: options.apiBaseUrl.replace(/\/$/, ''),
      // Node's fetch keeps connections alive (Octokit 19 defaults to node-fetch, which does not).
      request: { fetch: fetchWithTimeout(options.timeoutMs ?? 30_000) },
      log: {
        debug: () => {},
        info: () => {},
        warn: (message: string) => options.logger.warn(message),
        error: (message: string) => options.logger.error(message),
      },
      throttle: {
        retryAfterBaseValue: secondMs,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
      },
      // 429s are retried by retryAfterOn429, which honours retry-after.
      retry: { doNotRetry: [304, 400, 401, 403, 404, 409, 422, 429, 451], retryAfterBaseValue: secondMs },
    });
    this.octokit.hook.before('request', async requestOptions => {
      const { owner, repo } = requestOptions as { owner?: string; repo?: string };
      const { headers } = await options.credentials.getCredentials({
        url: `https://${options.host}/${owner}/${repo}`,
      });
      Object.assign(requestOptions.headers, headers ?? {});
    });
    // A gateway in front of GitHub may quote the token back in its error; the message is
    // logged, stored as the service's last error and shown.
    this.octokit.hook.error('request', async (error, requestOptions) => {
      const sent = Object.entries(requestOptions.headers ?? {})
        .filter(([name]) => name.toLowerCase() === 'authorization')
        .map(([, value]) => String(value));
      for (const value of sent) {
        for (const part of new Set([value, value.split(/\s+/).pop() ?? ''])) {
          if (part.length >= 6) error.message = error.message.split(part).join('<redacted>');
        }
      }
      throw error;
    });
  }

  async listDeployments(
    { owner, repo }: RepositoryRef,
    options: { environment: string; page: number; etag?: string },
  ): Promise<ConditionalPage<GitHubDeployment>> {
    return this.conditional(options.etag, headers =>
      this.octokit.request('GET /repos/{owner}/{repo}/deployments', {
        owner,
        repo,
        environment: options.environment,
        per_page: 100,
        page: options.page,
        headers,
      }),
    );
  }

  async listDeploymentStatuses(
    { owner, repo }: RepositoryRef,
    deploymentId: number,
    options: { etag?: string },
  ): Promise<ConditionalPage<GitHubDeploymentStatus>> {
    return this.conditional(options.etag, headers =>
      this.octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner,
        repo,
        deployment_id: deploymentId,
        per_page: 100,
        headers,
      }),
    );
  }

  async listWorkflowRuns(
    { owner, repo }: RepositoryRef,
    workflow: string,
    options: { page: number; etag?: string; branch?: string; event?: string },
  ): Promise<ConditionalPage<GitHubWorkflowRun>> {
    return this.conditional<GitHubWorkflowRun>(options.etag, async headers => {
      const response = await this.octokit.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
        owner,
        repo,
        workflow_id: workflow,
        per_page: 100,
        page: options.page,
        exclude_pull_requests: true,
        ...(options.branch ? { branch: options.branch } : {}),
        ...(options.event ? { event: options.event } : {}),
        headers,
      });
      return { ...response, data: response.data.workflow_runs };
    });
  }

  async compareCommits({ owner, repo }: RepositoryRef, base: string, head: string): Promise<GitHubCommitTime[]> {
    const commits: GitHubCommitTime[] = [];
    for (let page = 1; ; page++) {
      const response = await this.octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
        owner,
        repo,
        basehead: `${base}...${head}`,
        per_page: 100,
        page,
      });
      for (const commit of response.data.commits) {
        commits.push({ sha: commit.sha, committedAt: commitDate(commit.commit) });
      }
      if (!hasNextPage(response.headers.link)) return commits;
    }
  }

  async getDefaultBranch({ owner, repo }: RepositoryRef): Promise<string> {
    const response = await this.octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
    return response.data.default_branch;
  }

  async getCommit({ owner, repo }: RepositoryRef, sha: string): Promise<GitHubCommitTime> {
    const response = await this.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', { owner, repo, ref: sha });
    return { sha: response.data.sha, committedAt: commitDate(response.data.commit) };
  }

  private async conditional<T>(
    etag: string | undefined,
    send: (headers: Record<string, string>) => Promise<{ data: unknown; headers: { etag?: string; link?: string } }>,
  ): Promise<ConditionalPage<T>> {
    try {
      const response = await send(etag ? { 'if-none-match': etag } : {});
      return {
        notModified: false,
        items: response.data as T[],
        etag: response.headers.etag ?? null,
        hasNextPage: hasNextPage(response.headers.link),
        lastPage: lastPageOf(response.headers.link),
      };
    } catch (error) {
      if ((error as { status?: number }).status === 304) return { notModified: true };
      throw error;
    }
  }
}

function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}

function commitDate(commit: { committer: { date?: string } | null; author: { date?: string } | null }): string {
  const date = commit.committer?.date ?? commit.author?.date;
  if (!date) throw new Error('GitHub returned a commit without a committer or author date');
  return date;
}

/** The `page` of the `rel="last"` link; null without one. */
export function lastPageOf(link: string | undefined): number | null {
  const last = link?.split(',').find(part => /;\s*rel="?last"?/.test(part));
  const url = last?.match(/<([^>]+)>/)?.[1];
  if (!url) return null;
  const page = Number(new URL(url).searchParams.get('page'));
  return Number.isInteger(page) && page > 0 ? page : null;
}

/** RFC 8288 `Link: <…&page=2>; rel="next", <…>; rel="last"` */
export function hasNextPage(link: string | undefined): boolean {
  return !!link && link.split(',').some(part => /;\s*rel="?next"?/.test(part));
}
