import { setTimeout as delay } from 'node:timers/promises';
import { loadConfig } from './config.ts';
import { log } from './log.ts';
import { startService } from './server.ts';

// Kubernetes sends SIGKILL terminationGracePeriodSeconds (30 s in the chart) after SIGTERM;
// give up a little earlier so the exit is logged.
const SHUTDOWN_DEADLINE_MS = 25_000;

const config = loadConfig();
const service = await startService(config);
log.info('started', {
  service: config.serviceName,
  httpPort: service.httpPort,
  metricsPort: service.metricsPort,
});

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  log.info('shutting down', { signal });
  service.setReady(false);
  // Endpoints keep routing requests here until the failed readiness (or the pod's deletion)
  // has propagated to every node, so keep serving for a moment before closing.
  await delay(config.shutdownDelayMs);
  await service.stop();
  log.info('stopped');
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    setTimeout(() => {
      log.error('shutdown deadline exceeded, exiting with requests still open');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    shutdown(signal).catch((error: unknown) => {
      log.error('shutdown failed', { error });
      process.exit(1);
    });
  });
}
