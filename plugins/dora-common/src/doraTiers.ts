/** A DORA performance tier; `null` where there is nothing to judge (no deployments). */
export type DoraTier = 'elite' | 'high' | 'medium' | 'low';

export const DORA_TIERS_BEST_FIRST: readonly DoraTier[] = ['elite', 'high', 'medium', 'low'];

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

/** The bounds a service has to meet to belong to a tier's cluster. */
export interface DoraClusterBounds {
  tier: DoraTier;
  /** Median change lead time must be at most this. */
  maxLeadTimeSeconds: number;
  /** Successful production deployments per week must be at least this. */
  minDeploysPerWeek: number;
  /** Failed deployments / all finished deployments must be at most this. */
  maxChangeFailRate: number;
  /** Median failed deployment recovery time must be at most this. */
  maxRecoverySeconds: number;
}

/**
 * The 2024 Accelerate State of DevOps (DORA) report, p. 13, software delivery performance
 * clusters:
 *
 * | tier   | lead time         | deploy frequency          | change fail rate | recovery time       |
 * |--------|-------------------|---------------------------|------------------|---------------------|
 * | Elite  | < 1 day           | on demand (several a day) | 5%               | < 1 hour            |
 * | High   | 1 day - 1 week    | daily - weekly            | 20%              | < 1 day             |
 * | Medium | 1 week - 1 month  | weekly - monthly          | 10%              | < 1 day             |
 * | Low    | 1 - 6 months      | monthly - every 6 months  | 40%              | 1 week - 1 month    |
 *
 * The report's clusters are not ordered on every metric: Medium has a *lower* change fail
 * rate than High. So a tier is a profile, not four independent thresholds: a service is in
 * the best cluster all of whose bounds it meets, checked Elite, High, Medium; else Low.
 * "On demand" is read as at least one deployment a day (7 a week), "monthly" as one in 30
 * days.
 */
export const DORA_2024_CLUSTERS: readonly DoraClusterBounds[] = [
  { tier: 'elite', maxLeadTimeSeconds: DAY, minDeploysPerWeek: 7, maxChangeFailRate: 0.05, maxRecoverySeconds: HOUR },
  { tier: 'high', maxLeadTimeSeconds: WEEK, minDeploysPerWeek: 1, maxChangeFailRate: 0.2, maxRecoverySeconds: DAY },
  { tier: 'medium', maxLeadTimeSeconds: MONTH, minDeploysPerWeek: 7 / 30, maxChangeFailRate: 0.1, maxRecoverySeconds: DAY },
];

export interface TierInputs {
  deploysPerWeek: number;
  /** null when no commit could be linked to a deployment: not held against the service. */
  medianLeadTimeSeconds: number | null;
  /** null when nothing finished in the window. */
  changeFailRate: number | null;
  /** null when nothing failed and recovered in the window: not held against the service. */
  medianRecoverySeconds: number | null;
}

/**
 * The 2024 DORA tier for these metrics; null when there were no successful deployments.
 * A team is classified the same way, from its own figures (all its services' deployments,
 * lead times and recovery samples), not from its services' tiers.
 */
export function classifyDoraTier(inputs: TierInputs): DoraTier | null {
  if (inputs.deploysPerWeek <= 0) return null;
  for (const cluster of DORA_2024_CLUSTERS) {
    const meets =
      inputs.deploysPerWeek >= cluster.minDeploysPerWeek &&
      (inputs.medianLeadTimeSeconds === null || inputs.medianLeadTimeSeconds <= cluster.maxLeadTimeSeconds) &&
      (inputs.changeFailRate === null || inputs.changeFailRate <= cluster.maxChangeFailRate) &&
      (inputs.medianRecoverySeconds === null || inputs.medianRecoverySeconds <= cluster.maxRecoverySeconds);
    if (meets) return cluster.tier;
  }
  return 'low';
}

/** Sort key: elite 0 … low 3, no tier 4. */
export function tierRank(tier: DoraTier | null): number {
  return tier === null ? DORA_TIERS_BEST_FIRST.length : DORA_TIERS_BEST_FIRST.indexOf(tier);
}
