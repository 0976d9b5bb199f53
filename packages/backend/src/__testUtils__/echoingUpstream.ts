import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface EchoedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * The worst upstream a portal can talk to: every outside system (Prometheus, Kubecost,
 * Cost Explorer, GitHub under /github, a Kubernetes API under /k8s, S3) pointed here gets
 * an error that quotes
 * the request's headers back, in the error format that system's client reads, the way
 * a misconfigured proxy or a verbose gateway does. Whatever credentials the portal sent
 * are then in an error message it may log, store or show. Records every request, so a
 * test can tell that the credentials were sent at all.
 */
export async function startEchoingUpstream() {
  const requests: EchoedRequest[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
      const echo = `echo of your request ${req.method} ${req.url}: ${JSON.stringify(req.headers)}`;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const path = req.url ?? '/';
      if (path.includes('/api/v1/query')) {
        // Prometheus' error envelope.
        return json(400, { status: 'error', errorType: 'bad_data', error: echo });
      }
      if (req.headers['x-amz-target']) {
        // AWS JSON protocol (Cost Explorer).
        return json(400, { __type: 'ValidationException', message: echo });
      }
      if (path.startsWith('/github/')) {
        return json(401, { message: echo, documentation_url: 'https://docs.github.com/rest' });
      }
      if (path.startsWith('/k8s/')) {
        // A Kubernetes API Status.
        return json(403, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: echo, reason: 'Forbidden', code: 403 });
      }
      res.writeHead(502, { 'content-type': 'text/plain' });
      return res.end(echo);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    /** Whether some request carried `value` in one of its headers. */
    sawHeaderValue: (value: string) =>
      requests.some(r => Object.values(r.headers).some(v => (Array.isArray(v) ? v.join(',') : v ?? '').includes(value))),
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
