import { SchedulerService, ServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { portalRootHealthServiceFactory } from '@internal/portal-node';
import fs from 'node:fs';
import { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { portalFeatures } from '../features';
import { embeddedCatalogConfig, repoRoot } from './exampleCatalog';

/** `${NAME}` and `${NAME:-fallback}` as Backstage substitutes them; unset without fallback drops the key. */
function substituteEnv(value: unknown): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{(\w+)(?::-([^}]*))?\}$/.exec(value);
    if (whole) return process.env[whole[1]] ?? whole[2];
    return value;
  }
  if (Array.isArray(value)) return value.map(substituteEnv);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, substituteEnv(v)] as const)
        .filter(([, v]) => v !== undefined),
    );
  }
  return value;
}

/** Objects merge key by key; anything else (and `undefined`, to delete) replaces. */
function merge(base: unknown, override: unknown): unknown {
  if (override === undefined) return undefined;
  if (
    base &&
    override &&
    typeof base === 'object' &&
    typeof override === 'object' &&
    !Array.isArray(base) &&
    !Array.isArray(override)
  ) {
    const out: Record<string, unknown> = {
      ...(base as Record<string, unknown>),
    };
    for (const [key, value] of Object.entries(override)) {
      const merged = merge(out[key], value);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    }
    return out;
  }
  return override;
}

/**
 * app-config.yaml (the embedded default) as the backend reads it from packages/backend,
 * with file paths made absolute and the heavy start-up jobs (TechDocs builds, search
 * indexing) pushed past the test, then `overrides` merged on top (`undefined` deletes a key).
 */
export function embeddedConfig(overrides: JsonObject = {}): JsonObject {
  const appConfig = substituteEnv(
    parseAllDocuments(
      fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
    )[0].toJS(),
  ) as Record<string, any>;
  const fromBackend = (p: string) =>
    path.resolve(repoRoot, 'packages/backend', p);
  appConfig.catalog = embeddedCatalogConfig();
  appConfig.scorecards.definitionsFile = fromBackend(
    appConfig.scorecards.definitionsFile,
  );
  appConfig.goldenPath.localPublisher.directory = fs.mkdtempSync(
    path.join(os.tmpdir(), 'portal-repos-'),
  );
  const later = {
    initialDelay: { hours: 1 },
    frequency: { hours: 2 },
    timeout: { minutes: 5 },
  };
  appConfig.techdocs.prebuild.schedule = later;
  appConfig.search.collators = {
    catalog: { schedule: later },
    techdocs: { schedule: later },
  };
  // The portal's policy decides per catalog user, and mock auth's users are not in the
  // catalog; the permission plugin still runs.
  appConfig.permission.enabled = false;
  return merge(appConfig, overrides) as JsonObject;
}

/**
 * The whole backend (src/features.ts, every plugin but sign-in and signals, with the portal's
 * readiness) started in-process on the embedded default plus `overrides`, on mock auth and
 * in-memory SQLite.
 */
export interface PortalBackend {
  server: Server;
  stop(): Promise<void>;
  /** Everything the backend logged at info, warn and error, in order. */
  logLines(): Array<{ level: string; message: string; meta: unknown }>;
  /**
   * Runs a scheduled task now and waits for it. The test scheduler runs tasks without an
   * initial delay at start-up and the others only when triggered.
   */
  triggerTask(id: string): Promise<void>;
}

export async function startPortalBackend(
  overrides: JsonObject = {},
): Promise<PortalBackend> {
  const logger = mockServices.rootLogger.mock();
  const lines: Array<{ level: string; message: string; meta: unknown }> = [];
  const record =
    (level: 'info' | 'warn' | 'error') => (message: string, meta?: unknown) => {
      lines.push({ level, message, meta });
    };
  const instrument = (target: ReturnType<typeof mockServices.logger.mock>) => {
    target.info.mockImplementation(record('info'));
    target.warn.mockImplementation(record('warn'));
    target.error.mockImplementation(record('error'));
    target.child.mockImplementation(() => {
      const child = mockServices.logger.mock();
      instrument(child);
      return child;
    });
  };
  instrument(logger as unknown as ReturnType<typeof mockServices.logger.mock>);
  // The mock scheduler's class is not exported; its instance installs itself with factory().
  const scheduler = mockServices.scheduler() as SchedulerService & { factory(): ServiceFactory };
  const backend = await startTestBackend({
    features: [
      scheduler.factory(),
      // Mock auth stands in for sign-in (see features.ts).
      ...portalFeatures({ inJest: true }),
      portalRootHealthServiceFactory,
      logger.factory,
      mockServices.rootConfig.factory({ data: embeddedConfig(overrides) }),
    ],
  });
  return {
    server: backend.server,
    stop: () => backend.stop(),
    logLines: () => lines,
    triggerTask: id => scheduler.triggerTask(id),
  };
}
