import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scorecardsFactsExtensionPoint } from '@internal/plugin-scorecards-node';
import { createFalcoFactRetriever } from './falcoFactRetriever';

/** Adds `falco.*` facts to scorecards; needs the Falco plugin (plugins/falco-backend) installed. */
export const scorecardsModuleFalco = createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'falco',
  register(reg) {
    reg.registerInit({
      deps: {
        facts: scorecardsFactsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ facts, discovery, auth }) {
        facts.addFactRetriever(createFalcoFactRetriever({ discovery, auth }));
      },
    });
  },
});
