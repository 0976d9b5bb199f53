import { createBackend } from '@backstage/backend-defaults';
import { authModuleOidcProvider } from './auth/authModuleOidcProvider';
import { serializedMigrationsDatabaseServiceFactory } from './database/serializedMigrationsDatabaseService';

const backend = createBackend();

// Replicas starting at once migrate one after the other instead of failing.
backend.add(serializedMigrationsDatabaseServiceFactory);

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Golden-path templates
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@internal/plugin-scaffolder-backend-module-golden-path'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// TechDocs, built locally with mkdocs (see techdocs.generator in app-config.yaml)
backend.add(import('@backstage/plugin-techdocs-backend'));
backend.add(import('@internal/plugin-techdocs-backend-module-prebuild'));

// Sign-in: guest for the embedded default (refused under NODE_ENV=production);
// GitHub and OIDC in production (app-config.production.yaml)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));
// Backstage's OIDC provider, answering 503 while the identity provider is unreachable
backend.add(authModuleOidcProvider);

// Catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@internal/plugin-catalog-backend-module-local-repositories'));

// Permissions: the platform group administers, owners act on their own, everyone reads
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@internal/plugin-permission-backend-module-portal-policy'));

// Search: Postgres engine when the database is PostgreSQL, in-memory Lunr otherwise
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// Kubernetes, and the fixture cluster it reads on the embedded default
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@internal/plugin-demo-cluster-backend'));

// What every service page shows about running it
backend.add(import('@internal/plugin-slo-backend'));
// Cost per team and service (Kubecost/OpenCost, AWS Cost Explorer; demo data on the embedded default)
backend.add(import('@internal/plugin-cost-backend'));
// Delivery performance (DORA metrics) from GitHub deployments; demo data on the embedded default
backend.add(import('@internal/plugin-dora-backend'));
// Falco runtime-security alerts (Falcosidekick webhook ingest, mapped to components)
backend.add(import('@internal/plugin-falco-backend'));
// Scorecards, with a facts module per source plugin (plugins/scorecards-backend-module-*)
backend.add(import('@internal/plugin-scorecards-backend'));
backend.add(import('@internal/plugin-scorecards-backend-module-slo'));
backend.add(import('@internal/plugin-scorecards-backend-module-cost'));
backend.add(import('@internal/plugin-scorecards-backend-module-dora'));
backend.add(import('@internal/plugin-scorecards-backend-module-falco'));
backend.add(import('@internal/plugin-scorecards-backend-module-kubernetes'));
// The platform team's weekly review, read from the DORA, Falco, scorecards, SLO and cost plugins
backend.add(import('@internal/plugin-platform-review-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
