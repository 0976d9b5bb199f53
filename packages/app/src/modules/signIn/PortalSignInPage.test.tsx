import { githubAuthApiRef } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { oidcAuthApiRef } from './oidcAuthApi';
import { PortalSignInPage, signInProviders } from './PortalSignInPage';

// No earlier session: each provider's silent sign-in finds nobody.
const signedOut = {
  getBackstageIdentity: async () => undefined,
  getProfile: async () => undefined,
  signOut: async () => {},
};

function renderPage(signIn: object) {
  return renderInTestApp(<PortalSignInPage onSignInSuccess={jest.fn()} />, {
    config: { app: { title: 'Harbor Market Developer Portal', signIn } },
    apis: [
      [githubAuthApiRef, signedOut as any],
      [oidcAuthApiRef, signedOut as any],
    ],
  });
}

describe('PortalSignInPage', () => {
  it('offers the company identity provider and GitHub in production, and no guest', async () => {
    await renderPage({ providers: ['oidc', 'github'], oidcTitle: 'Harbor Market SSO' });
    expect(await screen.findByText('Harbor Market SSO')).toBeInTheDocument();
    expect(screen.getByText('GitHub')).toBeInTheDocument();
    expect(screen.queryByText('Guest')).not.toBeInTheDocument();
  });

  it('offers only the guest sign-in when nothing is configured, as the embedded default does', () => {
    expect(signInProviders(undefined, 'SSO')).toEqual(['guest']);
  });

  it('skips names it does not know rather than showing a broken button', () => {
    expect(signInProviders(['okta', 'github'], 'SSO').map(p => (p === 'guest' ? p : p.id))).toEqual([
      'github-auth-provider',
    ]);
  });
});
