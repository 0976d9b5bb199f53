import {
  checkComponentName,
  checkCostCenter,
  checkEnvironments,
  checkOnCall,
  checkSloTarget,
  checkTier,
} from './fieldRules';

describe('golden-path field rules', () => {
  it.each(['basket-service', 'abc', 'a1-b2'])('accepts the name %s', name => {
    expect(checkComponentName(name)).toEqual([]);
  });

  it.each(['Basket', 'ab', '1service', 'service-', 'a'.repeat(41), 'my--service', 'my_service', 42])(
    'refuses the name %s, naming the field',
    name => {
      expect(checkComponentName(name)).toEqual([
        { field: 'name', message: expect.stringMatching(/lowercase|single hyphens/) },
      ]);
    },
  );

  it('accepts SLO targets from 90 to 99.999 percent only', () => {
    expect(checkSloTarget(90)).toEqual([]);
    expect(checkSloTarget(99.999)).toEqual([]);
    expect(checkSloTarget(89.99)).toHaveLength(1);
    expect(checkSloTarget(99.9999)).toHaveLength(1);
    expect(checkSloTarget(100)).toHaveLength(1);
    expect(checkSloTarget('99.9')).toHaveLength(1);
    expect(checkSloTarget(Number.NaN)).toHaveLength(1);
  });

  it('checks on-call, cost centre, tier and environments', () => {
    expect(checkOnCall('pagerduty:checkout-primary')).toEqual([]);
    expect(checkOnCall('call bob')[0].field).toBe('onCall');
    expect(checkCostCenter('CC-1042')).toEqual([]);
    expect(checkCostCenter('1042')[0].field).toBe('costCenter');
    expect(checkTier('tier-2')).toEqual([]);
    expect(checkTier('gold')[0].field).toBe('tier');
    expect(checkEnvironments(['dev', 'prod'])).toEqual([]);
    expect(checkEnvironments([])[0].field).toBe('environments');
    expect(checkEnvironments(['dev', 'dev'])).toHaveLength(1);
    expect(checkEnvironments(['qa'])).toHaveLength(1);
  });
});
