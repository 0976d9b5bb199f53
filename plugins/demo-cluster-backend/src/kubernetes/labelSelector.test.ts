import { matchesLabelSelector, parseLabelSelector } from './labelSelector';

describe('label selectors, as the Kubernetes API server reads them', () => {
  const labels = { app: 'checkout', tier: 'backend', canary: 'true' };
  const matches = (selector: string) =>
    matchesLabelSelector(parseLabelSelector(selector), labels);

  it('matches equality, inequality and existence requirements', () => {
    expect(matches('app=checkout')).toBe(true);
    expect(matches('app==checkout')).toBe(true);
    expect(matches('app=cart')).toBe(false);
    expect(matches('app!=cart')).toBe(true);
    expect(matches('canary')).toBe(true);
    expect(matches('!canary')).toBe(false);
    expect(matches('!missing')).toBe(true);
  });

  it('matches set requirements and needs every requirement to hold', () => {
    expect(matches('tier in (frontend, backend)')).toBe(true);
    expect(matches('tier notin (frontend,backend)')).toBe(false);
    expect(matches('app=checkout,tier in (backend)')).toBe(true);
    expect(matches('app=checkout,tier=frontend')).toBe(false);
  });

  it('matches everything when empty and refuses what it cannot parse', () => {
    expect(matches('')).toBe(true);
    expect(() => parseLabelSelector('app in checkout')).toThrow(/unable to parse/);
  });
});
