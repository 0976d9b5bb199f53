import { mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface FactsFakeAnswer {
  status: number;
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
}

/**
 * A local HTTP server standing in for a plugin's `GET /api/<pluginId>/facts`, plus the
 * discovery and auth services a fact module needs to reach it. Records each request's
 * path and Authorization header so tests can check a service token was sent.
 */
export async function startFactsFake(pluginId: string, answer: () => FactsFakeAnswer) {
  const requests: Array<{ path: string; authorization?: string }> = [];
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const { status, body, delayMs } = answer();
    setTimeout(() => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body ?? { error: { name: 'Error', message: `status ${status}` } }));
    }, delayMs ?? 0);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const discovery = mockServices.discovery.mock({
    getBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
  });
  return {
    requests,
    discovery,
    auth: mockServices.auth({ pluginId: 'scorecards' }),
    pluginId,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
