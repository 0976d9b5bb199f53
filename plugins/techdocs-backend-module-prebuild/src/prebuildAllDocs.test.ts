import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { prebuildAllDocs } from './prebuildAllDocs';

function component(name: string, docs: boolean): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: docs ? { 'backstage.io/techdocs-ref': 'dir:.' } : {},
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

describe('prebuildAllDocs', () => {
  const syncRequests: string[] = [];
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    // Answers like the TechDocs backend's sync endpoint: an event stream that ends in
    // `finish`, or in `error` when the build fails.
    server = http.createServer((req, res) => {
      syncRequests.push(`${req.url} ${req.headers.authorization ? 'with-token' : 'anonymous'}`);
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      if (req.url?.includes('broken-docs')) {
        res.end('event: log\ndata: "mkdocs failed"\n\nevent: error\ndata: "build failed"\n\n');
      } else {
        res.end('event: log\ndata: "building"\n\nevent: finish\ndata: {"updated":true}\n\n');
      }
    });
    server.listen(0, '127.0.0.1');
    await new Promise(resolve => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/techdocs`;
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('syncs every documented entity with a service token and reports failures', async () => {
    const catalog = catalogServiceMock({
      entities: [
        component('checkout-service', true),
        component('broken-docs', true),
        component('no-docs', false),
      ],
    });
    const discovery = mockServices.discovery.mock({
      getBaseUrl: async () => baseUrl,
    });

    const result = await prebuildAllDocs({
      catalog,
      auth: mockServices.auth(),
      discovery,
      logger: mockServices.logger.mock(),
    });

    expect(result).toEqual({
      built: ['component:default/checkout-service'],
      failed: ['component:default/broken-docs'],
    });
    expect(syncRequests.sort()).toEqual([
      '/api/techdocs/sync/default/Component/broken-docs with-token',
      '/api/techdocs/sync/default/Component/checkout-service with-token',
    ]);
  });
});
