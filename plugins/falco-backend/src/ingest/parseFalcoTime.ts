const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):?(\d{2}))$/;

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const FALCO_TIME_EXAMPLE = '2023-05-25T13:44:05.478445995Z';

/**
 * Falco writes RFC 3339 with nanoseconds (`2023-05-25T13:44:05.478445995Z`). Returns the
 * instant to millisecond precision, or why `value` is not a real time. JavaScript's Date
 * would read February 30 as March 2 and 24:00 as the next day; here each part is checked
 * instead, so an impossible time is refused rather than moved to another day. Go's zero
 * time (`0001-01-01T00:00:00Z`), which Falcosidekick rejects, and anything before 1970
 * cannot be a Falco event either.
 */
export function parseFalcoTime(value: string): { time: Date } | { problem: string } {
  const match = RFC_3339.exec(value.trim());
  if (!match) return { problem: `must be a non-zero ISO 8601 time such as ${FALCO_TIME_EXAMPLE}` };
  const [, y, mo, d, h, mi, s, fraction, , sign, offsetHours, offsetMinutes] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (month < 1 || month > 12) return { problem: `month ${month} does not exist` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { problem: `${MONTHS[month - 1]} ${day} does not exist${month === 2 && day === 29 ? ` in ${year}` : ''}` };
  }
  if (hour > 23) return { problem: `hour ${hour} does not exist (midnight is 00:00 of the next day)` };
  if (minute > 59) return { problem: `minute ${minute} does not exist` };
  if (second > 59) return { problem: `second ${second} does not exist (Falco never writes leap seconds)` };
  if (sign && (Number(offsetHours) > 23 || Number(offsetMinutes) > 59)) {
    return { problem: `${sign}${offsetHours}:${offsetMinutes} is not a UTC offset` };
  }
  const offsetMs = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 : 0;
  const millis = fraction ? Number(fraction.slice(1, 4).padEnd(3, '0')) : 0;
  const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMs);
  // Date.UTC reads years 0-99 as 1900-1999; those are before 1970 and refused here too.
  if (year < 1970 || time.getTime() <= 0) {
    return { problem: `must be a non-zero ISO 8601 time such as ${FALCO_TIME_EXAMPLE}` };
  }
  return { time };
}
