import { LoggerService } from '@backstage/backend-plugin-api';
import { demoHistoryStart } from '@internal/portal-common';
import { FalcoIngestor } from '../ingest/FalcoIngestor';
import { MappingCache } from '../mapping/MappingCache';
import { generateDemoEvents } from './generateDemoEvents';

const DEMO_HOURS = 14 * 24;
const HOUR_MS = 3_600_000;

/**
 * Sends generated events for the last 14 days through the same ingest path the webhook
 * uses. Runs every minute but only sends when there is something new: a new hour, or a
 * different set of components. It waits for the catalog, so a backend that starts before
 * the catalog has read examples/ fills the components in as soon as it has. Re-sending
 * the whole window is safe: the store keeps each event once. A component that appeared
 * after the demo began (demoHistoryStart, from the first-seen times the store keeps) gets
 * events only from when it was first seen.
 */
export class DemoEventFeeder {
  private lastFed: string | undefined;

  constructor(
    private readonly deps: {
      ingestor: FalcoIngestor;
      /** Records and returns when the demo first saw each component (FalcoEventStore.demoFirstSeen). */
      firstSeen: (entityRefs: string[], at: Date) => Promise<Map<string, Date>>;
      mapping: MappingCache;
      maxBatchSize: number;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {}

  async feed(): Promise<{ accepted: number; duplicates: number }> {
    const now = (this.deps.clock ?? (() => new Date()))();
    if (this.deps.mapping.current().components.length === 0) await this.deps.mapping.reload();
    const components = this.deps.mapping.current().components;
    if (components.length === 0) {
      this.deps.logger.info('Falco demo: waiting for the catalog to list components');
      return { accepted: 0, duplicates: 0 };
    }
    const fed = `${Math.floor(now.getTime() / HOUR_MS)}|${components.map(c => c.entityRef).join(',')}`;
    if (fed === this.lastFed) return { accepted: 0, duplicates: 0 };

    const firstSeen = await this.deps.firstSeen(
      components.map(c => c.entityRef),
      now,
    );
    const demoStartedAt = new Date(Math.min(...[...firstSeen.values()].map(t => t.getTime())));
    const events = generateDemoEvents(components, now, DEMO_HOURS, entityRef => {
      const seen = firstSeen.get(entityRef);
      return seen ? demoHistoryStart(seen, demoStartedAt) : undefined;
    });
    let accepted = 0;
    let duplicates = 0;
    for (let i = 0; i < events.length; i += this.deps.maxBatchSize) {
      const result = await this.deps.ingestor.ingest(events.slice(i, i + this.deps.maxBatchSize));
      accepted += result.accepted;
      duplicates += result.duplicates;
      if (result.rejected > 0) {
        throw new Error(`Falco demo: ${result.rejected} generated events were rejected: ${result.results.find(r => r.status === 'rejected')?.reason}`);
      }
    }
    this.lastFed = fed;
    if (accepted > 0) this.deps.logger.info(`Falco demo: stored ${accepted} generated events`);
    return { accepted, duplicates };
  }
}
