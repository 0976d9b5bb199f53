import { createBackend } from '@backstage/backend-defaults';
import { portalRootHealthServiceFactory } from '@internal/portal-node';
import { serializedMigrationsDatabaseServiceFactory } from './database/serializedMigrationsDatabaseService';
import { portalFeatures } from './features';

const backend = createBackend();

// Replicas starting at once migrate one after the other instead of failing.
backend.add(serializedMigrationsDatabaseServiceFactory);
// Readiness also says which plugins run, and why any of the portal's own did not start.
backend.add(portalRootHealthServiceFactory);

for (const feature of portalFeatures()) {
  backend.add(feature);
}

backend.start();
