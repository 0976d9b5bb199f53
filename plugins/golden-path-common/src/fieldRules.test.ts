import {
  checkComponentName,
  checkDescription,
  checkGoldenPathInput,
  checkSchedule,
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
        { field: 'name', message: expect.stringMatching(/lowercase|single hyphens|as text|shorten it/) },
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

  it('refuses control characters and invisible characters in single-line fields, naming them', () => {
    expect(checkDescription('Line one\nresource "aws_iam_user" "x" {}')).toEqual([
      { field: 'description', message: expect.stringContaining('contains a line break at character 9') },
    ]);
    expect(checkDescription('Tabs\tare not allowed here')[0].message).toContain('a tab');
    expect(checkDescription('Reads \u202eright to left')[0].message).toContain('U+202E');
    expect(checkDescription('Broken \ud800 character')[0].message).toContain('broken character');
    expect(checkOnCall('pagerduty:x\n')[0].message).toContain('line break');
  });

  it('bounds lengths, counting characters rather than UTF-16 units', () => {
    expect(checkDescription('short')[0].message).toBe('The description needs at least 10 characters.');
    expect(checkDescription('a'.repeat(1000))[0].message).toBe(
      'The description is 1000 characters long; shorten it to at most 200.',
    );
    expect(checkDescription('🚀'.repeat(200))).toEqual([]);
  });

  it('accepts an empty schedule (a queue worker) and a cron schedule, in words otherwise', () => {
    expect(checkSchedule('')).toEqual([]);
    expect(checkSchedule('0 2 * * *')).toEqual([]);
    const [problem] = checkSchedule('every day at noon please');
    expect(problem.field).toBe('schedule');
    expect(problem.message).toMatch(/^Check the schedule: the minute field "every" is not a number/);
    expect(problem.message).not.toMatch(/\^|\$\|/);
  });

  it('checks a whole input for its kind, field by field', () => {
    const worker = {
      kind: 'worker' as const,
      name: 'nightly-reconcile',
      description: 'Reconciles the ledger every night',
      owner: 'group:default/checkout',
      system: 'system:default/commerce-core',
      tier: 'tier-2',
      sloTarget: 99.9,
      onCall: 'pagerduty:checkout-primary',
      costCenter: 'CC-1042',
      environments: ['dev'],
      schedule: '*/5\nprocess.exit(42)//\t*\t*\t*',
    };
    expect(checkGoldenPathInput(worker).map(p => p.field)).toEqual(['schedule']);
    expect(checkGoldenPathInput({ ...worker, schedule: '0 2 * * *' })).toEqual([]);
    expect(
      checkGoldenPathInput({ kind: 'terraform-module', name: 'terraform-aws-x', description: 'x\ny', owner: 'team', system: 's'.repeat(141), onCall: 'slack:x', costCenter: 'CC-1000' }).map(p => p.field),
    ).toEqual(['description', 'system']);
  });
});
