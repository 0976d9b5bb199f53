import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { FalcoEventStore } from '../database/FalcoEventStore';
import { FalcoIngestor } from '../ingest/FalcoIngestor';
import { MappingCache } from '../mapping/MappingCache';
import { ingestHandlers } from './ingestRoute';
import { readRoutes } from './readRoutes';

export interface RouterDeps {
  store: FalcoEventStore;
  ingestor: FalcoIngestor;
  mapping: MappingCache;
  httpAuth: HttpAuthService;
  ingestToken?: string;
  maxBodySize: string;
  demo: boolean;
  /** How long events are kept (`falco.retention.events`): older alerts are gone, not absent. */
  eventRetentionMs: number;
  clock?: () => Date;
}

/**
 * `POST|PUT /events` for Falcosidekick and Falco (own bearer token, see plugin.ts for its
 * auth policy); `GET /alerts`, `/counts`, `/overview`, `/facts` for signed-in users and
 * services.
 */
export function createRouter(deps: RouterDeps): express.Router {
  const router = Router();
  const ingest = ingestHandlers({
    ingestor: deps.ingestor,
    token: deps.ingestToken,
    maxBodySize: deps.maxBodySize,
  });
  router.post('/events', ...ingest);
  router.put('/events', ...ingest);
  router.use(readRoutes(deps));
  return router;
}
