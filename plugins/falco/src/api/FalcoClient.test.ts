import { FalcoClient } from './FalcoClient';

describe('FalcoClient', () => {
  const discoveryApi = { getBaseUrl: async () => 'http://portal/api/falco' };

  it('sends the filters as query parameters', async () => {
    const fetch = jest.fn(async (_url: string) => new Response(JSON.stringify({ demo: false, items: [], totalCount: 0, rules: [] })));
    const client = new FalcoClient({ discoveryApi, fetchApi: { fetch } as any });
    await client.getAlerts({
      entityRef: 'component:default/checkout-service',
      priorities: ['critical', 'alert'],
      rule: 'Terminal shell in container',
      since: new Date('2026-11-20T00:00:00Z'),
      limit: 20,
      offset: 40,
    });
    const url = new URL(fetch.mock.calls[0][0]);
    expect(url.pathname).toBe('/api/falco/alerts');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      entityRef: 'component:default/checkout-service',
      priority: 'critical,alert',
      rule: 'Terminal shell in container',
      since: '2026-11-20T00:00:00.000Z',
      limit: '20',
      offset: '40',
    });
  });

  it("throws the backend's error message", async () => {
    const fetch = jest.fn(
      async () =>
        new Response(JSON.stringify({ error: { name: 'InputError', message: 'Query parameter limit must be a whole number' } }), {
          status: 400,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const client = new FalcoClient({ discoveryApi, fetchApi: { fetch } as any });
    await expect(client.getOverview(14)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { message: expect.stringMatching(/limit must be a whole number/) } },
    });
  });
});
