export interface Config {
  serviceName: string;
  /** Serves /metrics and the /healthz and /readyz probes. */
  metricsPort: number;
  /** How long one poll of the queue waits for a job before polling again. */
  pollWaitMs: number;
{%- if values.schedule %}
  /** Where a run pushes its metrics before exiting; empty: no push. */
  pushgatewayUrl: string;
{%- endif %}
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    serviceName: ${{ values.name | ts }},
    metricsPort: readPort(env, 'METRICS_PORT', 9090),
{%- if values.schedule %}
    // A run ends at the first poll that finds nothing, so it need not wait long.
    pollWaitMs: readInteger(env, 'POLL_WAIT_MS', 1_000),
{%- else %}
    pollWaitMs: readInteger(env, 'POLL_WAIT_MS', 20_000),
{%- endif %}
{%- if values.schedule %}
    pushgatewayUrl: env.PUSHGATEWAY_URL ?? '',
{%- endif %}
  };
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const port = readInteger(env, name, fallback);
  if (port > 65535) {
    throw new Error(`${name} must be a port number, got ${port}`);
  }
  return port;
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}
