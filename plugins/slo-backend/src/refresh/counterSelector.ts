/**
 * A PromQL vector selector split into its metric name and label matchers, so that SLOs
 * whose selectors differ only in the service label can share one query.
 */
export interface CounterSelector {
  metric: string;
  matchers: Array<{ label: string; op: '=' | '!=' | '=~' | '!~'; value: string }>;
}

const SELECTOR = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{(.*)\})?$/;
const MATCHER = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/** Splits on the commas between matchers, not those inside quoted values. */
function splitMatchers(body: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '"' && body[i - 1] !== '\\') quoted = !quoted;
    if (char === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) parts.push(current);
  return parts;
}

/**
 * Reads `metric{a="x",b=~"y"}`, also wrapped in `sum(...)` as OpenSLO documents often
 * write it. Returns undefined for anything else (functions, binary expressions).
 */
export function parseCounterSelector(text: string): CounterSelector | undefined {
  let expression = text.trim();
  const sum = expression.match(/^sum\s*\((.*)\)$/s);
  if (sum) expression = sum[1].trim();
  const match = expression.match(SELECTOR);
  if (!match) return undefined;
  const matchers = [];
  for (const part of splitMatchers(match[2] ?? '')) {
    const m = part.match(MATCHER);
    if (!m) return undefined;
    matchers.push({ label: m[1], op: m[2] as CounterSelector['matchers'][number]['op'], value: m[3] });
  }
  return { metric: match[1], matchers };
}

export function formatSelector(selector: CounterSelector): string {
  const body = selector.matchers.map(m => `${m.label}${m.op}"${m.value}"`).join(',');
  return body ? `${selector.metric}{${body}}` : selector.metric;
}
