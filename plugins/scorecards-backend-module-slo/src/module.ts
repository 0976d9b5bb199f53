import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scorecardsFactsExtensionPoint } from '@internal/plugin-scorecards-node';
import { createSloFactRetriever } from './sloFactRetriever';

/** Adds the SLO plugin's facts (`slo.*`) to scorecards; needs plugins/slo-backend installed. */
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
        facts.addFactRetriever(createSloFactRetriever({ discovery, auth }));
      },
    });
  },
});
