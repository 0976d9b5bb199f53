import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  DefinitionsResponse,
  EntityResponse,
  EvaluationRun,
  OverviewResponse,
  TeamsResponse,
} from '@internal/plugin-scorecards-common';

export interface OverviewQuery {
  owner?: string;
  system?: string;
  lifecycle?: string;
}

/** The scorecards backend (`/api/scorecards`), as the pages use it. */
export interface ScorecardsApi {
  getOverview(query?: OverviewQuery): Promise<OverviewResponse>;
  /** The overview grid as a CSV file, with the same filters. */
  getOverviewCsv(query?: OverviewQuery): Promise<Blob>;
  getEntity(entityRef: string): Promise<EntityResponse>;
  getTeams(owner?: string): Promise<TeamsResponse>;
  getDefinitions(): Promise<DefinitionsResponse>;
  /** Platform group only. */
  evaluate(): Promise<EvaluationRun>;
  /**
   * Platform group only; rejects with the fields at fault when the YAML is invalid. The
   * re-evaluation it starts finishes after this resolves.
   */
  saveDefinitions(yaml: string): Promise<void>;
}

export const scorecardsApiRef = createApiRef<ScorecardsApi>({ id: 'plugin.scorecards.api' });
