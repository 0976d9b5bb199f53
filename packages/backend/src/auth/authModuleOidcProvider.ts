import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { oidcSignInResolvers } from '@backstage/plugin-auth-backend-module-oidc-provider';
import { authProvidersExtensionPoint, createOAuthProviderFactory } from '@backstage/plugin-auth-node';
import { createResilientOidcAuthenticator } from './resilientOidcAuthenticator';

/**
 * The `oidc` sign-in provider, in place of `@backstage/plugin-auth-backend-module-oidc-provider`'s
 * module (same config, same sign-in resolvers) with an authenticator that answers 503
 * while the identity provider is unreachable and recovers when it is back.
 */
export const authModuleOidcProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'oidc-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint, logger: coreServices.logger },
      async init({ providers, logger }) {
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: createResilientOidcAuthenticator(logger),
            signInResolverFactories: { ...oidcSignInResolvers },
          }),
        });
      },
    });
  },
});

export default authModuleOidcProvider;
