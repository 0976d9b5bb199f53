import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  EntityScorecards,
  EvaluationRun,
  FactSourceStatus,
  ScoredEntity,
  ScorecardResult,
  TrendPoint,
} from '@internal/plugin-scorecards-common';
import { Knex } from 'knex';

/** A level or check-count change of one entity on one scorecard. */
export interface LevelChange {
  entityRef: string;
  scorecardId: string;
  level: string | null;
  passed: number;
  failed: number;
  unknown: number;
}

/** Level counts and check outcomes of one scope (`all` or an owner ref) on one scorecard. */
export interface TrendRow {
  scope: string;
  scorecardId: string;
  levelCounts: Record<string, number>;
  passed: number;
  failed: number;
  unknown: number;
}

export interface NewRun {
  startedAt: Date;
  finishedAt: Date;
  trigger: EvaluationRun['trigger'];
  triggeredBy: string | null;
  sources: FactSourceStatus[];
  results: Array<{ entity: ScoredEntity; scorecards: ScorecardResult[] }>;
  changes: LevelChange[];
  trends: TrendRow[];
}

interface RunRow {
  id: number;
  started_at: Date | string;
  finished_at: Date | string;
  trigger: EvaluationRun['trigger'];
  triggered_by: string | null;
  entity_count: number;
  duration_ms: number;
  sources: string;
}

interface ResultRow {
  entity_ref: string;
  run_id: number;
  evaluated_at: Date | string;
  entity: string;
  scorecards: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();
// SQLite allows 999 bound variables per statement; results have 5 columns.
const INSERT_CHUNK = 150;

/** Scorecard definitions saved in the portal, evaluation runs, latest results and history. */
export class ScorecardStore {
  static async create(database: DatabaseService): Promise<ScorecardStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath('@internal/plugin-scorecards-backend', 'migrations'),
      });
    }
    return new ScorecardStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  async getSavedDefinitions(): Promise<{ yaml: string; updatedBy: string | null; updatedAt: string } | undefined> {
    const row = await this.knex('scorecard_definitions').orderBy('id', 'desc').first();
    return row ? { yaml: row.yaml, updatedBy: row.updated_by, updatedAt: iso(row.updated_at) } : undefined;
  }

  async saveDefinitions(yaml: string, updatedBy: string | null, at: Date) {
    await this.knex('scorecard_definitions').insert({ yaml, updated_by: updatedBy, updated_at: at });
  }

  /** Stores a run: replaces every latest result and appends history and trends, atomically. */
  async saveRun(run: NewRun): Promise<EvaluationRun> {
    return this.knex.transaction(async tx => {
      const [inserted] = await tx('scorecard_runs')
        .insert({
          started_at: run.startedAt,
          finished_at: run.finishedAt,
          trigger: run.trigger,
          triggered_by: run.triggeredBy,
          entity_count: run.results.length,
          duration_ms: Math.round(run.finishedAt.getTime() - run.startedAt.getTime()),
          sources: JSON.stringify(run.sources),
        })
        .returning('id');
      const runId = typeof inserted === 'object' ? inserted.id : inserted;
      const rows: ResultRow[] = run.results.map(r => ({
        entity_ref: r.entity.entityRef,
        run_id: runId,
        evaluated_at: run.finishedAt,
        entity: JSON.stringify(r.entity),
        scorecards: JSON.stringify(r.scorecards),
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx('scorecard_results')
          .insert(rows.slice(i, i + INSERT_CHUNK))
          .onConflict('entity_ref')
          .merge();
      }
      // Entities that left the catalog (or no longer match any scorecard).
      await tx('scorecard_results').whereNot('run_id', runId).delete();
      const history = run.changes.map(c => ({
        entity_ref: c.entityRef,
        scorecard_id: c.scorecardId,
        evaluated_at: run.finishedAt,
        level: c.level,
        passed: c.passed,
        failed: c.failed,
        unknown: c.unknown,
      }));
      for (let i = 0; i < history.length; i += INSERT_CHUNK) {
        await tx('scorecard_level_history').insert(history.slice(i, i + INSERT_CHUNK));
      }
      const trends = run.trends.map(t => ({
        run_id: runId,
        evaluated_at: run.finishedAt,
        scope: t.scope,
        scorecard_id: t.scorecardId,
        level_counts: JSON.stringify(t.levelCounts),
        passed: t.passed,
        failed: t.failed,
        unknown: t.unknown,
      }));
      for (let i = 0; i < trends.length; i += INSERT_CHUNK) {
        await tx('scorecard_trends').insert(trends.slice(i, i + INSERT_CHUNK));
      }
      const row = await tx<RunRow>('scorecard_runs').where({ id: runId }).first();
      return toRun(row!);
    });
  }

  async getLatestRun(): Promise<EvaluationRun | undefined> {
    const row = await this.knex<RunRow>('scorecard_runs').orderBy('id', 'desc').first();
    return row ? toRun(row) : undefined;
  }

  async listResults(): Promise<EntityScorecards[]> {
    const rows = await this.knex<ResultRow>('scorecard_results').select().orderBy('entity_ref');
    return rows.map(toResult);
  }

  async getResult(entityRef: string): Promise<EntityScorecards | undefined> {
    const row = await this.knex<ResultRow>('scorecard_results').where({ entity_ref: entityRef }).first();
    return row ? toResult(row) : undefined;
  }

  async getHistory(entityRef: string) {
    const rows = await this.knex('scorecard_level_history')
      .where({ entity_ref: entityRef })
      .orderBy('evaluated_at');
    return rows.map(row => ({
      evaluatedAt: iso(row.evaluated_at),
      scorecardId: row.scorecard_id as string,
      level: row.level as string | null,
      passed: Number(row.passed),
      failed: Number(row.failed),
      unknown: Number(row.unknown),
    }));
  }

  /** One point per run and scorecard for a scope, oldest first. */
  async getTrend(scope: string, since: Date): Promise<TrendPoint[]> {
    const rows = await this.knex('scorecard_trends')
      .where({ scope })
      .andWhere('evaluated_at', '>=', since)
      .orderBy(['evaluated_at', 'scorecard_id']);
    return rows.map(row => ({
      runId: Number(row.run_id),
      evaluatedAt: iso(row.evaluated_at),
      scorecardId: row.scorecard_id,
      levelCounts: JSON.parse(row.level_counts),
      passed: Number(row.passed),
      failed: Number(row.failed),
      unknown: Number(row.unknown),
    }));
  }

  /** Drops runs, trends and history older than `before`; the latest results stay. */
  async prune(before: Date) {
    await this.knex('scorecard_trends').where('evaluated_at', '<', before).delete();
    await this.knex('scorecard_level_history').where('evaluated_at', '<', before).delete();
    const latest = await this.getLatestRun();
    await this.knex('scorecard_runs')
      .where('finished_at', '<', before)
      .whereNot('id', latest?.id ?? -1)
      .delete();
  }
}

function toRun(row: RunRow): EvaluationRun {
  return {
    id: Number(row.id),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    trigger: row.trigger,
    triggeredBy: row.triggered_by,
    entityCount: Number(row.entity_count),
    durationMs: Number(row.duration_ms),
    sources: JSON.parse(row.sources),
  };
}

function toResult(row: ResultRow): EntityScorecards {
  return {
    ...(JSON.parse(row.entity) as ScoredEntity),
    evaluatedAt: iso(row.evaluated_at),
    scorecards: JSON.parse(row.scorecards),
  };
}
