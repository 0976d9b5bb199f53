import { DeploymentState } from '@internal/plugin-dora-common';
import { GitHubDeploymentStatus, GitHubWorkflowRun } from '../github/GitHubDeploymentsClient';

export interface DeploymentOutcome {
  state: DeploymentState;
  /** No further change expected: succeeded, failed, or superseded before finishing. */
  final: boolean;
  finishedAt: Date | null;
  url: string | null;
}

const DECIDING: ReadonlySet<string> = new Set(['success', 'failure', 'error']);

/**
 * A deployment's outcome from its statuses (GitHub lists them newest first). The newest
 * success, failure or error decides; `inactive`, which GitHub sets on the previous
 * deployment once a newer one succeeds, does not undo a success.
 */
export function deploymentOutcome(statuses: GitHubDeploymentStatus[]): DeploymentOutcome {
  const newestFirst = [...statuses].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
  const deciding = newestFirst.find(s => DECIDING.has(s.state));
  if (deciding) {
    return {
      state: deciding.state,
      final: true,
      finishedAt: new Date(deciding.created_at),
      url: deciding.log_url || deciding.target_url || deciding.environment_url || null,
    };
  }
  const latest = newestFirst[0];
  return {
    state: latest?.state ?? 'pending',
    final: latest?.state === 'inactive',
    finishedAt: null,
    url: latest?.log_url || latest?.target_url || null,
  };
}

/**
 * A deploy workflow run as a deployment: a completed run succeeded or failed (timed out and
 * startup failures are failures); cancelled, skipped and neutral runs deployed nothing.
 */
export function workflowRunOutcome(run: GitHubWorkflowRun): DeploymentOutcome {
  if (run.status !== 'completed') {
    return { state: run.status === 'queued' ? 'queued' : 'in_progress', final: false, finishedAt: null, url: run.html_url };
  }
  const failed = ['failure', 'timed_out', 'startup_failure'].includes(run.conclusion ?? '');
  if (run.conclusion === 'success' || failed) {
    return { state: failed ? 'failure' : 'success', final: true, finishedAt: new Date(run.updated_at), url: run.html_url };
  }
  return { state: 'inactive', final: true, finishedAt: null, url: run.html_url };
}
