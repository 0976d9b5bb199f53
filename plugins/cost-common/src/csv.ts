/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
export function toCsv(
  header: string[],
  rows: Array<Array<string | number | null>>,
): string {
  const field = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[header, ...rows]
    .map(row => row.map(field).join(','))
    .join('\r\n')}\r\n`;
}
