import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { log } from './log.ts';
import { createHttpMetrics, type HttpMetrics } from './metrics.ts';

export interface ServiceOptions {
  serviceName: string;
  httpPort: number;
  metricsPort: number;
  /** Address to listen on; every interface when omitted. */
  host?: string;
}

export interface RunningService {
  /** The bound ports, which differ from the options' when those asked for port 0. */
  readonly httpPort: number;
  readonly metricsPort: number;
  setReady(ready: boolean): void;
  /** Stops accepting connections and resolves once in-flight requests have been answered. */
  stop(): Promise<void>;
}

interface JsonResponse {
  status: number;
  body: unknown;
}

type RouteHandler = (request: IncomingMessage, url: URL) => JsonResponse | Promise<JsonResponse>;

// Application routes by exact path, then method. The path becomes the `route` label of the
// request metrics, so never register anything with unbounded variety (IDs, free text).
const routes: Record<string, Record<string, RouteHandler>> = {
  '/api/hello': { GET: hello },
};

function hello(_request: IncomingMessage, url: URL): JsonResponse {
  const name = url.searchParams.get('name') ?? 'world';
  if (name.length > 100) {
    return { status: 400, body: { error: 'name must be at most 100 characters' } };
  }
  return { status: 200, body: { message: `Hello, ${name}!` } };
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const metrics = createHttpMetrics();
  let ready = false;
  const appServer = createAppServer(options.serviceName, metrics, () => ready);
  const metricsServer = createMetricsServer(metrics.registry);

  await Promise.all([
    listen(appServer, options.httpPort, options.host),
    listen(metricsServer, options.metricsPort, options.host),
  ]);
  ready = true;

  return {
    httpPort: boundPort(appServer),
    metricsPort: boundPort(metricsServer),
    setReady(value) {
      ready = value;
    },
    async stop() {
      ready = false;
      await Promise.all([close(appServer), close(metricsServer)]);
    },
  };
}

function createAppServer(
  serviceName: string,
  metrics: HttpMetrics,
  isReady: () => boolean,
): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');

    // Probes stay out of the request metrics: they would dilute the error ratio of the SLO.
    if (url.pathname === '/healthz') {
      sendJson(response, 200, { status: 'ok' });
      return;
    }
    if (url.pathname === '/readyz') {
      const ok = isReady();
      sendJson(response, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
      return;
    }

    const method = request.method ?? 'GET';
    const methods = routes[url.pathname];
    const handler = methods?.[method];
    // Requests no route answers (404, 405) share one label value.
    const route = handler ? url.pathname : 'unmatched';
    const stopTimer = metrics.requestDurationSeconds.startTimer();
    response.once('finish', () => {
      const labels = { service: serviceName, code: String(response.statusCode), method, route };
      metrics.requestsTotal.inc(labels);
      stopTimer(labels);
    });

    if (!methods) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    if (!handler) {
      response.setHeader('Allow', Object.keys(methods).join(', '));
      sendJson(response, 405, { error: 'method not allowed' });
      return;
    }
    void respond(response, handler, request, url);
  });
}

async function respond(
  response: ServerResponse,
  handler: RouteHandler,
  request: IncomingMessage,
  url: URL,
): Promise<void> {
  try {
    const { status, body } = await handler(request, url);
    sendJson(response, status, body);
  } catch (error) {
    log.error('request failed', { error, method: request.method, path: url.pathname });
    if (response.headersSent) {
      response.destroy();
    } else {
      sendJson(response, 500, { error: 'internal error' });
    }
  }
}

function createMetricsServer(registry: Registry): Server {
  return createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'Content-Type': registry.contentType }).end(text);
      },
      (error: unknown) => {
        log.error('collecting metrics failed', { error });
        response.writeHead(500).end();
      },
    );
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

async function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  server.listen(port, host);
  await once(server, 'listening');
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

function boundPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}
