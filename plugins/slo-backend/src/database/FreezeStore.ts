import {
  FreezeBurn,
  FreezeEvaluation,
  FreezeExemption,
  FreezeState,
  FreezeTransition,
  SloFreeze,
} from '@internal/plugin-slo-common';
import { Knex } from 'knex';

interface FreezeRow {
  entity_ref: string;
  slo_name: string;
  frozen: boolean | number;
  since: Date | string | null;
  reason: string | null;
  burn: string;
  measured_at: Date | string | null;
}

interface ExemptionRow {
  id: number;
  entity_ref: string;
  reason: string;
  expires_at: Date | string;
  created_by: string;
  created_at: Date | string;
  removed_by: string | null;
  removed_at: Date | string | null;
}

/** What the deploy gate reads for one service, all from the store. */
export interface GateInputs {
  slos: Array<{ sloName: string; measuredAt: Date | null; error: string | null; errorAt: Date | null }>;
  freezes: Array<SloFreeze & { entityRef: string }>;
  exemption: FreezeExemption | null;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

function toFreeze(row: FreezeRow): SloFreeze & { entityRef: string } {
  return {
    entityRef: row.entity_ref,
    sloName: row.slo_name,
    frozen: Boolean(row.frozen),
    since: iso(row.since),
    reason: row.reason,
    burn: JSON.parse(row.burn) as FreezeBurn,
    measuredAt: iso(row.measured_at),
  };
}

function toExemption(row: ExemptionRow): FreezeExemption {
  return {
    id: String(row.id),
    entityRef: row.entity_ref,
    reason: row.reason,
    expiresAt: iso(row.expires_at)!,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
  };
}

/**
 * The error-budget policy's state: per SLO whether it is frozen and since when, the history
 * of freezes starting and ending, and the platform's exemptions. Built on the same knex (or
 * transaction) as SloStatusStore, so a refresh stores statuses and freezes together.
 */
export class FreezeStore {
  constructor(private readonly knex: Knex) {}

  /** Previous states, by `entityRef` + NUL + `sloName`, for the next evaluation. */
  async states(): Promise<Map<string, FreezeState>> {
    const rows = await this.knex<FreezeRow>('slo_freezes').select('entity_ref', 'slo_name', 'frozen', 'since', 'reason');
    return new Map(
      rows.map(row => [
        `${row.entity_ref}\u0000${row.slo_name}`,
        { frozen: Boolean(row.frozen), since: iso(row.since), reason: row.reason },
      ]),
    );
  }

  /** Stores one SLO's new state and, when it started or ended a freeze, the transition. */
  async save(entityRef: string, sloName: string, evaluation: FreezeEvaluation, measuredAt: Date) {
    const row = {
      entity_ref: entityRef,
      slo_name: sloName,
      frozen: evaluation.frozen,
      since: evaluation.since ? new Date(evaluation.since) : null,
      reason: evaluation.reason,
      burn: JSON.stringify(evaluation.burn),
      measured_at: measuredAt,
    };
    await this.knex('slo_freezes')
      .insert({ ...row, first_evaluated_at: measuredAt })
      .onConflict(['entity_ref', 'slo_name'])
      .merge(['frozen', 'since', 'reason', 'burn', 'measured_at']);
    if (evaluation.transition) {
      await this.knex('slo_freeze_transitions').insert({
        entity_ref: entityRef,
        slo_name: sloName,
        kind: evaluation.transition,
        at: measuredAt,
        reason: evaluation.transition === 'started' ? evaluation.reason : null,
      });
    }
  }

  /** Drops the state of SLOs that are no longer defined; their history stays. */
  async retainOnly(keys: Array<{ entityRef: string; name: string }>) {
    const keep = new Set(keys.map(k => `${k.entityRef}\u0000${k.name}`));
    const rows = await this.knex<FreezeRow>('slo_freezes').select('entity_ref', 'slo_name');
    for (const row of rows.filter(r => !keep.has(`${r.entity_ref}\u0000${r.slo_name}`))) {
      await this.knex('slo_freezes').where({ entity_ref: row.entity_ref, slo_name: row.slo_name }).delete();
    }
  }

  async list(): Promise<Array<SloFreeze & { entityRef: string }>> {
    const rows = await this.knex<FreezeRow>('slo_freezes').select().orderBy(['entity_ref', 'slo_name']);
    return rows.map(toFreeze);
  }

  /**
   * Where the stored freeze history begins: the first evaluation of any SLO still defined.
   * Before it nothing was recorded, which is not the same as nothing frozen.
   */
  async recordedSince(): Promise<string | null> {
    const row = await this.knex('slo_freezes').min({ first: 'first_evaluated_at' }).first();
    return row?.first ? iso(row.first) : null;
  }

  /** Transitions with from ≤ at < to, oldest first. */
  async transitions(from: Date, to: Date): Promise<FreezeTransition[]> {
    const rows = await this.knex('slo_freeze_transitions')
      .where('at', '>=', from)
      .andWhere('at', '<', to)
      .orderBy([{ column: 'at' }, { column: 'id' }]);
    return rows.map(row => ({
      entityRef: row.entity_ref,
      sloName: row.slo_name,
      kind: row.kind,
      at: iso(row.at)!,
      reason: row.reason,
    }));
  }

  async addExemption(input: { entityRef: string; reason: string; expiresAt: Date; createdBy: string; now: Date }) {
    const [inserted] = await this.knex('slo_freeze_exemptions')
      .insert({
        entity_ref: input.entityRef,
        reason: input.reason,
        expires_at: input.expiresAt,
        created_by: input.createdBy,
        created_at: input.now,
      })
      .returning('id');
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    const row = await this.knex<ExemptionRow>('slo_freeze_exemptions').where({ id }).first();
    return toExemption(row!);
  }

  /** Ends an exemption now; the row stays as a record. False when there was none active. */
  async removeExemption(id: string, removedBy: string, now: Date): Promise<boolean> {
    const updated = await this.knex('slo_freeze_exemptions')
      .where({ id: Number(id) })
      .whereNull('removed_at')
      .update({ removed_by: removedBy, removed_at: now });
    return updated > 0;
  }

  /** Exemptions not removed and not yet expired at `now`, newest first. */
  async activeExemptions(now: Date, entityRef?: string): Promise<FreezeExemption[]> {
    const query = this.knex<ExemptionRow>('slo_freeze_exemptions')
      .whereNull('removed_at')
      .andWhere('expires_at', '>', now)
      .orderBy('created_at', 'desc');
    if (entityRef) query.andWhere({ entity_ref: entityRef });
    return (await query).map(toExemption);
  }

  /** Everything the gate needs for one service: three indexed reads, no JSON statuses. */
  async gateInputs(entityRef: string, now: Date): Promise<GateInputs> {
    const [slos, freezes, exemptions] = await Promise.all([
      this.knex('slo_statuses')
        .select('slo_name', 'measured_at', 'error', 'error_at')
        .where({ entity_ref: entityRef }),
      this.knex<FreezeRow>('slo_freezes').select().where({ entity_ref: entityRef }),
      this.activeExemptions(now, entityRef),
    ]);
    return {
      slos: slos.map(row => ({
        sloName: row.slo_name,
        measuredAt: row.measured_at ? new Date(row.measured_at) : null,
        error: row.error,
        errorAt: row.error_at ? new Date(row.error_at) : null,
      })),
      freezes: freezes.map(toFreeze),
      exemption: exemptions[0] ?? null,
    };
  }
}
