import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { FalcoIngestResponse, FalcoIngestResult } from '@internal/plugin-falco-common';
import { FalcoEventStore, MappedFalcoEvent } from '../database/FalcoEventStore';
import { MappingCache } from '../mapping/MappingCache';
import { checkEventTime } from './eventTimeWindow';
import { validateFalcoEvents } from './validateFalcoEvents';

// A reason quotes the sender's field names; keep them from forging log lines.
const printable = (text: string) => text.replace(/\p{Cc}/gu, '?');

const whereOf = (index: number, body: unknown) => (Array.isArray(body) ? `events[${index}]` : 'event');

/**
 * The one path every event takes, from the webhook and from the demo generator alike:
 * validate, check its time, map to a component with the cached catalog mapping, store
 * durably. Each event gets its own result; only a store that cannot store anything (the
 * database is down) fails the whole request, so the sender retries it.
 */
export class FalcoIngestor {
  constructor(
    private readonly deps: {
      store: FalcoEventStore;
      mapping: MappingCache;
      maxBatchSize: number;
      eventRetentionMs: number;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {}

  async ingest(body: unknown): Promise<FalcoIngestResponse> {
    const now = (this.deps.clock ?? (() => new Date()))();
    const validated = validateFalcoEvents(body, { maxBatchSize: this.deps.maxBatchSize });
    const results: FalcoIngestResult[] = [];
    const storable: Array<{ result: FalcoIngestResult; event: MappedFalcoEvent }> = [];
    const mapping = this.deps.mapping.current();
    for (const item of validated) {
      if ('problem' in item) {
        results.push({ index: item.index, status: 'rejected', reason: item.problem });
        continue;
      }
      const result: FalcoIngestResult = { index: item.index, status: 'accepted', id: item.event.key };
      results.push(result);
      const refused = checkEventTime(item.event.timeAt, { now, eventRetentionMs: this.deps.eventRetentionMs });
      if (refused) Object.assign(result, { status: refused.status, reason: `${whereOf(item.index, body)}.time: ${refused.reason}` });
      else storable.push({ result, event: { ...item.event, mapping: mapping.map(item.event) } });
    }

    if (storable.length > 0) {
      let outcomes;
      try {
        outcomes = await this.deps.store.insert(storable.map(s => s.event), now);
      } catch (error) {
        // A database error quotes its whole statement: a batch's worth of event values.
        const message = (error as Error)?.message ?? String(error);
        this.deps.logger.error(
          `Falco ingest: ${storable.length} events could not be stored: ${message.length > 500 ? `${message.slice(0, 500)}…` : message}`,
        );
        throw new ServiceUnavailableError(
          'The events could not be stored (the portal cannot reach its database); nothing of this request was kept: retry later',
        );
      }
      outcomes.forEach((outcome, i) => {
        const { result } = storable[i];
        result.status = outcome.status;
        if (outcome.status === 'rejected') result.reason = `${whereOf(result.index, body)}: ${outcome.reason}`;
      });
    }

    const count = (status: FalcoIngestResult['status']) => results.filter(r => r.status === status).length;
    const response = { accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected'), expired: count('expired'), results };
    if (response.rejected > 0) {
      const first = results.find(r => r.status === 'rejected')!;
      this.deps.logger.warn(
        `Falco ingest: rejected ${response.rejected} of ${results.length} events, e.g. ${printable(first.reason!.slice(0, 300))}`,
      );
    }
    return response;
  }
}
