import crypto from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/** Who signs in when the portal redeems a code this provider issued. */
export interface OidcLogin {
  sub: string;
  email: string;
  name?: string;
}

/**
 * A local OpenID Connect provider answering the documented endpoints (discovery, JWKS,
 * token with client_secret_basic, userinfo) with RS256-signed ID tokens, so the portal's
 * real OIDC sign-in runs end to end. The browser step (the login form) is replaced by
 * `issueCode`, which stands for a user who has just logged in. `port` brings a provider
 * back where an earlier one was.
 */
export async function startFakeOidcProvider(
  client: { id: string; secret: string },
  options: { port?: number } = {},
) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'portal-test-key';
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const codes = new Map<string, OidcLogin & { nonce?: string }>();
  const accessTokens = new Map<string, OidcLogin>();
  const tokenRequests: Array<{ authorized: boolean }> = [];
  // Known once the server listens on its port.
  let issuer = '';

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        scopes_supported: ['openid', 'profile', 'email'],
        claims_supported: ['sub', 'email', 'email_verified', 'name'],
      });
    }
    if (url.pathname === '/jwks') {
      return json(200, { keys: [jwk] });
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const expected = `Basic ${Buffer.from(
        `${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`,
      ).toString('base64')}`;
      const authorized = req.headers.authorization === expected;
      tokenRequests.push({ authorized });
      if (!authorized) {
        return json(401, { error: 'invalid_client' });
      }
      const login = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (form.get('grant_type') !== 'authorization_code' || !login) {
        return json(400, { error: 'invalid_grant' });
      }
      const accessToken = crypto.randomBytes(24).toString('hex');
      accessTokens.set(accessToken, login);
      const now = Math.floor(Date.now() / 1000);
      return json(200, {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'openid profile email',
        id_token: sign({
          iss: issuer,
          aud: client.id,
          sub: login.sub,
          email: login.email,
          email_verified: true,
          name: login.name,
          nonce: login.nonce,
          iat: now,
          exp: now + 3600,
        }),
      });
    }
    if (url.pathname === '/userinfo') {
      const login = accessTokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!login) return json(401, { error: 'invalid_token' });
      // Backstage's OIDC provider only takes an e-mail address the provider verified.
      return json(200, { sub: login.sub, email: login.email, email_verified: true, name: login.name });
    }
    return json(404, { error: 'not_found' });
  });

  function sign(claims: object): string {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
    const signature = crypto.sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url');
    return `${input}.${signature}`;
  }

  await new Promise<void>(resolve => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    /** What the login form would do: remember who logged in, hand back a one-time code. */
    issueCode(login: OidcLogin, nonce?: string): string {
      const code = crypto.randomBytes(16).toString('hex');
      codes.set(code, { ...login, nonce });
      return code;
    },
    tokenRequests,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
