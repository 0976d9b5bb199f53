import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { log } from './log.ts';

export interface HealthServerOptions {
  port: number;
  registry: Registry;
  /** Address to listen on; every interface when omitted. */
  host?: string;
}

export interface HealthServer {
  /** The bound port, which differs from the options' when those asked for port 0. */
  readonly port: number;
  setReady(ready: boolean): void;
  stop(): Promise<void>;
}

/** Serves /healthz, /readyz and /metrics. Starts not ready. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  let ready = false;
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    switch (pathname) {
      case '/healthz':
        sendJson(response, 200, { status: 'ok' });
        return;
      case '/readyz':
        sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
        return;
      case '/metrics':
        options.registry.metrics().then(
          (text) => {
            response.writeHead(200, { 'Content-Type': options.registry.contentType }).end(text);
          },
          (error: unknown) => {
            log.error('collecting metrics failed', { error });
            response.writeHead(500).end();
          },
        );
        return;
      default:
        sendJson(response, 404, { error: 'not found' });
    }
  });

  server.listen(options.port, options.host);
  await once(server, 'listening');

  return {
    port: (server.address() as AddressInfo).port,
    setReady(value) {
      ready = value;
    },
    stop() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
