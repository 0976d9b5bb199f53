/**
 * The portal's slo plugin with Backstage's own auth (backend.auth.externalAccess, a static
 * token) on an SQLite file, for tests that call the deploy gate over HTTP. Run as its own
 * process (Backstage's auth service loads ESM-only modules Jest cannot): it prints
 * `listening on <port>` when ready. Env: GATE_DB_FILE, GATE_TOKEN.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import sloPlugin from '@internal/plugin-slo-backend';
import knexFactory from 'knex';

async function main() {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: process.env.GATE_DB_FILE! },
    useNullAsDefault: true,
  });
  const { server } = await startTestBackend({
    features: [
      sloPlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.database.factory({ knex }),
      // Tests store the measurements themselves; no refresh may replace them.
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: process.env.GATE_TOKEN, subject: 'ci-deploy-gate' },
                  accessRestrictions: [{ plugin: 'slo' }],
                },
              ],
            },
          },
          slo: { prometheus: { default: { baseUrl: 'http://127.0.0.1:9' } } },
        },
      }),
    ],
  });
  console.log(`listening on ${server.port()}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
