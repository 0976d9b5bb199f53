/**
 * Whether the database refused a row for what it holds (a value it cannot store, a
 * constraint), as opposed to being unreachable or failing: the first is the event's
 * fault and retrying will not help, the second is not.
 */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return false;
  // PostgreSQL SQLSTATE classes: 22 data exception, 23 integrity constraint violation,
  // 54 program limit exceeded (e.g. an index row too large).
  if (/^(22|23|54)[0-9A-Z]{3}$/.test(code)) return true;
  // better-sqlite3's extended result codes.
  return /^SQLITE_(CONSTRAINT|TOOBIG|MISMATCH|RANGE)/.test(code);
}

/** The database's own words, without the statement knex puts in front of them. */
export function dataErrorReason(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  const own = message.includes(' - ') ? message.slice(message.lastIndexOf(' - ') + 3) : message;
  return `the database refused it: ${own.slice(0, 200)}`;
}
