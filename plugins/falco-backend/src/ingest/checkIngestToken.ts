import { AuthenticationError } from '@backstage/errors';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Checks `Authorization: Bearer <token>` against the configured ingest token in constant
 * time. Both sides are hashed first so tokens of different lengths compare in the same time.
 */
export function createIngestTokenCheck(expectedToken: string) {
  const expected = digest(expectedToken);
  return (authorizationHeader: string | undefined) => {
    const match = /^Bearer\s+(.+)$/i.exec(authorizationHeader ?? '');
    if (!match) {
      throw new AuthenticationError(
        'Missing ingest token: send Authorization: Bearer <falco.ingest.token> (Falcosidekick: webhook.customheaders)',
      );
    }
    if (!timingSafeEqual(digest(match[1].trim()), expected)) {
      throw new AuthenticationError('Wrong ingest token: it does not match falco.ingest.token');
    }
  };
}
