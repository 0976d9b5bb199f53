import catalogPlugin from '@backstage/plugin-catalog-backend';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import request from 'supertest';
import { embeddedCatalogConfig, exampleEntityRefs } from './__testUtils__/exampleCatalog';

jest.setTimeout(120_000);

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the catalog');
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

describe('the backend serves the examples/ organisation', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let entities: Entity[];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        mockServices.rootConfig.factory({
          data: { catalog: embeddedCatalogConfig() },
        }),
      ],
    }));
    // The catalog ingests asynchronously: wait until every entity examples/ declares is in.
    const declared = exampleEntityRefs();
    entities = await waitFor(async () => {
      const res = await request(server).get('/api/catalog/entities');
      const all: Entity[] = res.body;
      const present = new Set(all.map(e => stringifyEntityRef(e)));
      return declared.every(ref => present.has(ref)) ? all : undefined;
    });
  });

  it('holds a whole organisation: teams with people, systems, components, APIs, resources', () => {
    const count = (kind: string) => entities.filter(e => e.kind === kind).length;
    expect(count('Group')).toBeGreaterThanOrEqual(8);
    expect(count('User')).toBeGreaterThanOrEqual(16);
    expect(count('System')).toBeGreaterThanOrEqual(4);
    expect(count('Component')).toBeGreaterThanOrEqual(24);
    expect(count('API')).toBeGreaterThanOrEqual(1);
    expect(count('Resource')).toBeGreaterThanOrEqual(1);
    const componentTypes = new Set(
      entities.filter(e => e.kind === 'Component').map(e => e.spec?.type),
    );
    expect(componentTypes).toEqual(new Set(['service', 'website', 'library']));
  });

  it('serves a service by name with its owner, system and dependencies resolved', async () => {
    const res = await request(server).get(
      '/api/catalog/entities/by-name/component/default/checkout-service',
    );
    expect(res.status).toBe(200);
    const checkout: Entity = res.body;
    const targets = (type: string) =>
      (checkout.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);
    expect(targets('ownedBy')).toEqual(['group:default/checkout']);
    expect(targets('partOf')).toContain('system:default/commerce-core');
    expect(targets('dependsOn').length).toBeGreaterThan(0);
    expect(checkout.metadata.annotations).toMatchObject({
      'backstage.io/kubernetes-id': 'checkout-service',
      'github.com/project-slug': 'harbor-market/checkout-service',
      'backstage.io/techdocs-ref': 'dir:.',
    });
  });

  it('signs the demo developer into a team that owns services', () => {
    const alex = entities.find(e => e.kind === 'User' && e.metadata.name === 'alex.rivera');
    expect(alex?.spec?.memberOf).toContain('checkout');
    const ownedByCheckout = entities.filter(e =>
      e.relations?.some(r => r.type === 'ownedBy' && r.targetRef === 'group:default/checkout'),
    );
    expect(ownedByCheckout.filter(e => e.kind === 'Component').length).toBeGreaterThan(0);
  });

  it('has no dangling references: every relation target is an entity in the catalog', () => {
    const refs = new Set(entities.map(e => stringifyEntityRef(e)));
    const dangling = entities.flatMap(e =>
      (e.relations ?? [])
        .filter(r => !refs.has(r.targetRef))
        .map(r => `${e.metadata.name} ${r.type} ${r.targetRef}`),
    );
    expect(dangling).toEqual([]);
  });

  it('finds at least three components with TechDocs', () => {
    const documented = entities.filter(
      e => e.kind === 'Component' && e.metadata.annotations?.['backstage.io/techdocs-ref'],
    );
    expect(documented.length).toBeGreaterThanOrEqual(3);
  });
});
