import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scorecardsFactsExtensionPoint } from '@internal/plugin-scorecards-node';
import { createSloDeclarationFactRetriever } from './sloDeclarationFactRetriever';
import { createSloFactRetriever } from './sloFactRetriever';

/**
 * Adds `slo.*` facts to scorecards: `slo.defined` from the catalog's SLO annotations, the
 * measured ones from plugins/slo-backend (installed in the same backend).
 */
export const scorecardsModuleSlo = createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'slo',
  register(reg) {
    reg.registerInit({
      deps: {
        facts: scorecardsFactsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ facts, discovery, auth }) {
        facts.addFactRetriever(createSloDeclarationFactRetriever(), createSloFactRetriever({ discovery, auth }));
      },
    });
  },
});
