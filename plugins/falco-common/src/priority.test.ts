import {
  emptyPriorityCounts,
  FALCO_PRIORITIES,
  parseFalcoPriority,
  prioritiesAtLeast,
  priorityRank,
  totalOf,
} from './priority';

describe('Falco priorities', () => {
  it.each([
    ['Critical', 'critical'],
    ['CRITICAL', 'critical'],
    ['warning', 'warning'],
    ['Info', 'informational'],
    ['INFO', 'informational'],
    ['Informational', 'informational'],
    [' Emergency ', 'emergency'],
  ])('parses %j as %s', (input, expected) => {
    expect(parseFalcoPriority(input)).toBe(expected);
  });

  it.each([['Urgent'], [''], [3], [null], [undefined], [['Critical']]])('rejects %j', input => {
    expect(parseFalcoPriority(input)).toBeUndefined();
  });

  it('orders Emergency as most severe and Debug as least, as Falco does', () => {
    expect(priorityRank('emergency')).toBe(0);
    expect(priorityRank('debug')).toBe(7);
    expect(priorityRank('critical')).toBeLessThan(priorityRank('error'));
    expect(FALCO_PRIORITIES).toHaveLength(8);
  });

  it('lists the priorities at least as severe as a minimum', () => {
    expect(prioritiesAtLeast('critical')).toEqual(['emergency', 'alert', 'critical']);
    expect(prioritiesAtLeast('debug')).toHaveLength(8);
  });

  it('totals counts', () => {
    expect(totalOf({ ...emptyPriorityCounts(), critical: 2, debug: 5 })).toBe(7);
  });
});
