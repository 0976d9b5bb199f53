import crypto from 'node:crypto';
import { FakeRepository } from './fakeGitHubDeployments';

/** A stable 40-hex SHA from a label. */
export const shaOf = (label: string) => crypto.createHash('sha1').update(label).digest('hex');

/**
 * A repository whose main branch has `commits` one an hour ending at `endsAt`, and one
 * successful production deployment per entry of `deployAfterCommits` (deploying the
 * n-th commit, numbered from 1), finishing `deployDelayMinutes` after that commit.
 */
export function linearRepository(options: {
  name: string;
  commits: number;
  endsAt: Date;
  deployAfterCommits: number[];
  deployDelayMinutes?: number;
  firstId?: number;
}): FakeRepository {
  const hour = 3600 * 1000;
  const commits = Array.from({ length: options.commits }, (_, i) => ({
    sha: shaOf(`${options.name}:${i + 1}`),
    committedAt: new Date(options.endsAt.getTime() - (options.commits - 1 - i) * hour).toISOString(),
  }));
  const delay = (options.deployDelayMinutes ?? 30) * 60 * 1000;
  const firstId = options.firstId ?? 1;
  return {
    commits,
    deployments: options.deployAfterCommits.map((n, i) => {
      const at = new Date(commits[n - 1].committedAt).getTime() + delay;
      return {
        id: firstId + i,
        sha: commits[n - 1].sha,
        environment: 'production',
        createdAt: new Date(at - 60_000).toISOString(),
        statuses: [
          { id: (firstId + i) * 10, state: 'in_progress', createdAt: new Date(at - 30_000).toISOString() },
          { id: (firstId + i) * 10 + 1, state: 'success', createdAt: new Date(at).toISOString() },
        ],
      };
    }),
  };
}
