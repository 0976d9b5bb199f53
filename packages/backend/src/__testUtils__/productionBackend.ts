import { loadConfigSchema } from '@backstage/config-loader';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './exampleCatalog';

/** One structured log line of a backend started with NODE_ENV=production. */
export interface LogLine {
  timestamp?: string;
  level?: string;
  message?: string;
  plugin?: string;
  [field: string]: unknown;
}

export interface ProductionBackend {
  baseUrl: string;
  process: ChildProcess;
  /** Where the output is also written. */
  logFile: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  logLines(): LogLine[];
  stop(): Promise<void>;
}

/**
 * Starts src/index.ts (every plugin) the way the image does: NODE_ENV=production,
 * app-config.yaml + app-config.production.yaml, secrets and addresses from the
 * environment. `overrides` is a last config layer with what only a test run owns.
 */
export function startProductionBackend(options: {
  port: number;
  env: Record<string, string>;
  overrides: string;
}): ProductionBackend {
  const baseUrl = `http://localhost:${options.port}`;
  const overridesFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'portal-prod-')),
    'app-config.test.yaml',
  );
  fs.writeFileSync(overridesFile, options.overrides);
  const child: ChildProcess = spawn(
    'node',
    [
      require.resolve('@backstage/cli/bin/backstage-cli'),
      'package',
      'start',
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      path.join(repoRoot, 'app-config.production.yaml'),
      '--config',
      overridesFile,
    ],
    {
      cwd: path.join(repoRoot, 'packages/backend'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '',
        PORTAL_BASE_URL: baseUrl,
        ...options.env,
      },
      detached: true,
    },
  );
  // Also on disk, to follow a slow start-up while the test waits.
  const logFile = path.join(path.dirname(overridesFile), 'backend.log');
  let output = '';
  const record = (chunk: Buffer) => {
    output += chunk;
    fs.appendFileSync(logFile, chunk);
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);

  return {
    baseUrl,
    process: child,
    logFile,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter(line => line.startsWith('{'))
        .flatMap(line => {
          try {
            return [JSON.parse(line) as LogLine];
          } catch {
            return [];
          }
        }),
    async stop() {
      if (!child.pid) return;
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      };
      signalGroup('SIGTERM');
      const deadline = Date.now() + 10_000;
      while (child.exitCode === null && Date.now() < deadline) {
        await new Promise(r => setTimeout(r, 200));
      }
      // The backend itself may still be shutting down, or hang in start-up.
      signalGroup('SIGKILL');
    },
  };
}

/** The end of a backend's output without its request log, for error messages. */
function tail(backend: ProductionBackend): string {
  return backend
    .output()
    .split('\n')
    .filter(line => !line.includes('"type":"incomingRequest"'))
    .join('\n')
    .slice(-6000);
}

/** Resolves once every backend answers its readiness probe; fails fast if one fails. */
export async function waitUntilReady(backends: ProductionBackend[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (const backend of backends) {
    const child = backend.process;
    for (;;) {
      // The CLI's watcher keeps running when the backend it started fails; fail fast.
      if (child.exitCode !== null || backend.output().includes('Backend startup failed')) {
        throw new Error(`backend ${backend.baseUrl} failed to start (${backend.logFile}):\n${tail(backend)}`);
      }
      const ready = await fetch(`${backend.baseUrl}/.backstage/health/v1/readiness`)
        .then(r => r.ok)
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) {
        throw new Error(`backend ${backend.baseUrl} not ready in time (${backend.logFile}):\n${tail(backend)}`);
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  }
}

/**
 * A built app's dist as plugin-app-backend reads it, with the app's real config schema,
 * in a directory to put on NODE_PATH (with app.packageName: portal-test-app): what the
 * backend injects into the page is then decided by the same schema as in the image.
 */
export async function writeAppDist(): Promise<string> {
  const modules = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-app-'));
  const dist = path.join(modules, 'portal-test-app', 'dist');
  fs.mkdirSync(path.join(dist, 'static'), { recursive: true });
  fs.writeFileSync(
    path.join(modules, 'portal-test-app', 'package.json'),
    JSON.stringify({ name: 'portal-test-app', version: '0.0.0' }),
  );
  // What `backstage-cli package build` writes for packages/app: the schema of the app
  // and every package it depends on, which decides what is visible to the browser.
  const schema = await loadConfigSchema({
    dependencies: ['app'],
    packagePaths: [path.join(repoRoot, 'package.json')],
  });
  fs.writeFileSync(path.join(dist, '.config-schema.json'), JSON.stringify(schema.serialize()));
  fs.writeFileSync(
    path.join(dist, 'index.html.tmpl'),
    '<html><head><title><%= config.getString("app.title") %></title></head><body></body></html>',
  );
  return modules;
}
