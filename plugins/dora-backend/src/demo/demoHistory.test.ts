import { demoHistory } from './demoHistory';

const service = { entityRef: 'component:default/checkout-service', repository: 'harbor-market/checkout-service', environment: 'production' };

describe('demoHistory', () => {
  it('is the same for the same day and keeps earlier days when a day passes', () => {
    const now = new Date('2026-11-27T20:00:00Z');
    const today = demoHistory(service, { now, days: 90 });
    expect(demoHistory(service, { now, days: 90 })).toEqual(today);

    const tomorrow = demoHistory(service, { now: new Date('2026-11-28T20:00:00Z'), days: 91 });
    const ids = new Set(tomorrow.deployments.map(d => d.deploymentId));
    expect(today.deployments.every(d => ids.has(d.deploymentId))).toBe(true);
  });

  it('has nothing after now, and every successful deployment has commits before it', () => {
    const now = new Date('2026-11-27T09:00:00Z');
    const { deployments, commits } = demoHistory(service, { now, days: 90 });
    expect(deployments.length).toBeGreaterThan(0);
    expect(deployments.every(d => d.finishedAt!.getTime() <= now.getTime())).toBe(true);
    for (const d of deployments.filter(x => x.state === 'success')) {
      const own = commits.filter(c => c.deploymentId === d.deploymentId);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every(c => c.committedAt < d.finishedAt!)).toBe(true);
    }
  });
});
