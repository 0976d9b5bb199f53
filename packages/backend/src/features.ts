/**
 * Every plugin and module the portal's backend runs, in one list so that src/index.ts and
 * the tests that start the whole backend in-process (pluginFailsAlone.test.ts) run the same.
 *
 * The portal's own plugins may fail alone: `backend.startup` in app-config.yaml lets them,
 * and each answers 503 with the reason while the rest runs (see @internal/portal-node).
 * Backstage's plugins (catalog, scaffolder, auth, TechDocs, search, permission, app) still
 * stop the start when they fail.
 */
/**
 * Sign-in: guest for the embedded default (refused under NODE_ENV=production); GitHub and
 * OIDC in production (app-config.production.yaml).
 */
const signInFeatures = () => [
  import('@backstage/plugin-auth-backend'),
  import('@backstage/plugin-auth-backend-module-guest-provider'),
  import('@backstage/plugin-auth-backend-module-github-provider'),
  // Backstage's OIDC provider, answering 503 while the identity provider is unreachable
  import('./auth/authModuleOidcProvider'),
];

/**
 * `inJest: true` leaves out what a Jest test backend cannot host, for in-process tests on
 * mock auth: sign-in (Jest cannot load its ESM-only `jose`) and signals (it needs WebSockets
 * on the root router, which the test backend's lacks).
 */
export const portalFeatures = (
  options: { inJest: boolean } = { inJest: false },
) => [
  import('@backstage/plugin-app-backend'),
  import('@backstage/plugin-proxy-backend'),

  // Golden-path templates
  import('@backstage/plugin-scaffolder-backend'),
  import('@backstage/plugin-scaffolder-backend-module-github'),
  import('@internal/plugin-scaffolder-backend-module-golden-path'),
  import('@backstage/plugin-scaffolder-backend-module-notifications'),

  // TechDocs, built locally with mkdocs (see techdocs.generator in app-config.yaml)
  import('@backstage/plugin-techdocs-backend'),
  import('@internal/plugin-techdocs-backend-module-prebuild'),

  ...(options.inJest ? [] : signInFeatures()),

  // Catalog
  import('@backstage/plugin-catalog-backend'),
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  import('@backstage/plugin-catalog-backend-module-logs'),
  import('@internal/plugin-catalog-backend-module-local-repositories'),

  // Permissions: the platform group administers, owners act on their own, everyone reads
  import('@backstage/plugin-permission-backend'),
  import('@internal/plugin-permission-backend-module-portal-policy'),

  // Search: Postgres engine when the database is PostgreSQL, in-memory Lunr otherwise
  import('@backstage/plugin-search-backend'),
  import('@backstage/plugin-search-backend-module-pg'),
  import('@backstage/plugin-search-backend-module-catalog'),
  import('@backstage/plugin-search-backend-module-techdocs'),

  // Kubernetes, and the fixture cluster it reads on the embedded default
  import('@backstage/plugin-kubernetes-backend'),
  import('@internal/plugin-demo-cluster-backend'),

  // What every service page shows about running it
  import('@internal/plugin-slo-backend'),
  // Cost per team and service (Kubecost/OpenCost, AWS Cost Explorer; demo data on the embedded default)
  import('@internal/plugin-cost-backend'),
  // Delivery performance (DORA metrics) from GitHub deployments; demo data on the embedded default
  import('@internal/plugin-dora-backend'),
  // Falco runtime-security alerts (Falcosidekick webhook ingest, mapped to components)
  import('@internal/plugin-falco-backend'),
  // Scorecards, with a facts module per source plugin (plugins/scorecards-backend-module-*)
  import('@internal/plugin-scorecards-backend'),
  import('@internal/plugin-scorecards-backend-module-slo'),
  import('@internal/plugin-scorecards-backend-module-cost'),
  import('@internal/plugin-scorecards-backend-module-dora'),
  import('@internal/plugin-scorecards-backend-module-falco'),
  import('@internal/plugin-scorecards-backend-module-kubernetes'),
  // The platform team's weekly review, read from the DORA, Falco, scorecards, SLO and cost plugins
  import('@internal/plugin-platform-review-backend'),

  import('@backstage/plugin-user-settings-backend'),
  import('@backstage/plugin-notifications-backend'),
  ...(options.inJest ? [] : [import('@backstage/plugin-signals-backend')]),
];
