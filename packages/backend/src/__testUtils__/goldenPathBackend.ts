import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import goldenPathModule from '@internal/plugin-scaffolder-backend-module-golden-path';
import catalogModuleLocalRepositories from '@internal/plugin-catalog-backend-module-local-repositories';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import request from 'supertest';
import { embeddedCatalogConfig } from './exampleCatalog';

type TestServer = Awaited<ReturnType<typeof startTestBackend>>['server'];

export interface TemplateRun {
  status: 'completed' | 'failed' | 'cancelled';
  /** Every log line the task wrote, as the scaffolder's progress page shows them. */
  log: string[];
  output: Record<string, unknown>;
  /** How long from submission to the task finishing, in ms. */
  durationMs: number;
}

/**
 * The portal's catalog and scaffolder in-process with the golden-path actions, reading
 * app-config.yaml's catalog (examples/ and templates/) and publishing locally.
 */
export async function startGoldenPathBackend(options: {
  repositoriesDirectory: string;
  extraConfig?: Record<string, unknown>;
  extraFeatures?: Parameters<typeof startTestBackend>[0]['features'];
}): Promise<TestServer> {
  const { server } = await startTestBackend({
    features: [
      // The real scheduler: the local-repositories provider refreshes on a schedule.
      schedulerServiceFactory,
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      catalogModuleLocalRepositories,
      scaffolderPlugin,
      goldenPathModule,
      ...(options.extraFeatures ?? []),
      mockServices.rootConfig.factory({
        data: {
          catalog: embeddedCatalogConfig(),
          goldenPath: {
            githubOrganization: 'harbor-market',
            aws: {
              accountId: '123456789012',
              // One account per environment, as a bank runs them.
              accounts: { dev: '111111111111', staging: '222222222222', prod: '333333333333' },
              region: 'eu-west-1',
              stateBucket: 'harbor-market-terraform-state',
            },
            localPublisher: { directory: options.repositoriesDirectory },
          },
          ...options.extraConfig,
        },
      }),
    ],
  });
  await waitForCatalog(server, [
    'template:default/http-service',
    'template:default/worker',
    'template:default/terraform-module',
    'group:default/checkout',
    'system:default/commerce-core',
    'user:default/alex.rivera',
  ]);
  return server;
}

export async function waitForCatalog(server: TestServer, refs: string[]) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await request(server)
      .post('/api/catalog/entities/by-refs')
      .set('Authorization', mockCredentials.user.header())
      .send({ entityRefs: refs });
    if (res.body.items?.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error(`catalog never had ${refs.join(', ')}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

/** Submits a task through the scaffolder API, as the form does, and waits for its end. */
export async function runTemplate(
  server: TestServer,
  templateName: string,
  values: Record<string, unknown>,
): Promise<TemplateRun> {
  const started = Date.now();
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', mockCredentials.user.header())
    .send({ templateRef: `template:default/${templateName}`, values });
  if (created.status !== 201) {
    throw Object.assign(new Error(`task refused: ${created.status} ${JSON.stringify(created.body)}`), {
      response: created,
    });
  }
  const taskId = created.body.id;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const task = await request(server)
      .get(`/api/scaffolder/v2/tasks/${taskId}`)
      .set('Authorization', mockCredentials.user.header());
    if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
      const events = await request(server)
        .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
        .set('Authorization', mockCredentials.user.header());
      const log = (events.body as Array<{ type: string; body: { message?: string } }>)
        .filter(e => e.type === 'log')
        .map(e => e.body.message ?? '');
      const completion = (events.body as Array<{ type: string; body: { output?: Record<string, unknown> } }>)
        .find(e => e.type === 'completion');
      return {
        status: task.body.status,
        log,
        output: completion?.body.output ?? {},
        durationMs: Date.now() - started,
      };
    }
    if (Date.now() > deadline) {
      const events = await request(server)
        .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
        .set('Authorization', mockCredentials.user.header());
      const log = (events.body as Array<{ body: { message?: string } }>).map(e => e.body.message).slice(-6);
      throw new Error(`task ${taskId} did not finish; its log ends:\n${log.join('\n')}`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
}
