/** What a fact source contributes for one entity: a boolean, a number, a string, or no value. */
export type FactValue = boolean | number | string | null;

/**
 * A check's outcome. `unknown` means the fact behind it could not be read (its source is
 * down, not installed, or has no value for the entity): it is never counted as passed or
 * failed.
 */
export type CheckState = 'passed' | 'failed' | 'unknown';

export interface CheckResult {
  checkId: string;
  state: CheckState;
  /** The fact value the check compared; absent when unknown. */
  value?: FactValue;
  /** One sentence a service owner understands: what was found and what was expected. */
  why: string;
  /** Set on failed and unknown checks. */
  howToFix?: string;
  link?: string;
}

export interface ScorecardResult {
  scorecardId: string;
  /** The highest level whose checks, and all lower levels' checks, passed; null if none. */
  level: string | null;
  /** The level to work towards next; null once the highest level is reached. */
  nextLevel: string | null;
  /** True when no check of the next level failed but some are unknown. */
  blockedByUnknown: boolean;
  checks: CheckResult[];
}

/** The catalog fields the overview filters and groups by. */
export interface ScoredEntity {
  entityRef: string;
  title: string;
  kind: string;
  type: string | null;
  owner: string | null;
  system: string | null;
  lifecycle: string | null;
}

export interface EntityScorecards extends ScoredEntity {
  evaluatedAt: string;
  scorecards: ScorecardResult[];
}

/** How a fact source fared in an evaluation run. */
export interface FactSourceStatus {
  id: string;
  title: string;
  facts: string[];
  /** False when the source threw: every check on its facts is unknown. */
  available: boolean;
  error: string | null;
  /** The source serves demo fixtures (embedded default), not a real system. */
  demo: boolean;
  /** When the source last read its own outside system, if it says. */
  asOf: string | null;
  /** How long this evaluation waited for the source. */
  durationMs: number;
}

export interface EvaluationRun {
  id: number;
  startedAt: string;
  finishedAt: string;
  trigger: 'schedule' | 'manual' | 'definitions';
  triggeredBy: string | null;
  entityCount: number;
  durationMs: number;
  sources: FactSourceStatus[];
}
