/**
 * The days every source delivered. A source that delivered any day of the window is
 * expected on all of them: a day one source has not delivered yet (it failed, or AWS has
 * not published it) would look like a drop, so it counts as missing, not as low spend.
 * A source added or removed within the window makes the days it lacks missing too, which
 * errs on the side of flagging nothing.
 */
export function completeDays(
  deliveredBySource: Map<string, Set<string>>,
  days: string[],
): Set<string> {
  const sources = [...deliveredBySource.values()];
  return new Set(
    sources.length === 0
      ? []
      : days.filter(day => sources.every(delivered => delivered.has(day))),
  );
}
