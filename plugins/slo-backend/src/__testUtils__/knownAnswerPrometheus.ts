import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** Requests per sample interval for one service, as a function of the sample's time. */
export interface TrafficShape {
  service: string;
  /** Requests served in the interval ending at `t` (unix seconds): all, and those that failed. */
  requests(t: number): { total: number; failed: number };
  /** Unix seconds at which the process restarted: both counters drop to zero there. */
  resetAt?: number[];
}

export interface GeneratedSeries {
  labels: Record<string, string>;
  samples: Array<[number, number]>;
}

/**
 * `http_requests_total{service, code="200"|"500"}` counters, one sample every `step`
 * seconds from `start` to `end` inclusive, following each service's traffic shape.
 */
export function generateRequestCounters(
  shapes: TrafficShape[],
  range: { start: number; end: number; step: number },
): GeneratedSeries[] {
  return shapes.flatMap(shape => {
    const good: Array<[number, number]> = [];
    const bad: Array<[number, number]> = [];
    let goodCount = 0;
    let badCount = 0;
    for (let t = range.start; t <= range.end; t += range.step) {
      if (shape.resetAt?.includes(t)) {
        goodCount = 0;
        badCount = 0;
      }
      const { total, failed } = shape.requests(t);
      goodCount += total - failed;
      badCount += failed;
      good.push([t, goodCount]);
      bad.push([t, badCount]);
    }
    return [
      { labels: { service: shape.service, code: '200' }, samples: good },
      { labels: { service: shape.service, code: '500' }, samples: bad },
    ];
  });
}

/**
 * What `increase(series[W])` evaluated at `end` gives on Prometheus 2.x, whose range
 * selectors include the sample at exactly `end - W`: with samples on both edges nothing
 * is extrapolated, so this is the exact sum of increments, counter resets included.
 */
export function expectedIncrease(series: GeneratedSeries, end: number, windowSeconds: number) {
  const inWindow = series.samples.filter(([t]) => t >= end - windowSeconds && t <= end);
  let increase = 0;
  for (let i = 1; i < inWindow.length; i++) {
    const [, previous] = inWindow[i - 1];
    const [, current] = inWindow[i];
    increase += current >= previous ? current - previous : current;
  }
  return increase;
}

function toOpenMetrics(series: GeneratedSeries[]): string {
  const lines = ['# HELP http_requests_total Requests served.', '# TYPE http_requests_total counter'];
  for (const s of series) {
    const labels = Object.entries(s.labels)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',');
    for (const [t, v] of s.samples) lines.push(`http_requests_total{${labels}} ${v} ${t}`);
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPrometheus {
  url: string;
  stop(): Promise<void>;
}

/**
 * Writes the series into a fresh TSDB with `promtool tsdb create-blocks-from openmetrics`
 * and serves it with Debian's `prometheus` on a free loopback port.
 */
export async function startPrometheusWith(series: GeneratedSeries[]): Promise<RunningPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slo-prometheus-'));
  const openMetrics = path.join(dir, 'series.om');
  fs.writeFileSync(openMetrics, toOpenMetrics(series));
  const tsdb = path.join(dir, 'tsdb');
  await promisify(execFile)('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', openMetrics, tsdb]);
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
    const ready = await fetch(`${url}/-/ready`).then(r => r.ok, () => false);
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
