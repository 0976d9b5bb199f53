type Level = 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

// One JSON object per line on stdout, which the cluster's log collector ships as is.
function write(level: Level, message: string, fields: Fields = {}): void {
  const entry: Fields = { time: new Date().toISOString(), level, message };
  for (const [key, value] of Object.entries(fields)) {
    entry[key] = value instanceof Error ? { message: value.message, stack: value.stack } : value;
  }
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}

export const log = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};
