/**
 * How long after a demo first saw the catalog entities still count as the demo's own: the
 * catalog reads its configured locations (examples/) over the first seconds to a minute
 * after start-up, so a demo's first run may see only part of them.
 */
export const DEMO_CATALOG_SETTLE_MS = 2 * 60_000;

/**
 * When an entity's generated demo history begins. The demo organisation, what the catalog
 * held when the demo began, gets history as far back as the demo shows (`undefined`); an
 * entity that appeared later, such as a service just created from a template, has none
 * from before it was first seen: its first day of demo data is the day it appeared.
 *
 * @param firstSeenAt when the demo first saw the entity in the catalog
 * @param demoStartedAt when the demo first saw any entity
 */
export function demoHistoryStart(
  firstSeenAt: Date,
  demoStartedAt: Date,
): Date | undefined {
  return firstSeenAt.getTime() - demoStartedAt.getTime() <=
    DEMO_CATALOG_SETTLE_MS
    ? undefined
    : firstSeenAt;
}
