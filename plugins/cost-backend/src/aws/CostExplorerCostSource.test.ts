import { startCostExplorerFake } from '../__testUtils__/costExplorerFake';
import { CostExplorerClient } from './CostExplorerClient';
import { CostExplorerCostSource } from './CostExplorerCostSource';

const clientFor = (endpoint: string) =>
  new CostExplorerClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    teamTag: 'team',
    serviceTag: 'service',
    metric: 'AmortizedCost',
    maxAttempts: 1,
  });

describe('CostExplorerCostSource against a Cost Explorer contract fake', () => {
  it('reads every page of one grouped DAILY query, untagged cost as unallocated', async () => {
    const fake = await startCostExplorerFake({
      pageSize: 2,
      estimated: ['2026-11-21'],
      days: {
        '2026-11-20': [
          {
            team: 'payments',
            service: 'payments-service',
            amount: '40.3543773134',
          },
          { team: 'payments', service: null, amount: '2.5' },
          { team: null, service: null, amount: '7.0000000001' },
        ],
        '2026-11-21': [
          { team: 'checkout', service: 'cart-service', amount: '12.01' },
        ],
      },
    });
    try {
      const days = await new CostExplorerCostSource(
        clientFor(fake.url),
      ).readDays('2026-11-20', '2026-11-21');

      // 4 groups at 2 a page: 2 requests, both for the same period, the second with the token.
      const bodies = fake.bodies();
      expect(bodies).toHaveLength(2);
      expect(bodies[0]).toMatchObject({
        TimePeriod: { Start: '2026-11-20', End: '2026-11-22' },
        Granularity: 'DAILY',
        Metrics: ['AmortizedCost'],
        GroupBy: [
          { Type: 'TAG', Key: 'team' },
          { Type: 'TAG', Key: 'service' },
        ],
      });
      expect(bodies[0].NextPageToken).toBeUndefined();
      expect(bodies[1].NextPageToken).toBe('2');

      expect(days.map(d => [d.day, d.provisional])).toEqual([
        ['2026-11-20', false],
        ['2026-11-21', true],
      ]);
      const lines = days[0].lines.map(l => [
        l.kind,
        l.teamKey,
        l.serviceKey,
        l.costs.cloud,
      ]);
      expect(lines).toEqual([
        ['workload', 'payments', 'payments-service', 40.3543773134],
        ['workload', 'payments', null, 2.5],
        ['unallocated', null, null, 7.0000000001],
      ]);
      expect(days[1].lines[0]).toMatchObject({
        teamKey: 'checkout',
        serviceKey: 'cart-service',
      });
    } finally {
      await fake.close();
    }
  });

  it('passes LimitExceededException on, so the day is left for the next run', async () => {
    const fake = await startCostExplorerFake({
      days: { '2026-11-20': [] },
      failWith: () => 'LimitExceededException',
    });
    try {
      await expect(
        new CostExplorerCostSource(clientFor(fake.url)).readDays(
          '2026-11-20',
          '2026-11-20',
        ),
      ).rejects.toThrow(/LimitExceededException/);
    } finally {
      await fake.close();
    }
  });

  it('keeps the credentials it sent out of an error that quotes them back', async () => {
    const fake = await startCostExplorerFake({
      days: { '2026-11-20': [] },
      failWith: request => ({
        type: 'ValidationException',
        message: `signed with ${request.headers.authorization}, token ${request.headers['x-amz-security-token']}`,
      }),
    });
    try {
      const client = new CostExplorerClient({
        region: 'us-east-1',
        endpoint: fake.url,
        credentials: { accessKeyId: 'AKIDPORTALTEST', secretAccessKey: 'secret-key-value', sessionToken: 'session-token-value' },
        teamTag: 'team',
        metric: 'AmortizedCost',
        maxAttempts: 1,
      });
      const failure = new CostExplorerCostSource(client).readDays('2026-11-20', '2026-11-20');
      await expect(failure).rejects.toThrow(/ValidationException: signed with AWS4-HMAC-SHA256 Credential=<redacted>\/.*token <redacted>$/);
      await expect(failure).rejects.not.toThrow(/AKIDPORTALTEST|session-token-value/);
    } finally {
      await fake.close();
    }
  });
});
