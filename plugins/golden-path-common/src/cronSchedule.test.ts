import { checkCronSchedule, longestCronIntervalSeconds } from './cronSchedule';

describe('Kubernetes CronJob schedules', () => {
  it.each(['*/15 * * * *', '0 2 * * *', '30 6 1,15 * MON-FRI', '0 0 ? JAN *', '5-55/10 9-17 * * 1-5'])(
    'accepts %s',
    expression => {
      expect(checkCronSchedule(expression)).toMatchObject({ valid: true });
    },
  );

  it.each([
    ['every day at noon please', /the minute field "every" is not a number/],
    ['*/5\nprocess.exit(42)//\t*\t*\t*', /five|field/],
    ['*/5 * * * * *', /it has 6 field/],
    ['0  2 * * *', /single spaces/],
    ['61 * * * *', /not a valid cron expression/],
    ['0 0 L * *', /day of month field "L"/],
    ['0 0 * * 1#2', /day of week field/],
    ['@daily', /it has 1 field/],
    ['0 0 * * $(id)', /day of week field/],
  ])('refuses %j in words', (expression, problem) => {
    const check = checkCronSchedule(expression);
    expect(check.valid).toBe(false);
    expect(check.valid ? '' : check.problem).toMatch(problem);
  });

  it('measures the longest wait between runs', () => {
    expect(longestCronIntervalSeconds('*/15 * * * *')).toBe(900);
    expect(longestCronIntervalSeconds('0 2 * * *')).toBe(86_400);
    // Friday 17:00 to Monday 09:00.
    expect(longestCronIntervalSeconds('0 9-17 * * 1-5')).toBe(64 * 3600);
  });
});
