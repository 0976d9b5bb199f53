import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  emptyPriorityCounts,
  FALCO_PRIORITIES,
  FalcoAlert,
  FalcoMappingRule,
  FalcoPriority,
  PriorityCounts,
  priorityRank,
} from '@internal/plugin-falco-common';
import { Knex } from 'knex';
import { randomInt } from 'node:crypto';
import { FalcoEvent } from '../ingest/FalcoEvent';
import { ComponentMapping, MappingResult } from '../mapping/ComponentMapping';
import { dataErrorReason, isDataError } from './isDataError';
import { storableText } from './storableText';

export type MappedFalcoEvent = FalcoEvent & { mapping?: MappingResult };

interface EventRow {
  id: number | string;
  event_key: string;
  time: string;
  time_at: Date | string | number;
  day: string;
  rule: string;
  priority: string;
  priority_rank: number;
  output: string;
  source: string;
  hostname: string | null;
  tags: string;
  output_fields: string;
  namespace: string | null;
  pod: string | null;
  container_image: string | null;
  entity_ref: string | null;
  mapped_by: string | null;
  received_at: Date | string | number;
}

interface CountRow {
  day: string;
  entity_ref: string;
  priority: string;
  count: number;
  shard?: number;
}

/** What the store did with one event. */
export type StoreOutcome = { status: 'accepted' | 'duplicate' } | { status: 'rejected'; reason: string };

/** Daily counts keep unmapped events under this entity_ref (a primary key cannot be null). */
const UNMAPPED = '';
const INSERT_CHUNK = 200;
const COUNT_SHARDS = 16;

const toDate = (value: Date | string | number) => new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export interface AlertQuery {
  /** One component's events; `null` for unmapped events; undefined for all. */
  entityRef?: string | null;
  priorities?: FalcoPriority[];
  rule?: string;
  since?: Date;
  until?: Date;
  limit: number;
  offset: number;
}

/** Falco events and their daily counts, in the plugin's own database. */
export class FalcoEventStore {
  static async create(database: DatabaseService): Promise<FalcoEventStore> {
    const knex = await database.getClient();
    if (knex.client.config.client?.toString().includes('sqlite')) {
      // Each acknowledged event is one commit. In WAL mode with synchronous FULL a commit
      // is still on disk when it returns, with one fsync instead of the rollback
      // journal's several (about 5x the single-event ingest rate, see bench/falco.mjs).
      // knex keeps one SQLite connection, so setting it once holds; in-memory ignores it.
      await knex.raw('PRAGMA journal_mode = WAL');
      await knex.raw('PRAGMA synchronous = FULL');
    }
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath('@internal/plugin-falco-backend', 'migrations'),
      });
    }
    return new FalcoEventStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  /**
   * Stores events not stored before (by key) and adds them to the daily counts, in one
   * transaction: when this resolves, the events are committed. Answers per event, in
   * order: `accepted`, `duplicate` (stored earlier, or earlier in `events`), or `rejected`
   * when the database refuses that row, which then fails nothing else. Any other failure
   * (the database is down) rejects the promise and nothing is stored.
   */
  async insert(events: MappedFalcoEvent[], receivedAt: Date): Promise<StoreOutcome[]> {
    const firstOfKey = new Map<string, MappedFalcoEvent>();
    for (const event of events) if (!firstOfKey.has(event.key)) firstOfKey.set(event.key, event);
    const unique = [...firstOfKey.values()];
    let refused = new Map<string, string>();
    let inserted: Set<string>;
    try {
      inserted = await this.knex.transaction(tx => insertAndCount(tx, unique, receivedAt));
    } catch (error) {
      if (!isDataError(error)) throw error;
      // Rare: one row the database refuses. Find it, one savepoint per event, and store the rest.
      ({ inserted, refused } = await this.knex.transaction(tx => insertOneByOne(tx, unique, receivedAt)));
    }
    const answered = new Set<string>();
    return events.map(event => {
      const first = !answered.has(event.key);
      answered.add(event.key);
      const reason = refused.get(event.key);
      if (reason !== undefined) return { status: 'rejected', reason };
      return first && inserted.has(event.key) ? { status: 'accepted' } : { status: 'duplicate' };
    });
  }

  /**
   * Maps events that matched no component when they arrived (the component was annotated
   * later, or the catalog was not loaded yet), moving their daily counts along.
   */
  async remapUnmapped(mapping: ComponentMapping, since: Date, batchSize = 2000): Promise<number> {
    let remapped = 0;
    let afterId: number | string = 0;
    for (;;) {
      const rows: EventRow[] = await this.knex<EventRow>('falco_events')
        .whereNull('entity_ref')
        .where('time_at', '>=', since)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(batchSize);
      if (rows.length === 0) return remapped;
      afterId = rows[rows.length - 1].id;
      const changes = rows.flatMap(row => {
        const result = mapping.map({
          outputFields: JSON.parse(row.output_fields),
          namespace: row.namespace,
          pod: row.pod,
          containerImage: row.container_image,
        });
        return result ? [{ row, result }] : [];
      });
      if (changes.length === 0) continue;
      remapped += await this.knex.transaction(async tx => {
        const moved: typeof changes = [];
        for (const change of changes) {
          // Another replica may have mapped it meanwhile: only move counts of rows we changed.
          const updated = await tx<EventRow>('falco_events')
            .where({ id: change.row.id })
            .whereNull('entity_ref')
            .update({ entity_ref: change.result.entityRef, mapped_by: change.result.mappedBy });
          if (updated === 1) moved.push(change);
        }
        await addCounts(tx, moved.map(c => ({ day: c.row.day, entity_ref: UNMAPPED, priority: c.row.priority })), -1);
        await addCounts(tx, moved.map(c => ({ day: c.row.day, entity_ref: c.result.entityRef, priority: c.row.priority })), +1);
        return moved.length;
      });
    }
  }

  /** Retention: events that happened before `eventsBefore`, counts of days before `countsBeforeDay`. */
  async deleteOld(options: { eventsBefore: Date; countsBeforeDay: string }) {
    const events = await this.knex('falco_events').where('time_at', '<', options.eventsBefore).delete();
    const counts = await this.knex('falco_daily_counts').where('day', '<', options.countsBeforeDay).delete();
    return { events, counts };
  }

  async listAlerts(query: AlertQuery): Promise<{ items: FalcoAlert[]; totalCount: number }> {
    const base = this.knex<EventRow>('falco_events');
    if (query.entityRef === null) base.whereNull('entity_ref');
    else if (query.entityRef !== undefined) base.where('entity_ref', query.entityRef);
    if (query.priorities) base.whereIn('priority', query.priorities);
    if (query.rule) base.where('rule', query.rule);
    if (query.since) base.where('time_at', '>=', query.since);
    if (query.until) base.where('time_at', '<', query.until);
    const [{ total }] = await base.clone().count({ total: '*' });
    const rows: EventRow[] = await base
      .clone()
      .select()
      .orderBy([{ column: 'time_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(query.limit)
      .offset(query.offset);
    return { items: rows.map(toAlert), totalCount: Number(total) };
  }

  async distinctRules(entityRef: string | null | undefined): Promise<string[]> {
    const query = this.knex<EventRow>('falco_events').distinct('rule').orderBy('rule');
    if (entityRef === null) query.whereNull('entity_ref');
    else if (entityRef !== undefined) query.where('entity_ref', entityRef);
    return (await query).map(r => r.rule);
  }

  /** Counts by priority from `fromDay` on; one component, unmapped (null), or everything. */
  async countsByPriority(fromDay: string, entityRef?: string | null): Promise<PriorityCounts> {
    const query = this.knex<CountRow>('falco_daily_counts')
      .select('priority')
      .sum({ total: 'count' })
      .where('day', '>=', fromDay)
      .groupBy('priority');
    if (entityRef === null) query.where('entity_ref', UNMAPPED);
    else if (entityRef !== undefined) query.where('entity_ref', entityRef);
    return toCounts(await query);
  }

  /** The first UTC day any event was counted (daily counts outlive event retention). */
  async firstDay(): Promise<string | undefined> {
    const row = await this.knex<CountRow>('falco_daily_counts').min({ first: 'day' }).first();
    return (row as { first?: string | null } | undefined)?.first ?? undefined;
  }

  /** Per-day counts by priority from `fromDay` on, over every event. */
  async dailyTrend(fromDay: string): Promise<Array<{ day: string; counts: PriorityCounts }>> {
    const rows = await this.knex<CountRow>('falco_daily_counts')
      .select('day', 'priority')
      .sum({ total: 'count' })
      .where('day', '>=', fromDay)
      .groupBy('day', 'priority');
    return groupCounts(rows, r => r.day as string).map(([day, counts]) => ({ day, counts }));
  }

  /** Per-component counts by priority from `fromDay` on (mapped components only). */
  async countsByComponent(fromDay: string): Promise<Array<{ entityRef: string; counts: PriorityCounts }>> {
    const rows = await this.knex<CountRow>('falco_daily_counts')
      .select('entity_ref', 'priority')
      .sum({ total: 'count' })
      .where('day', '>=', fromDay)
      .whereNot('entity_ref', UNMAPPED)
      .groupBy('entity_ref', 'priority');
    return groupCounts(rows, r => r.entity_ref as string).map(([entityRef, counts]) => ({ entityRef, counts }));
  }

  async topRules(since: Date, limit: number) {
    const rows = await this.knex<EventRow>('falco_events')
      .select('rule')
      .count({ total: '*' })
      .min({ highest: 'priority_rank' })
      .where('time_at', '>=', since)
      .groupBy('rule')
      .orderBy([{ column: 'total', order: 'desc' }, { column: 'rule' }])
      .limit(limit);
    return rows.map(r => ({
      rule: r.rule as string,
      count: Number(r.total),
      highestPriority: FALCO_PRIORITIES[Number(r.highest)],
    }));
  }

  /** The newest event time per mapped component, over every stored event. */
  async lastEventByComponent(): Promise<Map<string, Date>> {
    const rows = await this.knex<EventRow>('falco_events')
      .select('entity_ref')
      .max({ last: 'time_at' })
      .whereNotNull('entity_ref')
      .groupBy('entity_ref');
    return new Map(rows.map(r => [r.entity_ref as string, toDate(r.last as string)]));
  }

  /**
   * Remembers when the demo generator first saw each of `entityRefs` (now, unless it saw
   * it before) and returns every remembered time: generated events start there.
   */
  async demoFirstSeen(entityRefs: string[], at: Date): Promise<Map<string, Date>> {
    for (let i = 0; i < entityRefs.length; i += INSERT_CHUNK) {
      const rows = entityRefs.slice(i, i + INSERT_CHUNK).map(entity_ref => ({ entity_ref, first_seen_at: at }));
      if (rows.length > 0) await this.knex('falco_demo_components').insert(rows).onConflict('entity_ref').ignore();
    }
    const rows = await this.knex('falco_demo_components').select('entity_ref', 'first_seen_at');
    return new Map(rows.map(r => [r.entity_ref as string, toDate(r.first_seen_at)]));
  }

  async lastEventAt(entityRef?: string): Promise<Date | undefined> {
    const query = this.knex<EventRow>('falco_events').max({ last: 'time_at' });
    if (entityRef !== undefined) query.where('entity_ref', entityRef);
    const [{ last }] = await query;
    return last === null || last === undefined ? undefined : toDate(last as string);
  }
}

type CountKey = Pick<CountRow, 'day' | 'entity_ref' | 'priority'>;

/** Inserts the rows not stored yet, in as few statements as the parameter limits allow, and counts them. */
async function insertAndCount(tx: Knex.Transaction, events: MappedFalcoEvent[], receivedAt: Date): Promise<Set<string>> {
  const inserted = await insertNew(tx, events, receivedAt);
  await addCounts(tx, inserted, +1);
  return new Set(inserted.map(r => r.event_key));
}

async function insertNew(tx: Knex.Transaction, events: MappedFalcoEvent[], receivedAt: Date) {
  const inserted: Array<CountKey & { event_key: string }> = [];
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    const returned: Array<Pick<EventRow, 'event_key' | 'day' | 'entity_ref' | 'priority'>> = await tx<EventRow>('falco_events')
      .insert(events.slice(i, i + INSERT_CHUNK).map(e => toRow(e, receivedAt)))
      .onConflict('event_key')
      .ignore()
      .returning(['event_key', 'day', 'entity_ref', 'priority']);
    for (const r of returned) inserted.push({ event_key: r.event_key, day: r.day, entity_ref: r.entity_ref ?? UNMAPPED, priority: r.priority });
  }
  return inserted;
}

async function insertOneByOne(tx: Knex.Transaction, events: MappedFalcoEvent[], receivedAt: Date) {
  const inserted: Array<CountKey & { event_key: string }> = [];
  const refused = new Map<string, string>();
  for (const event of events) {
    try {
      inserted.push(...(await tx.transaction(savepoint => insertNew(savepoint, [event], receivedAt))));
    } catch (error) {
      if (!isDataError(error)) throw error;
      refused.set(event.key, dataErrorReason(error));
    }
  }
  await addCounts(tx, inserted, +1);
  return { inserted: new Set(inserted.map(r => r.event_key)), refused };
}

function toRow(event: MappedFalcoEvent, receivedAt: Date): Omit<EventRow, 'id'> {
  return {
    event_key: event.key,
    time: event.time,
    time_at: event.timeAt,
    day: event.day,
    rule: storableText(event.rule),
    priority: event.priority,
    priority_rank: priorityRank(event.priority),
    output: storableText(event.output),
    source: storableText(event.source),
    hostname: storableText(event.hostname),
    tags: JSON.stringify(event.tags),
    output_fields: JSON.stringify(event.outputFields),
    namespace: storableText(event.namespace),
    pod: storableText(event.pod),
    container_image: storableText(event.containerImage),
    entity_ref: event.mapping?.entityRef ?? null,
    mapped_by: event.mapping?.mappedBy ?? null,
    received_at: receivedAt,
  };
}

function toAlert(row: EventRow): FalcoAlert {
  return {
    id: row.event_key,
    time: row.time,
    rule: row.rule,
    priority: row.priority as FalcoPriority,
    output: row.output,
    source: row.source,
    hostname: row.hostname,
    tags: JSON.parse(row.tags),
    outputFields: JSON.parse(row.output_fields),
    namespace: row.namespace,
    pod: row.pod,
    containerImage: row.container_image,
    entityRef: row.entity_ref,
    mappedBy: row.mapped_by as FalcoMappingRule | null,
    receivedAt: toDate(row.received_at).toISOString(),
  };
}

/**
 * Adds `sign` per row to the daily counts, in as few statements as SQLite allows. Every ingest adds to the same
 * few keys (today, unmapped, notice), so each transaction adds to one of COUNT_SHARDS rows
 * per key, chosen at random: concurrent senders rarely wait for each other's row lock on
 * PostgreSQL. Readers sum over the shards. Rows are in key order, so two transactions
 * that do meet lock in the same order and never deadlock.
 */
async function addCounts(tx: Knex.Transaction, rows: CountKey[], sign: 1 | -1) {
  const totals = new Map<string, CountRow>();
  for (const row of rows) {
    const key = `${row.day}\u0000${row.entity_ref}\u0000${row.priority}`;
    const current = totals.get(key) ?? { day: row.day, entity_ref: row.entity_ref, priority: row.priority, count: 0 };
    current.count += sign;
    totals.set(key, current);
  }
  if (totals.size === 0) return;
  const shard = randomInt(COUNT_SHARDS);
  const sorted = [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => ({ ...row, shard }));
  // SQLite's multi-row insert is a compound SELECT of at most 500 terms: a big batch spans days and services.
  for (let i = 0; i < sorted.length; i += INSERT_CHUNK) {
    await tx<CountRow>('falco_daily_counts')
      .insert(sorted.slice(i, i + INSERT_CHUNK))
      .onConflict(['day', 'entity_ref', 'priority', 'shard'])
      .merge({ count: tx.raw('?? + excluded.??', ['falco_daily_counts.count', 'count']) });
  }
}

function toCounts(rows: Array<Record<string, unknown>>): PriorityCounts {
  const counts = emptyPriorityCounts();
  for (const row of rows) {
    const priority = row.priority as FalcoPriority;
    if (priority in counts) counts[priority] += Number(row.total);
  }
  return counts;
}

function groupCounts(rows: Array<Record<string, unknown>>, keyOf: (row: Record<string, unknown>) => string): Array<[string, PriorityCounts]> {
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, group]) => [key, toCounts(group)]);
}
