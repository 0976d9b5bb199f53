import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import { SloDefinition, SloSeries, SloStatus } from '@internal/plugin-slo-common';
import { Knex } from 'knex';
import { FreezeStore } from './FreezeStore';
import { GateOverrideStore } from './GateOverrideStore';

export interface StoredSlo {
  definition: SloDefinition;
  /** The last good status; kept when later refreshes fail. */
  status?: SloStatus;
  /** Only when listed with `withSeries`. */
  series?: SloSeries;
  measuredAt?: Date;
  /** Set when the latest refresh failed for this SLO. */
  error?: string;
  errorAt?: Date;
}

interface Row {
  entity_ref: string;
  slo_name: string;
  definition: string;
  status: string | null;
  series?: string | null;
  measured_at: Date | string | null;
  error: string | null;
  error_at: Date | string | null;
}

const toDate = (value: Date | string | null) => (value === null ? undefined : new Date(value));

/** Last-good SLO statuses per component, in the plugin's own database. */
export class SloStatusStore {
  static async create(database: DatabaseService): Promise<SloStatusStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath('@internal/plugin-slo-backend', 'migrations'),
      });
    }
    return new SloStatusStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  /** The error-budget policy's state, on the same connection (or transaction) as this store. */
  freezes(): FreezeStore {
    return new FreezeStore(this.knex);
  }

  /** Emergency deploys despite the deploy gate. */
  gateOverrides(): GateOverrideStore {
    return new GateOverrideStore(this.knex);
  }

  /** Runs `fn` with a store whose writes commit together: one transaction per refresh. */
  async inTransaction<T>(fn: (store: SloStatusStore) => Promise<T>): Promise<T> {
    return this.knex.transaction(trx => fn(new SloStatusStore(trx)));
  }

  /**
   * Changes whenever a refresh stores anything: readers can reuse what they built from the
   * store until it does, without reading every row.
   */
  async version(): Promise<string> {
    const [row] = await this.knex('slo_statuses')
      .count({ count: '*' })
      .max({ measured: 'measured_at' })
      .max({ failed: 'error_at' });
    const stamp = (value: unknown) => (value === null || value === undefined ? '' : new Date(value as string).getTime());
    return `${row.count}/${stamp(row.measured)}/${stamp(row.failed)}`;
  }

  /**
   * A successful measurement: replaces status and clears any error. Without a series (its
   * chart query failed) the previous series is kept.
   */
  async saveStatus(definition: SloDefinition, status: SloStatus, measuredAt: Date, series?: SloSeries) {
    const row: Row = {
      entity_ref: definition.entityRef,
      slo_name: definition.name,
      definition: JSON.stringify(definition),
      status: JSON.stringify(status),
      measured_at: measuredAt,
      error: null,
      error_at: null,
    };
    if (series) row.series = JSON.stringify(series);
    await this.knex<Row>('slo_statuses')
      .insert(row)
      .onConflict(['entity_ref', 'slo_name'])
      .merge(Object.keys(row) as Array<keyof Row>);
  }

  /** A failed measurement: records why, keeps the last good status. */
  async saveError(definition: SloDefinition, error: string, at: Date) {
    await this.knex<Row>('slo_statuses')
      .insert({
        entity_ref: definition.entityRef,
        slo_name: definition.name,
        definition: JSON.stringify(definition),
        status: null,
        measured_at: null,
        error,
        error_at: at,
      })
      .onConflict(['entity_ref', 'slo_name'])
      .merge(['definition', 'error', 'error_at']);
  }

  /**
   * Remembers when the demo measurer first saw each of `entityRefs` (`at`, unless it saw it
   * before) and returns every remembered time: generated traffic starts there.
   */
  async demoFirstSeen(entityRefs: string[], at: Date): Promise<Map<string, Date>> {
    for (const entityRef of entityRefs) {
      await this.knex('slo_demo_first_seen')
        .insert({ entity_ref: entityRef, first_seen_at: at })
        .onConflict('entity_ref')
        .ignore();
    }
    const rows = await this.knex('slo_demo_first_seen').select('entity_ref', 'first_seen_at');
    return new Map(rows.map(r => [r.entity_ref as string, new Date(r.first_seen_at)]));
  }

  /** Drops SLOs that are no longer defined (component removed, document changed). */
  async retainOnly(keys: Array<{ entityRef: string; name: string }>) {
    const keep = new Set(keys.map(k => `${k.entityRef}\u0000${k.name}`));
    const rows = await this.knex<Row>('slo_statuses').select('entity_ref', 'slo_name');
    const stale = rows.filter(r => !keep.has(`${r.entity_ref}\u0000${r.slo_name}`));
    for (const row of stale) {
      await this.knex<Row>('slo_statuses')
        .where({ entity_ref: row.entity_ref, slo_name: row.slo_name })
        .delete();
    }
  }

  async list(filter?: { entityRef?: string; withSeries?: boolean }): Promise<StoredSlo[]> {
    const columns: Array<keyof Row> = ['entity_ref', 'slo_name', 'definition', 'status', 'measured_at', 'error', 'error_at'];
    const query = this.knex<Row>('slo_statuses')
      .select<Row[]>(filter?.withSeries ? [...columns, 'series'] : columns)
      .orderBy(['entity_ref', 'slo_name']);
    if (filter?.entityRef) query.where({ entity_ref: filter.entityRef });
    return (await query).map(row => ({
      definition: JSON.parse(row.definition),
      status: row.status ? JSON.parse(row.status) : undefined,
      series: row.series ? JSON.parse(row.series) : undefined,
      measuredAt: toDate(row.measured_at),
      error: row.error ?? undefined,
      errorAt: toDate(row.error_at),
    }));
  }
}
