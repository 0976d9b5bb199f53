import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { PluginConfigError } from './PluginConfigError';
import { pluginStartupServiceRef } from './pluginStartupService';
import { portalRootHealthServiceFactory } from './portalRootHealthServiceFactory';

/** A plugin that adds a route, then fails (or not) the way a bad setting makes it fail. */
function examplePlugin(pluginId: string, fail?: Error) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { startup: pluginStartupServiceRef },
        async init({ startup }) {
          await startup.run(async router => {
            router.use(
              express
                .Router()
                .get('/things', (_req, res) => res.json({ things: 1 })),
            );
            if (fail) throw fail;
          });
        },
      });
    },
  });
}

const startup = {
  plugins: {
    broken: { onPluginBootFailure: 'continue' },
    crashed: { onPluginBootFailure: 'continue' },
    healthy: { onPluginBootFailure: 'continue' },
  },
};

describe('a plugin whose start-up fails', () => {
  it('answers 503 with the reason on every route and /health; readiness lists it; the others run', async () => {
    const logger = mockServices.rootLogger.mock();
    const childLogs: Array<{ message: string; meta: unknown }> = [];
    logger.child.mockImplementation(() => {
      const child = mockServices.logger.mock();
      child.error.mockImplementation((message: string, meta?: unknown) => {
        childLogs.push({ message, meta });
      });
      child.child.mockImplementation(() => child);
      return child;
    });
    const { server } = await startTestBackend({
      features: [
        examplePlugin('healthy'),
        examplePlugin(
          'broken',
          new PluginConfigError(
            'broken.baseUrl',
            'broken.baseUrl is "x", which is not an http(s) URL',
          ),
        ),
        examplePlugin(
          'crashed',
          new Error('database "crashed" is not reachable'),
        ),
        // A plugin the portal does not let fail alone: it never reports, so it counts as running.
        createBackendPlugin({
          pluginId: 'core',
          register(env) {
            env.registerInit({
              deps: { httpRouter: coreServices.httpRouter },
              async init({ httpRouter }) {
                httpRouter.use(
                  express.Router().get('/ok', (_req, res) => res.json({})),
                );
              },
            });
          },
        }),
        portalRootHealthServiceFactory,
        logger.factory,
        mockServices.rootConfig.factory({ data: { backend: { startup } } }),
      ],
    });

    const broken = await request(server).get('/api/broken/things');
    expect(broken.status).toBe(503);
    expect(broken.body.error).toEqual({
      name: 'PluginNotRunningError',
      message:
        'broken is not running: broken.baseUrl is "x", which is not an http(s) URL',
      pluginId: 'broken',
      reason: 'broken.baseUrl is "x", which is not an http(s) URL',
      setting: 'broken.baseUrl',
    });
    expect(broken.body.response).toEqual({ statusCode: 503 });

    // Unauthenticated, like readiness.
    const health = await request(server).get('/api/broken/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      pluginId: 'broken',
      status: 'not running',
      setting: 'broken.baseUrl',
    });

    const crashed = await request(server).get('/api/crashed/things');
    expect(crashed.status).toBe(503);
    expect(crashed.body.error.message).toBe(
      'crashed is not running: database "crashed" is not reachable',
    );

    const healthy = await request(server).get('/api/healthy/things');
    expect(healthy.status).toBe(200);
    expect(healthy.body).toEqual({ things: 1 });
    expect(
      (await request(server).get('/api/healthy/health')).body,
    ).toMatchObject({ status: 'running' });
    expect((await request(server).get('/api/core/ok')).status).toBe(200);

    const readiness = await request(server).get(
      '/.backstage/health/v1/readiness',
    );
    expect(readiness.status).toBe(200);
    expect(readiness.body.plugins.running).toEqual(['core', 'healthy']);
    expect(
      readiness.body.plugins.notRunning
        .map((s: { pluginId: string }) => s.pluginId)
        .sort(),
    ).toEqual(['broken', 'crashed']);

    // One line each, naming the setting when one is at fault.
    const lines = childLogs
      .map(l => l.message)
      .filter(m => m.includes('is not running'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^broken is not running: broken\.baseUrl is "x".*\(fix broken\.baseUrl and restart\)/,
      ),
      expect.stringMatching(
        /^crashed is not running: database "crashed" is not reachable \(see the error below\)/,
      ),
    ]);
  });

  it('still stops the start when a plugin without onPluginBootFailure: continue fails', async () => {
    await expect(
      startTestBackend({
        features: [
          examplePlugin('broken', new Error('broken.thing is missing')),
          mockServices.rootConfig.factory({ data: {} }),
        ],
      }),
    ).resolves.toBeDefined();
    // The portal's guard catches its own plugins' failures; a Backstage plugin's failure is
    // not caught, and without `continue` it aborts the start.
    await expect(
      startTestBackend({
        features: [
          createBackendPlugin({
            pluginId: 'core',
            register(env) {
              env.registerInit({
                deps: {},
                async init() {
                  throw new Error('core.setting is missing');
                },
              });
            },
          }),
          mockServices.rootConfig.factory({ data: { backend: { startup } } }),
        ],
      }),
    ).rejects.toThrow(/core/);
  });
});
