import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';
import { readPortalPolicyConfig } from './readPortalPolicyConfig';

/** Installs the portal's permission policy; see config.d.ts. */
export const permissionModulePortalPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ policy, config, logger }) {
        const settings = readPortalPolicyConfig(config);
        logger.info(
          `Permission policy: ${settings.platformGroupRef} administers; platform-only: ${[
            ...settings.platformOnly,
          ].join(', ')}`,
        );
        policy.setPolicy(new PortalPermissionPolicy(settings));
      },
    });
  },
});
