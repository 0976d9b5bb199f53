import { CheckDefinition, validateScorecardDefinitions } from './definitions';
import { computeLevel, evaluateCheck, evaluateEntity } from './evaluate';

const check = (overrides: Partial<CheckDefinition>): CheckDefinition => ({
  id: 'c',
  title: 'C',
  level: 'bronze',
  fact: 'x.fact',
  operator: 'equal',
  value: true,
  howToFix: 'Fix it.',
  link: 'https://example.com/fix',
  ...overrides,
});

describe('evaluateCheck', () => {
  it('passes, fails and says what was found and what was needed', () => {
    const weekly = check({ fact: 'dora.deploysPerWeek28d', operator: 'greaterThanOrEqual', value: 1 });
    expect(evaluateCheck(weekly, { value: 1 }).state).toBe('passed');
    const failed = evaluateCheck({ ...weekly, whyFailed: 'Rare deploys.' }, { value: 0.25 });
    expect(failed).toEqual({
      checkId: 'c',
      state: 'failed',
      value: 0.25,
      why: 'Rare deploys. (dora.deploysPerWeek28d is 0.25; needs at least 1.)',
      howToFix: 'Fix it.',
      link: 'https://example.com/fix',
    });
  });

  it('writes money facts as the cost pages do', () => {
    const cheap = check({ fact: 'cost.forecastMonthUsd', operator: 'lessThanOrEqual', value: 1000 });
    expect(evaluateCheck(cheap, { value: 1234.5678 }).why).toBe('cost.forecastMonthUsd is $1,235; needs at most $1,000.');
    expect(evaluateCheck(cheap, { value: 42.5 }).why).toBe('cost.forecastMonthUsd is $42.50; needs at most $1,000.');
  });

  it('is unknown, never passed or failed, when the fact is unreadable, missing or mistyped', () => {
    expect(evaluateCheck(check({}), { unavailable: 'SLO plugin could not be read' })).toMatchObject({
      state: 'unknown',
      why: 'SLO plugin could not be read',
      howToFix: 'Fix it.',
    });
    expect(evaluateCheck(check({}), { value: null }).state).toBe('unknown');
    // false would fail "equal true"; a string must not be coerced into a verdict.
    expect(evaluateCheck(check({}), { value: 'false' }).state).toBe('unknown');
    expect(evaluateCheck(check({ operator: 'lessThan', value: 3 }), { value: '2' }).state).toBe('unknown');
  });

  it('compares with every operator', () => {
    const at = (operator: CheckDefinition['operator'], value: number) =>
      evaluateCheck(check({ operator, value: 5 }), { value }).state;
    expect([at('lessThan', 4), at('lessThan', 5)]).toEqual(['passed', 'failed']);
    expect([at('lessThanOrEqual', 5), at('lessThanOrEqual', 6)]).toEqual(['passed', 'failed']);
    expect([at('greaterThan', 6), at('greaterThan', 5)]).toEqual(['passed', 'failed']);
    expect([at('notEqual', 4), at('notEqual', 5)]).toEqual(['passed', 'failed']);
  });
});

describe('computeLevel', () => {
  const levels = ['bronze', 'silver', 'gold'];
  it('climbs while every check of a level passed', () => {
    expect(
      computeLevel(levels, [
        { level: 'bronze', state: 'passed' },
        { level: 'silver', state: 'passed' },
        { level: 'gold', state: 'failed' },
      ]),
    ).toEqual({ level: 'silver', nextLevel: 'gold', blockedByUnknown: false });
  });

  it('does not skip a failed lower level even when higher ones pass', () => {
    expect(
      computeLevel(levels, [
        { level: 'bronze', state: 'failed' },
        { level: 'silver', state: 'passed' },
        { level: 'gold', state: 'passed' },
      ]),
    ).toEqual({ level: null, nextLevel: 'bronze', blockedByUnknown: false });
  });

  it('stops at an unknown check without calling it a failure', () => {
    expect(
      computeLevel(levels, [
        { level: 'bronze', state: 'passed' },
        { level: 'silver', state: 'unknown' },
      ]),
    ).toEqual({ level: 'bronze', nextLevel: 'silver', blockedByUnknown: true });
    // A failure on the same level is the stronger statement.
    expect(
      computeLevel(levels, [
        { level: 'bronze', state: 'unknown' },
        { level: 'bronze', state: 'failed' },
      ]).blockedByUnknown,
    ).toBe(false);
  });

  it('reaches the top when every check passed, and levels without checks are free', () => {
    expect(computeLevel(levels, [{ level: 'bronze', state: 'passed' }])).toEqual({
      level: 'gold',
      nextLevel: null,
      blockedByUnknown: false,
    });
  });
});

describe('validateScorecardDefinitions', () => {
  it('names every field at fault', () => {
    const result = validateScorecardDefinitions({
      levels: ['bronze', 'silver'],
      scorecards: [
        {
          id: 'ready',
          title: 'Ready',
          checks: [
            { id: 'a', title: 'A', level: 'platinum', fact: 'x', howToFix: 'f', link: 'l' },
            { id: 'a', title: 'A2', level: 'bronze', fact: 'x', operator: 'lessThan', value: 'low', howToFix: 'f', link: 'l' },
            { id: 'Bad Id', title: 'B', level: 'bronze', fact: 'x', link: 'l' },
          ],
        },
      ],
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^scorecards\[0\]\.checks\[2\]\.id: use lower-case/),
        expect.stringMatching(/^scorecards\[0\]\.checks\[2\]\.howToFix: /),
      ]),
    );
  });

  it('reports level, duplicate and operator problems once the shape is right', () => {
    const result = validateScorecardDefinitions({
      levels: ['bronze', 'silver'],
      scorecards: [
        {
          id: 'ready',
          title: 'Ready',
          checks: [
            { id: 'a', title: 'A', level: 'platinum', fact: 'x', howToFix: 'f', link: 'l' },
            { id: 'a', title: 'A2', level: 'bronze', fact: 'x', operator: 'lessThan', value: 'low', howToFix: 'f', link: 'l' },
          ],
        },
      ],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        'scorecards[0].checks[0].level: level "platinum" is not one of levels: bronze, silver',
        'scorecards[0].checks[1].id: check id "a" is used twice in scorecard "ready"',
        'scorecards[0].checks[1].value: operator lessThan needs a number value',
      ],
    });
  });
});

describe('evaluateEntity', () => {
  it('skips scorecards and checks that do not apply to the entity', () => {
    const definitions = {
      levels: ['bronze'],
      scorecards: [
        {
          id: 'services-only',
          title: 'S',
          appliesTo: { types: ['service'] },
          checks: [check({ id: 'a' })],
        },
        {
          id: 'all',
          title: 'All',
          checks: [check({ id: 'a' }), check({ id: 'prod', appliesTo: { lifecycles: ['production'] } })],
        },
      ],
    };
    const results = evaluateEntity(definitions, { kind: 'Component', type: 'library', lifecycle: 'experimental' }, () => ({
      value: true,
    }));
    expect(results.map(r => [r.scorecardId, r.checks.map(c => c.checkId), r.level])).toEqual([
      ['all', ['a'], 'bronze'],
    ]);
  });
});
