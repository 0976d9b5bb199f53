import { mockServices } from '@backstage/backend-test-utils';
import { FalcoIngestor } from '../ingest/FalcoIngestor';
import { MappableComponent } from '../mapping/ComponentMapping';
import { MappingCache } from '../mapping/MappingCache';
import { DemoEventFeeder } from './DemoEventFeeder';

const checkout: MappableComponent = {
  entityRef: 'component:default/checkout-service',
  kubernetesId: 'checkout-service',
  namespace: 'checkout',
  containerImages: [],
};

describe('DemoEventFeeder', () => {
  it('waits for the catalog, then sends 14 days of events once per hour', async () => {
    let catalog: MappableComponent[] = [];
    const mapping = new MappingCache(async () => catalog);
    const ingest = jest.fn(async (body: unknown) => ({
      accepted: (body as unknown[]).length,
      duplicates: 0,
      rejected: 0,
      expired: 0,
      results: (body as unknown[]).map((_, index) => ({ index, status: 'accepted' })),
    }));
    let now = new Date('2026-11-27T10:05:00Z');
    const feeder = new DemoEventFeeder({
      ingestor: { ingest } as unknown as FalcoIngestor,
      mapping,
      maxBatchSize: 1000,
      logger: mockServices.logger.mock(),
      clock: () => now,
    });

    expect(await feeder.feed()).toEqual({ accepted: 0, duplicates: 0 });
    expect(ingest).not.toHaveBeenCalled();

    catalog = [checkout];
    const first = await feeder.feed();
    expect(first.accepted).toBeGreaterThan(0);
    const sent = ingest.mock.calls.flatMap(([body]) => body as Array<{ time: string; output_fields: Record<string, unknown> }>);
    const times = sent.map(e => Date.parse(e.time));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-11-13T11:00:00Z'));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(sent.some(e => e.output_fields['k8s.ns.name'] === 'checkout')).toBe(true);

    ingest.mockClear();
    now = new Date('2026-11-27T10:45:00Z');
    await feeder.feed();
    expect(ingest).not.toHaveBeenCalled();
    now = new Date('2026-11-27T11:01:00Z');
    await feeder.feed();
    expect(ingest).toHaveBeenCalled();
  });
});
