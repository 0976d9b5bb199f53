import { ScorecardDefinitions } from './definitions';
import {
  CheckState,
  EntityScorecards,
  EvaluationRun,
  FactSourceStatus,
  ScoredEntity,
} from './results';

/** `GET /api/scorecards/definitions` */
export interface DefinitionsResponse {
  definitions: ScorecardDefinitions;
  yaml: string;
  /** `file`: the YAML named by scorecards.definitionsFile; `database`: saved in the portal. */
  source: 'file' | 'database';
  updatedBy: string | null;
  updatedAt: string | null;
  /** Every fact an installed source provides, with its type and meaning. */
  facts: Array<{ name: string; source: string; type: string; description: string }>;
  /** Facts the definitions use that no installed source provides (their checks are unknown). */
  missingFacts: string[];
}

/** One row of the overview grid: check states aligned with the scorecard's `checks`. */
export interface OverviewRow extends ScoredEntity {
  levels: Record<string, string | null>;
  /** Per scorecard id, one state per check of `definitions`; null where a check does not apply. */
  checks: Record<string, Array<CheckState | null>>;
}

/** Per team and scorecard: how many entities are at each level, and check outcomes. */
export interface TeamRollup {
  owner: string;
  entityCount: number;
  scorecards: Array<{
    scorecardId: string;
    /** Keyed by level name, plus `none` for entities below the lowest level. */
    levelCounts: Record<string, number>;
    passed: number;
    failed: number;
    unknown: number;
  }>;
}

export interface TrendPoint {
  runId: number;
  evaluatedAt: string;
  scorecardId: string;
  levelCounts: Record<string, number>;
  passed: number;
  failed: number;
  unknown: number;
}

interface RunInfo {
  run: EvaluationRun | null;
  sources: FactSourceStatus[];
  /** True when any fact source serves demo fixtures. */
  demo: boolean;
}

/** `GET /api/scorecards/overview?owner=&system=&lifecycle=` */
export interface OverviewResponse extends RunInfo {
  levels: string[];
  scorecards: Array<{
    id: string;
    title: string;
    description?: string;
    checks: Array<{ id: string; title: string; level: string; fact: string }>;
  }>;
  rows: OverviewRow[];
  /** Distinct values to filter by, over all evaluated entities. */
  filters: { owners: string[]; systems: string[]; lifecycles: string[] };
}

/** `GET /api/scorecards/entity?entityRef=` */
export interface EntityResponse extends RunInfo {
  levels: string[];
  definitions: ScorecardDefinitions;
  result: EntityScorecards | null;
  /** Level changes over time, oldest first. */
  history: Array<{ evaluatedAt: string; scorecardId: string; level: string | null; passed: number; failed: number; unknown: number }>;
}

/** `GET /api/scorecards/teams[?owner=]` */
export interface TeamsResponse extends RunInfo {
  levels: string[];
  scorecards: Array<{ id: string; title: string }>;
  teams: TeamRollup[];
  /** Over all entities (or the team's, with ?owner=), one point per run and scorecard. */
  trend: TrendPoint[];
}
