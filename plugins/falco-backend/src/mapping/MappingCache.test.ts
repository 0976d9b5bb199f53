import { MappingCache } from './MappingCache';

describe('MappingCache', () => {
  it('keeps the last good mapping when the catalog fails, and says why', async () => {
    const load = jest
      .fn()
      .mockResolvedValueOnce([{ entityRef: 'component:default/cart-service', kubernetesId: 'cart-service', namespace: 'checkout', containerImages: [] }])
      .mockRejectedValueOnce(new Error('catalog answered 503'));
    const cache = new MappingCache(load, () => new Date('2026-11-27T10:00:00Z'));
    const event = { outputFields: {}, namespace: 'checkout', pod: 'cart-service-abc-1', containerImage: null };

    expect(await cache.reload()).toBe(true);
    expect(cache.current().map(event)?.entityRef).toBe('component:default/cart-service');
    expect(await cache.reload()).toBe(false);
    expect(cache.current().map(event)?.entityRef).toBe('component:default/cart-service');
    expect(cache.status()).toEqual({
      lastSuccessAt: '2026-11-27T10:00:00.000Z',
      lastError: 'Could not read the catalog: catalog answered 503',
    });
  });
});
