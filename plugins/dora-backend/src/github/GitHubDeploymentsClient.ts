/** `owner/repo` split. */
export interface RepositoryRef {
  owner: string;
  repo: string;
}

/** The fields of GitHub's deployment object this plugin reads. */
export interface GitHubDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  created_at: string;
  creator: { login: string } | null;
}

export interface GitHubDeploymentStatus {
  id: number;
  state: 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';
  created_at: string;
  log_url?: string;
  target_url?: string;
  environment_url?: string;
}

export interface GitHubWorkflowRun {
  id: number;
  head_sha: string;
  head_branch: string | null;
  /** What triggered it: `push`, `workflow_dispatch`, `release`, `pull_request`, … */
  event: string;
  status: string | null;
  conclusion: string | null;
  created_at: string;
  updated_at: string;
  html_url: string;
  actor?: { login: string } | null;
}

export interface GitHubCommitTime {
  sha: string;
  /** The committer date: when the change landed on the branch. */
  committedAt: string;
}

/**
 * A page from a conditional request: `notModified` when GitHub answered 304 to the ETag
 * sent (free against the rate limit), else the items, the new ETag, whether the `Link`
 * header names a next page, and the number of the last page it names (null: no `last`
 * link, as on the last page itself).
 */
export type ConditionalPage<T> =
  | { notModified: true }
  | { notModified: false; items: T[]; etag: string | null; hasNextPage: boolean; lastPage: number | null };

/** The GitHub REST calls DORA ingestion makes; the Octokit client and test fakes implement it. */
export interface GitHubDeploymentsClient {
  /** `GET /repos/{owner}/{repo}/deployments?environment=…&per_page=100&page=…`, newest first. */
  listDeployments(
    repository: RepositoryRef,
    options: { environment: string; page: number; etag?: string },
  ): Promise<ConditionalPage<GitHubDeployment>>;
  /** `GET /repos/{owner}/{repo}/deployments/{id}/statuses?per_page=100`, newest first. */
  listDeploymentStatuses(
    repository: RepositoryRef,
    deploymentId: number,
    options: { etag?: string },
  ): Promise<ConditionalPage<GitHubDeploymentStatus>>;
  /**
   * `GET /repos/{owner}/{repo}/actions/workflows/{workflow}/runs?branch=…&event=…&per_page=100&page=…`,
   * newest first; `branch` and `event` (when given) filter on GitHub's side.
   */
  listWorkflowRuns(
    repository: RepositoryRef,
    workflow: string,
    options: { page: number; etag?: string; branch?: string; event?: string },
  ): Promise<ConditionalPage<GitHubWorkflowRun>>;
  /** `GET /repos/{owner}/{repo}`: its default branch. */
  getDefaultBranch(repository: RepositoryRef): Promise<string>;
  /** Commits in `head` that are not in `base` (`GET /repos/{owner}/{repo}/compare/{base}...{head}`, all pages). */
  compareCommits(repository: RepositoryRef, base: string, head: string): Promise<GitHubCommitTime[]>;
  /** `GET /repos/{owner}/{repo}/commits/{sha}` */
  getCommit(repository: RepositoryRef, sha: string): Promise<GitHubCommitTime>;
}
