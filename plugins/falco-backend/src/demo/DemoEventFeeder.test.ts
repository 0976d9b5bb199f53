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

const HOUR = 3_600_000;

describe('DemoEventFeeder', () => {
  it('waits for the catalog, then sends 14 days of events once per hour', async () => {
    let catalog: MappableComponent[] = [];
    const mapping = new MappingCache(async () => catalog);
    const ingest = jest.fn(async (body: unknown) => ({ accepted: (body as unknown[]).length, duplicates: 0 }));
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

  it('invents no past for a component that appeared after the demo started', async () => {
    const cart: MappableComponent = { entityRef: 'component:default/legacy-cart', kubernetesId: 'legacy-cart', namespace: 'checkout', containerImages: [] };
    let catalog: MappableComponent[] = [checkout];
    const mapping = new MappingCache(async () => catalog);
    const ingest = jest.fn(async (body: unknown) => ({ accepted: (body as unknown[]).length, duplicates: 0 }));
    let now = new Date('2026-11-20T10:05:00Z');
    const feeder = new DemoEventFeeder({ ingestor: { ingest } as unknown as FalcoIngestor, mapping, maxBatchSize: 1000, logger: mockServices.logger.mock(), clock: () => now });
    await feeder.feed();
    // Created a week later; a legacy workload is noisy, so it has events every few hours.
    catalog = [checkout, cart];
    now = new Date('2026-11-27T10:05:00Z');
    await mapping.reload();
    ingest.mockClear();
    await feeder.feed();
    const sent = ingest.mock.calls.flatMap(([body]) => body as Array<{ time: string; output_fields: Record<string, unknown> }>);
    const cartTimes = sent.filter(e => e.output_fields['container.name'] === 'legacy-cart').map(e => Date.parse(e.time));
    expect(Math.min(...sent.map(e => Date.parse(e.time)))).toBeLessThan(now.getTime() - 7 * 24 * HOUR);
    // Nothing for the new component yet: it appeared at 10:05 and events come in whole hours from then.
    expect(cartTimes.every(t => t >= now.getTime())).toBe(true);
    now = new Date('2026-11-28T10:05:00Z');
    ingest.mockClear();
    await feeder.feed();
    const later = ingest.mock.calls
      .flatMap(([body]) => body as Array<{ time: string; output_fields: Record<string, unknown> }>)
      .filter(e => e.output_fields['container.name'] === 'legacy-cart')
      .map(e => Date.parse(e.time));
    expect(later.length).toBeGreaterThan(0);
    expect(Math.min(...later)).toBeGreaterThanOrEqual(Date.parse('2026-11-27T10:05:00Z'));
  });
});
