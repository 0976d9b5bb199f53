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
 * A local HTTP server standing in for another plugin's API (e.g. `GET /api/cost/facts`), plus the
 * discovery and auth services a fact module needs to reach it. Records each request's
 * path and Authorization header so tests can check a service token was sent.
 */
export async function startFactsFake(
  pluginId: string,
  answer: (request: { method: string; path: string; body: string }) => FactsFakeAnswer,
) {
  const requests: Array<{ path: string; authorization?: string }> = [];
  const server = http.createServer((req, res) => {
    let received = '';
    req.on('data', chunk => (received += chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({ path, authorization: req.headers.authorization });
      const { status, body, delayMs } = answer({ method: req.method ?? 'GET', path, body: received });
      setTimeout(() => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body ?? { error: { name: 'Error', message: `status ${status}` } }));
      }, delayMs ?? 0);
    });
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
