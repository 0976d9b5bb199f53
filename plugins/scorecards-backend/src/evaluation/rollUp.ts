import { ScoredEntity, ScorecardResult } from '@internal/plugin-scorecards-common';
import { LevelChange, TrendRow } from '../database/ScorecardStore';

/** Level name for entities below the lowest level, in level counts. */
export const NO_LEVEL = 'none';

export function countChecks(result: ScorecardResult) {
  let passed = 0;
  let failed = 0;
  let unknown = 0;
  for (const check of result.checks) {
    if (check.state === 'passed') passed++;
    else if (check.state === 'failed') failed++;
    else unknown++;
  }
  return { passed, failed, unknown };
}

/**
 * Per scope and scorecard: how many entities reached each level and how their checks came
 * out. `scopesOf` says which scopes an entity counts in (e.g. `all` and its owner).
 */
export function rollUp(
  levels: string[],
  results: Array<{ entity: ScoredEntity; scorecards: ScorecardResult[] }>,
  scopesOf: (entity: ScoredEntity) => string[],
): { rows: TrendRow[]; entityCounts: Map<string, number> } {
  const rows = new Map<string, TrendRow>();
  const entityCounts = new Map<string, number>();
  for (const { entity, scorecards } of results) {
    for (const scope of scopesOf(entity)) {
      entityCounts.set(scope, (entityCounts.get(scope) ?? 0) + 1);
      for (const result of scorecards) {
        const key = `${scope}\u0000${result.scorecardId}`;
        let row = rows.get(key);
        if (!row) {
          const levelCounts = Object.fromEntries([NO_LEVEL, ...levels].map(l => [l, 0]));
          row = { scope, scorecardId: result.scorecardId, levelCounts, passed: 0, failed: 0, unknown: 0 };
          rows.set(key, row);
        }
        row.levelCounts[result.level ?? NO_LEVEL] += 1;
        const counts = countChecks(result);
        row.passed += counts.passed;
        row.failed += counts.failed;
        row.unknown += counts.unknown;
      }
    }
  }
  return { rows: [...rows.values()], entityCounts };
}

/** Scorecards whose level or check counts differ from the previous run (or are new). */
export function levelChanges(
  previous: Map<string, ScorecardResult[]>,
  results: Array<{ entity: ScoredEntity; scorecards: ScorecardResult[] }>,
): LevelChange[] {
  const changes: LevelChange[] = [];
  for (const { entity, scorecards } of results) {
    const before = new Map((previous.get(entity.entityRef) ?? []).map(r => [r.scorecardId, r]));
    for (const result of scorecards) {
      const now = { level: result.level, ...countChecks(result) };
      const old = before.get(result.scorecardId);
      const then = old ? { level: old.level, ...countChecks(old) } : undefined;
      if (
        !then ||
        then.level !== now.level ||
        then.passed !== now.passed ||
        then.failed !== now.failed ||
        then.unknown !== now.unknown
      ) {
        changes.push({ entityRef: entity.entityRef, scorecardId: result.scorecardId, ...now });
      }
    }
  }
  return changes;
}
