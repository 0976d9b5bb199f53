import { startHttpFake, HttpFake } from '../__testUtils__/httpFake';
import { clusterSets } from '../__testUtils__/kubecostFixtures';
import { KubecostAllocationClient } from './KubecostAllocationClient';
import { KubecostCostSource } from './KubecostCostSource';

describe('KubecostCostSource against a Kubecost/OpenCost contract fake', () => {
  let fake: HttpFake | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  function sourceFor(
    url: string,
    flavour: 'kubecost' | 'opencost',
    timeoutMs = 5000,
  ) {
    return new KubecostCostSource({
      flavour,
      teamLabel: 'team',
      serviceAggregate: 'label:app',
      client: new KubecostAllocationClient({
        baseUrl: url,
        flavour,
        timeoutMs,
      }),
    });
  }

  it.each([
    ['kubecost', 'label=value', { code: 200 }],
    ['opencost', 'value', { code: 200, status: 'success' }],
  ] as const)(
    'reads %s keys (%s form) into team, service, idle and unallocated lines',
    async (flavour, keyForm, envelope) => {
      fake = await startHttpFake(() => ({
        status: 200,
        body: { ...envelope, data: clusterSets(keyForm) },
      }));
      const days = await sourceFor(`${fake.url}/model`, flavour).readDays(
        '2026-11-20',
        '2026-11-21',
      );

      expect(days.map(d => d.day)).toEqual(['2026-11-20', '2026-11-21']);
      const first = days[0].lines;
      const payments = first.find(l => l.serviceKey === 'payments-service')!;
      expect(payments).toMatchObject({
        kind: 'workload',
        teamKey: 'payments',
        cpuEfficiency: 0.4,
        ramEfficiency: 0.8,
      });
      expect(payments.costs).toMatchObject({
        cpu: 10.11,
        ram: 4.07,
        storage: 1.5,
        network: 0.33,
      });
      // The cost adjustment belongs to CPU; GPU and external cost keep their own categories.
      expect(
        first.find(l => l.serviceKey === 'cart-service')!.costs.cpu,
      ).toBeCloseTo(7.65, 10);
      expect(
        first.find(l => l.serviceKey === 'search-service')!.costs,
      ).toMatchObject({ gpu: 2.22, cloud: 0.99 });
      expect(first.find(l => l.kind === 'idle')).toMatchObject({
        teamKey: null,
        serviceKey: null,
      });
      expect(first.find(l => l.kind === 'unallocated')).toMatchObject({
        teamKey: null,
        serviceKey: 'batch-runner',
      });
      // Orphaned volumes are a line of their own, never a team called __unmounted__.
      const unmounted = first.filter(l => l.kind === 'unmounted');
      expect(unmounted).toHaveLength(1);
      expect(unmounted[0]).toMatchObject({ teamKey: null, serviceKey: null });
      expect(unmounted[0].costs.storage).toBe(2.75);
      expect(first.some(l => l.teamKey?.includes('unmounted'))).toBe(false);
      // A team's workload without the app label is the team's, with no service.
      expect(
        first.find(l => l.teamKey === 'payments' && l.serviceKey === null),
      ).toMatchObject({ kind: 'workload' });
      // Second set, second day: its own figures.
      expect(days[1].lines.find(l => l.kind === 'idle')!.costs.cpu).toBeCloseTo(
        9.88,
        10,
      );

      const query = fake.requests[0].url;
      expect(query.pathname).toBe('/model/allocation');
      expect(query.searchParams.get('window')).toBe(
        '2026-11-20T00:00:00Z,2026-11-22T00:00:00Z',
      );
      expect(query.searchParams.get('aggregate')).toBe('label:team,label:app');
      expect(query.searchParams.get('shareIdle')).toBe('false');
      // OpenCost leaves idle out unless asked.
      expect(query.searchParams.get('includeIdle')).toBe(
        flavour === 'opencost' ? 'true' : null,
      );
    },
  );

  it('leaves out a day Kubecost returned no set for (null sets, days beyond the range)', async () => {
    const [day20] = clusterSets('value', ['2026-11-20']);
    const [day23] = clusterSets('value', ['2026-11-23']);
    fake = await startHttpFake(() => ({
      status: 200,
      body: { code: 200, data: [day20, null, day23] },
    }));
    const days = await sourceFor(fake.url, 'kubecost').readDays(
      '2026-11-20',
      '2026-11-21',
    );
    expect(days.map(d => d.day)).toEqual(['2026-11-20']);
  });

  it('reports an HTTP error with the status and the body', async () => {
    fake = await startHttpFake(() => ({
      status: 500,
      body: 'error querying prometheus: connection refused',
    }));
    await expect(
      sourceFor(fake.url, 'kubecost').readDays('2026-11-20', '2026-11-20'),
    ).rejects.toThrow(
      /^Kubecost answered HTTP 500: error querying prometheus: connection refused \(http:/,
    );
  });

  it('names what Kubecost answered when it refuses the query (its JSON message)', async () => {
    fake = await startHttpFake(() => ({
      status: 400,
      body: {
        code: 400,
        message: 'error parsing window (2026-11-20T00:00:00Z,bad): invalid',
      },
    }));
    await expect(
      sourceFor(fake.url, 'kubecost').readDays('2026-11-20', '2026-11-20'),
    ).rejects.toThrow(
      `Kubecost answered HTTP 400: error parsing window (2026-11-20T00:00:00Z,bad): invalid (${fake.url})`,
    );
  });

  it('keeps the credentials it sent out of an error that quotes them back', async () => {
    fake = await startHttpFake(request => ({
      status: 502,
      body: `gateway refused authorization=${request.headers.authorization}`,
    }));
    const client = new KubecostAllocationClient({
      baseUrl: fake.url,
      flavour: 'kubecost',
      timeoutMs: 5000,
      headers: { Authorization: 'Basic a3ViZWNvc3Q6c2VjcmV0' },
    });
    const failure = new KubecostCostSource({ flavour: 'kubecost', teamLabel: 'team', serviceAggregate: 'label:app', client })
      .readDays('2026-11-20', '2026-11-20');
    await expect(failure).rejects.toThrow(/answered HTTP 502: gateway refused authorization=<redacted> \(http:\/\/127\.0\.0\.1:\d+\)$/);
  });

  it('reports an error envelope (code other than 200)', async () => {
    fake = await startHttpFake(() => ({
      status: 200,
      body: { code: 400, message: 'invalid window' },
    }));
    await expect(
      sourceFor(fake.url, 'kubecost').readDays('2026-11-20', '2026-11-20'),
    ).rejects.toThrow(/invalid window/);
  });

  it('names the socket error when nothing listens', async () => {
    const closed = await startHttpFake(() => ({ status: 200, body: {} }));
    await closed.close();
    await expect(
      sourceFor(closed.url, 'kubecost').readDays('2026-11-20', '2026-11-20'),
    ).rejects.toThrow(
      /Kubecost at http:\/\/127\.0\.0\.1:\d+ did not answer: ECONNREFUSED/,
    );
  });

  it('gives up on a Kubecost that does not answer in time', async () => {
    fake = await startHttpFake(() => ({
      status: 200,
      body: { code: 200, data: [] },
      delayMs: 2000,
    }));
    await expect(
      sourceFor(fake.url, 'opencost', 200).readDays('2026-11-20', '2026-11-20'),
    ).rejects.toThrow(/OpenCost .* did not answer: no answer within 200 ms/);
  });
});
