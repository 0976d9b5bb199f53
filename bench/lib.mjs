// Shared pieces of the benchmarks: start a backend, sign in, time requests, report.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function percentile(sortedMs, p) {
  if (sortedMs.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sortedMs.length) - 1;
  return sortedMs[Math.min(sortedMs.length - 1, Math.max(0, rank))];
}

const runningBackends = new Set();
// A benchmark that fails half-way must not leave a backend holding the port.
for (const signal of ['exit', 'SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pid of runningBackends) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    if (signal !== 'exit') process.exit(1);
  });
}

/** The two backends a benchmark compares: this portal's and create-app's stock one. */
export const backendEntries = {
  portal: path.join(repoRoot, 'packages/backend/src/index.ts'),
  stock: path.join(repoRoot, 'bench/stockBackend.ts'),
};

/**
 * Starts a backend entry (see backendEntries) the way `backstage-cli package start` does,
 * with app-config.yaml plus `extraConfig` (YAML text) on `port`. Resolves once the
 * readiness probe answers, with the start-up time in ms.
 */
export async function startBackend({ entry = backendEntries.portal, port, extraConfig, env = {} }) {
  const busy = await fetch(`http://localhost:${port}/`).then(() => true, () => false);
  if (busy) throw new Error(`port ${port} is in use; stop whatever listens there first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  const overrides = path.join(dir, 'bench.yaml');
  fs.writeFileSync(
    overrides,
    `backend:\n  baseUrl: http://localhost:${port}\n  listen:\n    port: ${port}\n${extraConfig ?? ''}`,
  );
  const started = performance.now();
  const child = spawn(
    'node',
    [
      '--require',
      path.join(repoRoot, 'node_modules/@backstage/cli-node/config/nodeTransform.cjs'),
      entry,
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      overrides,
    ],
    {
      cwd: path.join(repoRoot, 'packages/backend'),
      // development: the embedded default signs in with the guest provider.
      env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'development', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  runningBackends.add(child.pid);
  let log = '';
  child.stdout.on('data', c => (log += c));
  child.stderr.on('data', c => (log += c));
  const baseUrl = `http://localhost:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`backend exited:\n${log.slice(-3000)}`);
    const ok = await fetch(`${baseUrl}/.backstage/health/v1/readiness`)
      .then(r => r.ok)
      .catch(() => false);
    if (ok) break;
    if (performance.now() - started > 300_000) throw new Error(`backend not ready:\n${log.slice(-3000)}`);
    await new Promise(r => setTimeout(r, 200));
  }
  const startupMs = performance.now() - started;
  return {
    baseUrl,
    startupMs,
    log: () => log,
    /** Resident memory of the process that listens on the port, in MiB. */
    rssMiB: () => {
      const ss = execFileSync('ss', ['-ltnpH', `sport = :${port}`]).toString();
      const pid = ss.match(/pid=(\d+)/)?.[1];
      if (!pid) return NaN;
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024;
    },
    stop: async () => {
      runningBackends.delete(child.pid);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      await new Promise(r => setTimeout(r, 1500));
    },
  };
}

/** A Backstage token for the guest user, as the browser gets one. */
export async function guestToken(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}

/** Runs `count` requests from `urlFor(i)` with `concurrency` in flight; returns sorted ms. */
export async function timeRequests({ count, concurrency, urlFor, token, check }) {
  const durations = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      const res = await fetch(urlFor(i), { headers: { Authorization: `Bearer ${token}` } });
      const body = await res.json();
      durations.push(performance.now() - t0);
      if (!res.ok || (check && !check(body))) {
        throw new Error(`request ${urlFor(i)} failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return durations.sort((a, b) => a - b);
}

export function writeResult(name, result) {
  const dir = path.join(repoRoot, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
