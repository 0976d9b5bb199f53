import { SignInPage, SignInProviderConfig } from '@backstage/core-components';
import { configApiRef, githubAuthApiRef, useApi } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { oidcAuthApiRef, signInTitle } from './oidcAuthApi';

/** The sign-in choices for the names app.signIn.providers lists; unknown names are skipped. */
export function signInProviders(
  names: string[] = ['guest'],
  oidcTitle: string,
): Array<'guest' | SignInProviderConfig> {
  return names.flatMap((name): Array<'guest' | SignInProviderConfig> => {
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
            title: oidcTitle,
            message: 'Sign in with your company account',
            apiRef: oidcAuthApiRef,
          },
        ];
      default:
        return [];
    }
  });
}

/**
 * Guest in the embedded default; GitHub and the company identity provider in production
 * (where the backend refuses guests anyway).
 */
export function PortalSignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  const providers = signInProviders(
    configApi.getOptionalStringArray('app.signIn.providers'),
    signInTitle(configApi),
  );
  return <SignInPage {...props} providers={providers} />;
}
