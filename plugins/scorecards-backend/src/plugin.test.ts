import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { KNOWN_DEFINITIONS_YAML, KNOWN_ENTITIES } from './__testUtils__/knownCatalog';
import { PlatformTeamScorecardsPolicy } from './permissions/PlatformTeamScorecardsPolicy';
import { scorecardsPlugin } from './plugin';

jest.setTimeout(60_000);

const PLATFORM_MEMBER = 'user:default/priya.nair';
const CHECKOUT_MEMBER = 'user:default/alex.rivera';
/** What the catalog's ownership resolver would give each user. */
const OWNERSHIP: Record<string, string[]> = {
  [PLATFORM_MEMBER]: [PLATFORM_MEMBER, 'group:default/platform'],
  [CHECKOUT_MEMBER]: [CHECKOUT_MEMBER, 'group:default/checkout'],
};

/** The permissions service, deciding with the real policy for the user's ownership refs. */
function permissionsDecidedByPolicy() {
  const policy = new PlatformTeamScorecardsPolicy('group:default/platform');
  return mockServices.permissions.mock({
    authorize: async (requests, options) =>
      Promise.all(
        requests.map(async ({ permission }) => {
          const credentials = options.credentials as any;
          const userEntityRef: string = credentials.principal.userEntityRef;
          const decision = await policy.handle(
            { permission },
            { credentials, info: { userEntityRef, ownershipEntityRefs: OWNERSHIP[userEntityRef] ?? [userEntityRef] } },
          );
          return { result: decision.result as AuthorizeResult.ALLOW | AuthorizeResult.DENY };
        }),
      ),
  });
}

async function startBackend() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecards-plugin-'));
  const file = path.join(dir, 'scorecards.yaml');
  fs.writeFileSync(file, KNOWN_DEFINITIONS_YAML);
  const { server } = await startTestBackend({
    features: [
      scorecardsPlugin,
      catalogServiceMock.factory({ entities: KNOWN_ENTITIES }),
      permissionsDecidedByPolicy().factory,
      mockServices.rootConfig.factory({
        data: { scorecards: { definitionsFile: file, schedule: { initialDelay: { hours: 1 } } } },
      }),
    ],
  });
  return server;
}

const as = (user: string) => mockCredentials.user.header(user);

describe('scorecards backend', () => {
  it('lets only platform-group members trigger an evaluation', async () => {
    const server = await startBackend();
    const denied = await request(server).post('/api/scorecards/evaluate').set('Authorization', as(CHECKOUT_MEMBER));
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'Only members of group:default/platform may trigger a scorecard evaluation',
    );
    expect((await request(server).get('/api/scorecards/runs/latest').set('Authorization', as(CHECKOUT_MEMBER))).body).toEqual({
      run: null,
    });

    const allowed = await request(server).post('/api/scorecards/evaluate').set('Authorization', as(PLATFORM_MEMBER));
    expect(allowed.status).toBe(200);
    expect(allowed.body.run).toMatchObject({ trigger: 'manual', triggeredBy: PLATFORM_MEMBER, entityCount: 7 });
  });

  it('lets only platform-group members change definitions, and rejects bad ones by field', async () => {
    const server = await startBackend();
    const yaml = KNOWN_DEFINITIONS_YAML.replace('title: Readiness', 'title: Ready for production');
    const denied = await request(server)
      .put('/api/scorecards/definitions')
      .set('Authorization', as(CHECKOUT_MEMBER))
      .send({ yaml });
    expect(denied.status).toBe(403);

    const bad = await request(server)
      .put('/api/scorecards/definitions')
      .set('Authorization', as(PLATFORM_MEMBER))
      .send({ yaml: KNOWN_DEFINITIONS_YAML.replace('level: gold', 'level: platinum') });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(
      'scorecards[0].checks[6].level: level "platinum" is not one of levels: bronze, silver, gold',
    );

    const saved = await request(server)
      .put('/api/scorecards/definitions')
      .set('Authorization', as(PLATFORM_MEMBER))
      .send({ yaml });
    expect(saved.status).toBe(200);
    const read = await request(server).get('/api/scorecards/definitions').set('Authorization', as(CHECKOUT_MEMBER));
    expect(read.body).toMatchObject({ source: 'database', updatedBy: PLATFORM_MEMBER, missingFacts: ['slo.budgetLeft'] });
    expect(read.body.definitions.scorecards[0].title).toBe('Ready for production');
  });

  it('serves the grid, team roll-ups, CSV and entity results to everyone signed in', async () => {
    const server = await startBackend();
    await request(server).post('/api/scorecards/evaluate').set('Authorization', as(PLATFORM_MEMBER)).expect(200);
    const reader = as(CHECKOUT_MEMBER);

    const overview = await request(server).get('/api/scorecards/overview?owner=payments').set('Authorization', reader);
    expect(overview.status).toBe(200);
    expect(overview.body.scorecards[0].checks.map((c: { id: string }) => c.id)).toEqual([
      'owner-is-group',
      'lifecycle-set',
      'techdocs',
      'runbook',
      'on-call',
      'slo-budget',
      'template-current',
    ]);
    // No SLO module installed in this backend: the SLO check is unknown, not failed.
    expect(overview.body.rows).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/no-lifecycle',
        levels: { readiness: null },
        checks: { readiness: ['passed', 'failed', 'passed', 'passed', 'passed', 'unknown', 'passed'] },
      }),
      expect.objectContaining({
        entityRef: 'component:default/old-template',
        levels: { readiness: 'bronze' },
        checks: { readiness: ['passed', 'passed', 'passed', 'passed', 'passed', 'unknown', 'failed'] },
      }),
    ]);
    expect(overview.body.filters.owners).toEqual([
      'group:default/checkout',
      'group:default/ghosts',
      'group:default/payments',
      'user:default/alex',
    ]);

    const csv = await request(server).get('/api/scorecards/overview.csv?owner=payments').set('Authorization', reader);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\r\n')).toEqual([
      'entity,title,owner,system,lifecycle,Readiness: level,Readiness: Owned by a team,Readiness: Lifecycle,Readiness: TechDocs,Readiness: Runbook,Readiness: On-call,Readiness: Budget left,Readiness: Current template',
      'component:default/no-lifecycle,no-lifecycle,group:default/payments,system:default/commerce,,none,passed,failed,passed,passed,passed,unknown,passed',
      'component:default/old-template,old-template,group:default/payments,system:default/commerce,production,bronze,passed,passed,passed,passed,passed,unknown,failed',
      '',
    ]);

    const teams = await request(server).get('/api/scorecards/teams').set('Authorization', reader);
    expect(teams.body.teams.find((t: { owner: string }) => t.owner === 'group:default/checkout')).toEqual({
      owner: 'group:default/checkout',
      entityCount: 3,
      scorecards: [
        {
          scorecardId: 'readiness',
          // ready 6 passed + SLO unknown; no-on-call 5 passed, on-call failed, SLO unknown;
          // kit (a library, 4 checks) 3 passed, template failed.
          levelCounts: { none: 0, bronze: 2, silver: 1, gold: 0 },
          passed: 14,
          failed: 2,
          unknown: 2,
        },
      ],
    });
    expect(teams.body.trend).toHaveLength(1);

    const entity = await request(server)
      .get('/api/scorecards/entity?entityRef=component:default/no-on-call')
      .set('Authorization', reader);
    const onCall = entity.body.result.scorecards[0].checks.find((c: { checkId: string }) => c.checkId === 'on-call');
    expect(onCall).toMatchObject({ state: 'failed', howToFix: 'Add devportal.io/on-call', link: '/docs/on-call' });
    expect(entity.body.history).toHaveLength(1);

    const missing = await request(server).get('/api/scorecards/entity').set('Authorization', reader);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('"entityRef" is required');
  });
});
