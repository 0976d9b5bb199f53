export interface Config {
  serviceName: string;
  httpPort: number;
  metricsPort: number;
  /** How long to keep serving after SIGTERM while Kubernetes stops routing traffic here. */
  shutdownDelayMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    serviceName: ${{ values.name | ts }},
    httpPort: readPort(env, 'HTTP_PORT', 8080),
    metricsPort: readPort(env, 'METRICS_PORT', 9090),
    shutdownDelayMs: readInteger(env, 'SHUTDOWN_DELAY_MS', 5000),
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
