import {
  CheckDefinition,
  CheckOperator,
  matchesEntityFilter,
  ScorecardDefinitions,
} from './definitions';
import { CheckResult, FactValue, ScorecardResult, ScoredEntity } from './results';
import { formatMoney } from '@internal/portal-common';

/**
 * What the evaluator knows about one fact of one entity: a value (null when the source has
 * none for this entity) or the reason the source could not be read.
 */
export type FactReading = { value: FactValue } | { unavailable: string };

const OPERATOR_WORDS: Record<CheckOperator, string> = {
  equal: '',
  notEqual: 'anything but ',
  lessThan: 'less than ',
  lessThanOrEqual: 'at most ',
  greaterThan: 'more than ',
  greaterThanOrEqual: 'at least ',
};

/** A fact's value in words; a fact named `…Usd` reads as money does on every page. */
export function formatFactValue(value: FactValue, fact?: string): string {
  if (value === null) return 'no value';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' && fact?.endsWith('Usd')) return formatMoney(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  return String(value);
}

function compare(operator: CheckOperator, actual: FactValue, expected: FactValue): boolean {
  switch (operator) {
    case 'equal':
      return actual === expected;
    case 'notEqual':
      return actual !== expected;
    case 'lessThan':
      return (actual as number) < (expected as number);
    case 'lessThanOrEqual':
      return (actual as number) <= (expected as number);
    case 'greaterThan':
      return (actual as number) > (expected as number);
    default:
      return (actual as number) >= (expected as number);
  }
}

/** One check against one fact reading; unreadable or missing facts give `unknown`. */
export function evaluateCheck(check: CheckDefinition, reading: FactReading): CheckResult {
  const fix = { howToFix: check.howToFix, link: check.link };
  if ('unavailable' in reading) {
    return { checkId: check.id, state: 'unknown', why: reading.unavailable, ...fix };
  }
  const { value } = reading;
  if (value === null) {
    return {
      checkId: check.id,
      state: 'unknown',
      why: `${check.fact} has no value for this entity, so the check can be neither passed nor failed.`,
      ...fix,
    };
  }
  if (typeof value !== typeof check.value) {
    return {
      checkId: check.id,
      state: 'unknown',
      value,
      why: `${check.fact} is a ${typeof value} but the check compares it with a ${typeof check.value}; the scorecard definition needs fixing.`,
      ...fix,
    };
  }
  const found = `${check.fact} is ${formatFactValue(value, check.fact)}; needs ${OPERATOR_WORDS[check.operator]}${formatFactValue(
    check.value,
    check.fact,
  )}.`;
  if (compare(check.operator, value, check.value)) {
    return { checkId: check.id, state: 'passed', value, why: found };
  }
  return {
    checkId: check.id,
    state: 'failed',
    value,
    why: check.whyFailed ? `${check.whyFailed} (${found})` : found,
    ...fix,
  };
}

/**
 * The level reached: levels are climbed lowest first, and a level is reached when every
 * check of that level and of all lower ones passed. Unknown checks stop the climb without
 * counting as failures (`blockedByUnknown`).
 */
export function computeLevel(
  levels: string[],
  checks: Array<{ level: string; state: CheckResult['state'] }>,
): Pick<ScorecardResult, 'level' | 'nextLevel' | 'blockedByUnknown'> {
  let level: string | null = null;
  for (const candidate of levels) {
    const states = checks.filter(c => c.level === candidate).map(c => c.state);
    if (states.includes('failed')) {
      return { level, nextLevel: candidate, blockedByUnknown: false };
    }
    if (states.includes('unknown')) {
      return { level, nextLevel: candidate, blockedByUnknown: true };
    }
    level = candidate;
  }
  return { level, nextLevel: null, blockedByUnknown: false };
}

/** Every scorecard that applies to the entity, with its checks and level. */
export function evaluateEntity(
  definitions: ScorecardDefinitions,
  entity: Pick<ScoredEntity, 'kind' | 'type' | 'lifecycle'>,
  readFact: (fact: string) => FactReading,
): ScorecardResult[] {
  const results: ScorecardResult[] = [];
  for (const scorecard of definitions.scorecards) {
    if (!matchesEntityFilter(scorecard.appliesTo, entity)) continue;
    const applicable = scorecard.checks.filter(check => matchesEntityFilter(check.appliesTo, entity));
    if (applicable.length === 0) continue;
    const checks = applicable.map(check => evaluateCheck(check, readFact(check.fact)));
    const levelled = checks.map((result, i) => ({ level: applicable[i].level, state: result.state }));
    results.push({ scorecardId: scorecard.id, ...computeLevel(definitions.levels, levelled), checks });
  }
  return results;
}
