import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scorecardsFactsExtensionPoint } from '@internal/plugin-scorecards-node';
import { createCostFactRetriever } from './costFactRetriever';

/** Adds `cost.*` facts to scorecards; needs the cost plugin (plugins/cost-backend) installed. */
export const scorecardsModuleCost = createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'cost',
  register(reg) {
    reg.registerInit({
      deps: {
        facts: scorecardsFactsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ facts, discovery, auth }) {
        facts.addFactRetriever(createCostFactRetriever({ discovery, auth }));
      },
    });
  },
});
