import { GateDecision, GateOverride } from '@internal/plugin-slo-common';
import { Knex } from 'knex';

interface OverrideRow {
  id: number;
  entity_ref: string;
  reason: string;
  actor: string | null;
  run_url: string | null;
  commit: string | null;
  decision: GateDecision;
  decision_reason: string;
  recorded_by: string;
  created_at: Date | string;
}

function toOverride(row: OverrideRow): GateOverride {
  return {
    id: String(row.id),
    entityRef: row.entity_ref,
    reason: row.reason,
    actor: row.actor,
    runUrl: row.run_url,
    commit: row.commit,
    decision: row.decision,
    decisionReason: row.decision_reason,
    recordedBy: row.recorded_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Emergency deploys despite the deploy gate: an append-only record for reviews. */
export class GateOverrideStore {
  constructor(private readonly knex: Knex) {}

  async add(input: Omit<GateOverride, 'id' | 'createdAt'> & { now: Date }): Promise<GateOverride> {
    const [inserted] = await this.knex('slo_gate_overrides')
      .insert({
        entity_ref: input.entityRef,
        reason: input.reason,
        actor: input.actor,
        run_url: input.runUrl,
        commit: input.commit,
        decision: input.decision,
        decision_reason: input.decisionReason,
        recorded_by: input.recordedBy,
        created_at: input.now,
      })
      .returning('id');
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    const row = await this.knex<OverrideRow>('slo_gate_overrides').where({ id }).first();
    return toOverride(row!);
  }

  /** Overrides with from ≤ created_at < to, newest first. */
  /** From ≤ createdAt < to, newest first; one service's when `entityRef` is given. */
  async list(from: Date, to: Date, entityRef?: string): Promise<GateOverride[]> {
    const query = this.knex<OverrideRow>('slo_gate_overrides')
      .where('created_at', '>=', from)
      .andWhere('created_at', '<', to);
    if (entityRef) query.andWhere('entity_ref', entityRef);
    const rows = await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(toOverride);
  }
}
