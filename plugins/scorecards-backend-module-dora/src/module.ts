import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scorecardsFactsExtensionPoint } from '@internal/plugin-scorecards-node';
import { createDoraFactRetriever } from './doraFactRetriever';

/** Adds `dora.*` facts to scorecards; needs the DORA plugin (plugins/dora-backend) installed. */
export const scorecardsModuleDora = createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'dora',
  register(reg) {
    reg.registerInit({
      deps: {
        facts: scorecardsFactsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ facts, discovery, auth }) {
        facts.addFactRetriever(createDoraFactRetriever({ discovery, auth }));
      },
    });
  },
});
