import { CostResponseMeta } from '@internal/plugin-cost-common';

/**
 * What an anomalies answer could not cover, in sentences the pages show: anomalies map cost
 * to teams and services through the catalog snapshot of the last ingestion, and judge only
 * days every source delivered, so an empty catalog, unclaimed cost or a failing source would
 * otherwise just mean fewer rows. (A source's own error is in `sources`, which every cost
 * page already shows; no cost at all is `asOf: null`.)
 */
export function anomalyGaps(options: {
  meta: CostResponseMeta;
  catalogEntities: number;
  /** Service allocation keys with cost in the range that no catalog Component claims. */
  unclaimedServiceKeys: string[];
  /** Days in the range (history included) not every source delivered. */
  incompleteDays: number;
  days: number;
}): string[] {
  const { meta, catalogEntities, unclaimedServiceKeys, incompleteDays, days } =
    options;
  const gaps: string[] = [];
  if (catalogEntities === 0) {
    gaps.push(
      'The catalog gave no teams (Groups of type team) or Components at the last cost ingestion, so cost cannot be attributed to any team or service; check that the catalog serves its entities, and the next ingestion picks them up.',
    );
  } else if (unclaimedServiceKeys.length > 0) {
    const shown = unclaimedServiceKeys.slice(0, 5).join(', ');
    const more =
      unclaimedServiceKeys.length > 5
        ? ` and ${unclaimedServiceKeys.length - 5} more`
        : '';
    gaps.push(
      `Cost of ${unclaimedServiceKeys.length} workload(s) matches no catalog Component (${shown}${more}), so no service anomaly is judged for it; annotate the components with devportal.io/cost-allocation-key or backstage.io/kubernetes-id.`,
    );
  }
  if (meta.asOf !== null && incompleteDays > 0) {
    gaps.push(
      `${incompleteDays} of ${days} day(s) are left out because not every cost source delivered them.`,
    );
  }
  return gaps;
}
