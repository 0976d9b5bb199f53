import {
  CheckState,
  EntityScorecards,
  OverviewRow,
  ScorecardDefinitions,
} from '@internal/plugin-scorecards-common';

export interface OverviewFilter {
  owners?: string[];
  systems?: string[];
  lifecycles?: string[];
}

const sortedDistinct = (values: Array<string | null>) =>
  [...new Set(values.filter((v): v is string => v !== null))].sort();

/** Results that pass every given filter (each a list of accepted values). */
export function filterResults(results: EntityScorecards[], filter: OverviewFilter) {
  const accepts = (list: string[] | undefined, value: string | null) =>
    !list || list.length === 0 || (value !== null && list.includes(value));
  return results.filter(
    r => accepts(filter.owners, r.owner) && accepts(filter.systems, r.system) && accepts(filter.lifecycles, r.lifecycle),
  );
}

/** The grid: one row per entity, check states aligned with each scorecard's checks. */
export function buildOverviewRows(definitions: ScorecardDefinitions, results: EntityScorecards[]): OverviewRow[] {
  return results.map(result => {
    const byScorecard = new Map(result.scorecards.map(s => [s.scorecardId, s]));
    const levels: Record<string, string | null> = {};
    const checks: Record<string, Array<CheckState | null>> = {};
    for (const scorecard of definitions.scorecards) {
      const scored = byScorecard.get(scorecard.id);
      if (!scored) continue;
      const states = new Map(scored.checks.map(c => [c.checkId, c.state]));
      levels[scorecard.id] = scored.level;
      checks[scorecard.id] = scorecard.checks.map(check => states.get(check.id) ?? null);
    }
    return {
      entityRef: result.entityRef,
      title: result.title,
      kind: result.kind,
      type: result.type,
      owner: result.owner,
      system: result.system,
      lifecycle: result.lifecycle,
      levels,
      checks,
    };
  });
}

export function filterValues(results: EntityScorecards[]) {
  return {
    owners: sortedDistinct(results.map(r => r.owner)),
    systems: sortedDistinct(results.map(r => r.system)),
    lifecycles: sortedDistinct(results.map(r => r.lifecycle)),
  };
}
