import { StoredCommit, StoredDeployment } from '../database/DoraStore';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How a demo service delivers; picked per component so every tier shows up. */
interface DemoProfile {
  deploysPerDay: number;
  medianLeadHours: number;
  failRate: number;
  recoveryHours: number;
}

const PROFILES: DemoProfile[] = [
  { deploysPerDay: 3, medianLeadHours: 5, failRate: 0.03, recoveryHours: 0.5 }, // elite
  { deploysPerDay: 0.6, medianLeadHours: 40, failRate: 0.12, recoveryHours: 6 }, // high
  { deploysPerDay: 0.15, medianLeadHours: 24 * 9, failRate: 0.08, recoveryHours: 12 }, // medium
  { deploysPerDay: 0.05, medianLeadHours: 24 * 40, failRate: 0.3, recoveryHours: 24 * 8 }, // low
];

/** FNV-1a: a stable seed from a name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sha = (seed: string) => {
  let out = '';
  for (let i = 0; out.length < 40; i++) out += hash(`${seed}:${i}`).toString(16).padStart(8, '0');
  return out.slice(0, 40);
};

/**
 * A deterministic deployment history for a demo component: each UTC day's deployments
 * depend only on the component and the date, so refreshes add the new day and leave
 * earlier ones as they were. Failures are followed by a fixing deployment. With `startMs`
 * (a component that did not exist when the demo started) nothing starts before it.
 */
export function demoHistory(
  service: { entityRef: string; repository: string; environment: string },
  options: { now: Date; days: number; startMs?: number },
): { deployments: StoredDeployment[]; commits: StoredCommit[] } {
  const profile = PROFILES[hash(service.entityRef) % PROFILES.length];
  const deployments: StoredDeployment[] = [];
  const commits: StoredCommit[] = [];
  const today = Math.floor(options.now.getTime() / DAY_MS);
  for (let day = today - options.days; day <= today; day++) {
    const rng = random(hash(`${service.entityRef}@${day}`));
    // Poisson-distributed count for the day (Knuth).
    let count = 0;
    for (let p = rng(), limit = Math.exp(-profile.deploysPerDay); p > limit; p *= rng()) count++;
    for (let n = 0; n < count; n++) {
      const id = `${day}-${n}`;
      const createdAt = day * DAY_MS + (8 + rng() * 10) * HOUR_MS;
      const failed = rng() < profile.failRate;
      const attempts: Array<{ id: string; at: number; failed: boolean }> = [{ id, at: createdAt + 0.2 * HOUR_MS, failed }];
      if (failed) {
        const recovery = profile.recoveryHours * (0.5 + rng()) * HOUR_MS;
        attempts.push({ id: `${id}-fix`, at: createdAt + recovery, failed: false });
      }
      // A fix belongs to its failure: both, or neither.
      if (options.startMs !== undefined && createdAt < options.startMs) continue;
      for (const attempt of attempts) {
        if (attempt.at > options.now.getTime()) continue;
        const deploymentId = `deployment:demo-${attempt.id}`;
        const deployedSha = sha(`${service.entityRef}:${attempt.id}`);
        deployments.push({
          entityRef: service.entityRef,
          deploymentId,
          sha: deployedSha,
          ref: 'main',
          environment: service.environment,
          state: attempt.failed ? 'failure' : 'success',
          final: true,
          createdAt: new Date(attempt.at - 0.2 * HOUR_MS),
          finishedAt: new Date(attempt.at),
          url: `https://github.com/${service.repository}/actions/runs/${hash(deploymentId)}`,
          creator: 'deploy-bot',
          statusesEtag: null,
          commitsResolved: true,
        });
        if (attempt.failed) continue;
        const commitCount = 1 + Math.floor(rng() * 4);
        for (let c = 0; c < commitCount; c++) {
          // Lead times spread from a fifth to twice the profile's median.
          const lead = profile.medianLeadHours * (0.2 + rng() * 1.8) * HOUR_MS;
          commits.push({
            entityRef: service.entityRef,
            deploymentId,
            sha: sha(`${deployedSha}:${c}`),
            committedAt: new Date(attempt.at - lead),
          });
        }
      }
    }
  }
  return { deployments, commits };
}
