import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GeneratedSeries } from './counterSeries';
import { freePort } from './freePort';
import { toOpenMetrics } from './openMetrics';

export interface RunningPrometheus {
  url: string;
  stop(): Promise<void>;
}

/**
 * Writes the series into a fresh TSDB with `promtool tsdb create-blocks-from openmetrics`
 * and serves it with Debian's `prometheus` on a free loopback port.
 */
export async function startPrometheusWith(
  series: GeneratedSeries[],
): Promise<RunningPrometheus> {
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'known-answer-prometheus-'),
  );
  const openMetrics = path.join(dir, 'series.om');
  fs.writeFileSync(openMetrics, toOpenMetrics(series));
  const tsdb = path.join(dir, 'tsdb');
  await promisify(execFile)('promtool', [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    openMetrics,
    tsdb,
  ]);
  const config = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(config, 'global: {}\n');

  const port = await freePort();
  const prometheus: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${tsdb}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then(
      r => r.ok,
      () => false,
    );
    if (ready) break;
    if (prometheus.exitCode !== null || Date.now() > deadline) {
      throw new Error(`prometheus did not become ready on ${url}`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      prometheus.kill('SIGTERM');
      await new Promise(r => prometheus.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
