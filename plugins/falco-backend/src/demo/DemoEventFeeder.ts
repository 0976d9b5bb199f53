import { LoggerService } from '@backstage/backend-plugin-api';
import { FalcoIngestor } from '../ingest/FalcoIngestor';
import { MappingCache } from '../mapping/MappingCache';
import { generateDemoEvents } from './generateDemoEvents';

const DEMO_HOURS = 14 * 24;

/**
 * Sends generated events for the last 14 days through the same ingest path the webhook
 * uses. Runs on a schedule; each run re-sends the whole window, which the idempotent store
 * turns into "just the new hour", so a backend started before the catalog was loaded
 * catches up on the next run.
 */
export class DemoEventFeeder {
  constructor(
    private readonly deps: {
      ingestor: FalcoIngestor;
      mapping: MappingCache;
      maxBatchSize: number;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {}

  async feed(): Promise<{ accepted: number; duplicates: number }> {
    if (this.deps.mapping.current().components.length === 0) await this.deps.mapping.reload();
    const events = generateDemoEvents(
      this.deps.mapping.current().components,
      (this.deps.clock ?? (() => new Date()))(),
      DEMO_HOURS,
    );
    let accepted = 0;
    let duplicates = 0;
    for (let i = 0; i < events.length; i += this.deps.maxBatchSize) {
      const result = await this.deps.ingestor.ingest(events.slice(i, i + this.deps.maxBatchSize));
      accepted += result.accepted;
      duplicates += result.duplicates;
    }
    if (accepted > 0) this.deps.logger.info(`Falco demo: stored ${accepted} generated events`);
    return { accepted, duplicates };
  }
}
