import { InputError, ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import { createIngestTokenCheck } from '../ingest/checkIngestToken';
import { FalcoIngestor } from '../ingest/FalcoIngestor';

/**
 * `POST /events` (Falcosidekick's webhook also uses PUT): the token is checked before the
 * body is read, the body is limited in size, and the answer is sent only once the events
 * are committed. Falcosidekick counts 200/201/202/204 as delivered and retries anything
 * else, so a body of events always gets 200 with a result per event (a rejected event
 * would be rejected again on every retry), and 503 only when nothing could be stored.
 */
export function ingestHandlers(deps: {
  ingestor: FalcoIngestor;
  token?: string;
  maxBodySize: string;
}): express.RequestHandler[] {
  const check = deps.token ? createIngestTokenCheck(deps.token) : undefined;
  const parseJson = express.json({ limit: deps.maxBodySize, strict: false });

  const requireToken: express.RequestHandler = (req, _res, next) => {
    if (!check) {
      throw new ServiceUnavailableError(
        'Falco ingest is off: set falco.ingest.token (from an environment variable) to accept events',
      );
    }
    check(req.header('authorization'));
    if (!req.is('application/json')) {
      // Only the media type is quoted back, never the rest of a header.
      const sent = /^[\w.+-]{1,60}\/[\w.+-]{1,60}/.exec(req.header('content-type') ?? '')?.[0] ?? 'none';
      throw new InputError(`Send Falco events with Content-Type: application/json (got ${sent})`);
    }
    next();
  };

  const readBody: express.RequestHandler = (req, res, next) =>
    parseJson(req, res, (error?: unknown) => {
      if (!error) return next();
      const { type, message } = error as { type?: string; message?: string };
      if (type === 'entity.too.large') {
        return next(
          Object.assign(
            new Error(`The body is larger than ${deps.maxBodySize} (falco.ingest.maxBodySize): send smaller batches`),
            { name: 'PayloadTooLargeError', status: 413 },
          ),
        );
      }
      return next(new InputError(`The body is not valid JSON: ${message}`));
    });

  const store: express.RequestHandler = async (req, res) => {
    res.json(await deps.ingestor.ingest(req.body));
  };

  return [requireToken, readBody, store];
}
