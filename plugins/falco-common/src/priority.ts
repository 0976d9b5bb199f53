/** Falco's priorities, most severe first (falco_common.cpp). */
export const FALCO_PRIORITIES = [
  'emergency',
  'alert',
  'critical',
  'error',
  'warning',
  'notice',
  'informational',
  'debug',
] as const;

export type FalcoPriority = (typeof FALCO_PRIORITIES)[number];

/** Counts of events by priority; every priority is present, zero when none. */
export type PriorityCounts = Record<FalcoPriority, number>;

/** Falco's own spelling, for display: `Critical`, `Informational`. */
export const PRIORITY_LABELS: Record<FalcoPriority, string> = {
  emergency: 'Emergency',
  alert: 'Alert',
  critical: 'Critical',
  error: 'Error',
  warning: 'Warning',
  notice: 'Notice',
  informational: 'Informational',
  debug: 'Debug',
};

// Older Falco versions and rule files write `Info`.
const ALIASES: Record<string, FalcoPriority> = { info: 'informational' };

/**
 * The priority named by `value`, case-insensitively (`CRITICAL`, `Info`), or undefined if
 * it names none.
 */
export function parseFalcoPriority(value: unknown): FalcoPriority | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  if ((FALCO_PRIORITIES as readonly string[]).includes(lower)) return lower as FalcoPriority;
  return ALIASES[lower];
}

/** 0 for Emergency up to 7 for Debug: lower is more severe. */
export function priorityRank(priority: FalcoPriority): number {
  return FALCO_PRIORITIES.indexOf(priority);
}

/** The priorities at least as severe as `minimum`, most severe first. */
export function prioritiesAtLeast(minimum: FalcoPriority): FalcoPriority[] {
  return FALCO_PRIORITIES.slice(0, priorityRank(minimum) + 1);
}

export function emptyPriorityCounts(): PriorityCounts {
  return Object.fromEntries(FALCO_PRIORITIES.map(p => [p, 0])) as PriorityCounts;
}

export function totalOf(counts: PriorityCounts): number {
  return FALCO_PRIORITIES.reduce((sum, p) => sum + counts[p], 0);
}
