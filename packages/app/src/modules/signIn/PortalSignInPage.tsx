import { SignInPage, SignInProviderConfig } from '@backstage/core-components';
import { configApiRef, githubAuthApiRef, useApi } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { oidcAuthApiRef, signInTitle } from './oidcAuthApi';

/**
 * The sign-in choices app.signIn.providers lists: guest in the embedded default, GitHub
 * and the company identity provider in production (where the backend refuses guests).
 */
export function PortalSignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  const names = configApi.getOptionalStringArray('app.signIn.providers') ?? ['guest'];
  const providers = names.flatMap((name): Array<'guest' | SignInProviderConfig> => {
    switch (name) {
      case 'guest':
        return ['guest'];
      case 'github':
        return [
          {
            id: 'github-auth-provider',
            title: 'GitHub',
            message: 'Sign in with your GitHub account',
            apiRef: githubAuthApiRef,
          },
        ];
      case 'oidc':
        return [
          {
            id: 'oidc-auth-provider',
            title: signInTitle(configApi),
            message: 'Sign in with your company account',
            apiRef: oidcAuthApiRef,
          },
        ];
      default:
        return [];
    }
  });
  return <SignInPage {...props} providers={providers} />;
}
