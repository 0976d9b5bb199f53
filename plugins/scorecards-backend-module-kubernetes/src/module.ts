import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { scorecardsFactsExtensionPoint } from '@internal/plugin-scorecards-node';
import { createKubernetesFactRetriever } from './kubernetesFactRetriever';

/** Adds `kubernetes.*` facts to scorecards; needs @backstage/plugin-kubernetes-backend installed. */
export const scorecardsModuleKubernetes = createBackendModule({
  pluginId: 'scorecards',
  moduleId: 'kubernetes',
  register(reg) {
    reg.registerInit({
      deps: {
        facts: scorecardsFactsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ facts, discovery, auth }) {
        facts.addFactRetriever(createKubernetesFactRetriever({ discovery, auth }));
      },
    });
  },
});
