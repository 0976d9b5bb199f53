import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { oidcAuthenticator } from '@backstage/plugin-auth-backend-module-oidc-provider';
import { createOAuthAuthenticator } from '@backstage/plugin-auth-node';

type OidcContext = ReturnType<typeof oidcAuthenticator.initialize>;

/** A failed discovery is tried again when someone signs in, at most this often. */
const REDISCOVER_AFTER_MS = 10_000;

/** What an anonymous caller is told; the provider's address and the reason go to the log. */
export const IDENTITY_PROVIDER_UNAVAILABLE =
  "Sign-in with the identity provider is unavailable right now: try again in a minute. If it persists, tell the portal's operators; the reason is in the portal's log.";

// Errors that say the provider could not be reached, as Node, openid-client and
// Backstage's passport helpers word them (the helpers keep only the message).
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|socket hang up|timed out/;

/**
 * The provider's discovery document, read at start-up as Backstage's OIDC authenticator
 * does, but read again after a failure: the stock authenticator keeps a failed discovery
 * for good, so sign-in stayed broken until a restart even after the provider was back.
 */
class OidcDiscovery {
  private attempt: { context: OidcContext; failedAt?: number };

  constructor(
    private readonly discover: () => OidcContext,
    private readonly onFailure: (error: unknown) => void,
  ) {
    this.attempt = this.begin();
  }

  private begin() {
    const attempt: { context: OidcContext; failedAt?: number } = { context: this.discover() };
    attempt.context.promise.catch(error => {
      attempt.failedAt = Date.now();
      this.onFailure(error);
    });
    return attempt;
  }

  async ready(): Promise<OidcContext> {
    const { failedAt } = this.attempt;
    if (failedAt !== undefined && Date.now() - failedAt >= REDISCOVER_AFTER_MS) this.attempt = this.begin();
    try {
      await this.attempt.context.promise;
    } catch {
      throw new ServiceUnavailableError(IDENTITY_PROVIDER_UNAVAILABLE);
    }
    return this.attempt.context;
  }
}

/**
 * Backstage's OIDC authenticator, except that an identity provider that cannot be
 * reached answers 503 with a generic message instead of 500 with the provider's address
 * and the socket error, and sign-in recovers by itself when the provider is back. The
 * details are logged for the operators.
 */
export function createResilientOidcAuthenticator(logger: LoggerService) {
  return createOAuthAuthenticator({
    ...oidcAuthenticator,
    initialize(options) {
      const metadataUrl = options.config.getString('metadataUrl');
      const discovery = new OidcDiscovery(
        () => oidcAuthenticator.initialize(options),
        error =>
          logger.error(
            `OIDC sign-in is unavailable: the identity provider's discovery document at ${metadataUrl} could not be read (${error}); it is read again when someone signs in, at most every ${REDISCOVER_AFTER_MS / 1000} s`,
          ),
      );
      const unreachable = (error: unknown) => {
        if (!UNREACHABLE.test(String((error as Error)?.message ?? error))) return error;
        logger.error(`OIDC sign-in failed: the identity provider at ${metadataUrl} could not be reached (${error})`);
        return new ServiceUnavailableError(IDENTITY_PROVIDER_UNAVAILABLE);
      };
      return { discovery, unreachable };
    },
    async start(input, { discovery }) {
      return oidcAuthenticator.start(input, await discovery.ready());
    },
    async authenticate(input, { discovery, unreachable }) {
      const context = await discovery.ready();
      try {
        return await oidcAuthenticator.authenticate(input, context);
      } catch (error) {
        throw unreachable(error);
      }
    },
    async refresh(input, { discovery, unreachable }) {
      const context = await discovery.ready();
      try {
        return await oidcAuthenticator.refresh(input, context);
      } catch (error) {
        throw unreachable(error);
      }
    },
    async logout(input, { discovery, unreachable }) {
      const context = await discovery.ready();
      try {
        await oidcAuthenticator.logout?.(input, context);
      } catch (error) {
        throw unreachable(error);
      }
    },
  });
}
