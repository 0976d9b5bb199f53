import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuthApi';

const portalSignInPage = SignInPageBlueprint.make({
  params: {
    loader: () => import('./PortalSignInPage').then(m => m.PortalSignInPage),
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [portalSignInPage, oidcAuthApi],
});
