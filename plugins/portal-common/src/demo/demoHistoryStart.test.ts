import { DEMO_CATALOG_SETTLE_MS, demoHistoryStart } from './demoHistoryStart';

describe('demoHistoryStart', () => {
  const start = new Date('2026-11-27T08:00:00Z');

  it('gives the demo organisation its whole history, also when the catalog was still loading', () => {
    expect(demoHistoryStart(start, start)).toBeUndefined();
    expect(
      demoHistoryStart(
        new Date(start.getTime() + DEMO_CATALOG_SETTLE_MS),
        start,
      ),
    ).toBeUndefined();
  });

  it('starts the history of an entity created later when it was first seen', () => {
    const created = new Date('2026-11-27T14:03:00Z');
    expect(demoHistoryStart(created, start)).toEqual(created);
    const justAfter = new Date(start.getTime() + DEMO_CATALOG_SETTLE_MS + 1000);
    expect(demoHistoryStart(justAfter, start)).toEqual(justAfter);
  });
});
