import { FalcoIngestResponse } from '@internal/plugin-falco-common';
import { FalcoEventStore } from '../database/FalcoEventStore';
import { MappingCache } from '../mapping/MappingCache';
import { validateFalcoEvents } from './validateFalcoEvents';

/**
 * The one path every event takes, from the webhook and from the demo generator alike:
 * validate, map to a component with the cached catalog mapping, store durably.
 */
export class FalcoIngestor {
  constructor(
    private readonly deps: {
      store: FalcoEventStore;
      mapping: MappingCache;
      maxBatchSize: number;
      clock?: () => Date;
    },
  ) {}

  async ingest(body: unknown): Promise<FalcoIngestResponse> {
    const events = validateFalcoEvents(body, { maxBatchSize: this.deps.maxBatchSize });
    const mapping = this.deps.mapping.current();
    const mapped = events.map(event => ({ ...event, mapping: mapping.map(event) }));
    return this.deps.store.insert(mapped, (this.deps.clock ?? (() => new Date()))());
  }
}
