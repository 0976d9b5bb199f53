/** How far ahead of the portal's clock an event may be dated: hosts' clocks drift. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** `7 minutes`, `3 hours`, `2,920,000 days`: the unit a person would say. */
export function describeDuration(ms: number): string {
  let [amount, unit] = [ms / DAY_MS, 'day'];
  if (ms < 2 * HOUR_MS) [amount, unit] = [ms / MINUTE_MS, 'minute'];
  else if (ms < 2 * DAY_MS) [amount, unit] = [ms / HOUR_MS, 'hour'];
  const rounded = Math.round(amount);
  return `${rounded.toLocaleString('en-US')} ${unit}${rounded === 1 ? '' : 's'}`;
}

/**
 * Whether an event's time can be stored. An event dated in the future (beyond clock skew)
 * would count in every "last N days" figure for ever and never reach retention: rejected.
 * An event older than the event retention would be deleted by the next retention run:
 * answered `expired` instead of `accepted`.
 */
export function checkEventTime(
  timeAt: Date,
  options: { now: Date; eventRetentionMs: number },
): { status: 'rejected' | 'expired'; reason: string } | undefined {
  const ahead = timeAt.getTime() - options.now.getTime();
  if (ahead > MAX_CLOCK_SKEW_MS) {
    return {
      status: 'rejected',
      reason: `${describeDuration(ahead)} ahead of the portal's clock (at most ${describeDuration(MAX_CLOCK_SKEW_MS)} of clock skew is accepted): check the sending host's clock`,
    };
  }
  const oldest = new Date(options.now.getTime() - options.eventRetentionMs);
  if (timeAt < oldest) {
    return {
      status: 'expired',
      reason: `older than the event retention of ${describeDuration(options.eventRetentionMs)} (falco.retention.events): events before ${oldest.toISOString()} are not kept`,
    };
  }
  return undefined;
}
