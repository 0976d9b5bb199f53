import express from 'express';
import Router from 'express-promise-router';
import { KubernetesObject } from './KubernetesObject';
import {
  LabelSelectorError,
  matchesLabelSelector,
  parseLabelSelector,
} from './labelSelector';
import { apiVersionOf, findResourceType, ResourceType } from './resourceTypes';

/** Supplies every object the fake cluster holds; called once per list request. */
export type KubernetesObjectSource = () => Promise<KubernetesObject[]>;

function statusBody(code: number, reason: string, message: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details: {},
    code,
  };
}

/**
 * Answers the Kubernetes API's list endpoints the way a real API server does:
 * `GET /api/{version}[/namespaces/{ns}]/{plural}` and
 * `GET /apis/{group}/{version}[/namespaces/{ns}]/{plural}`, filtered by `labelSelector`,
 * as a `{Kind}List` with a resourceVersion; errors are `Status` objects.
 */
export function createKubernetesApiRouter(options: {
  source: KubernetesObjectSource;
}): express.Router {
  const router = Router();

  async function list(
    req: express.Request,
    res: express.Response,
    type: ResourceType | undefined,
    namespace: string | undefined,
  ) {
    if (!type) {
      res
        .status(404)
        .json(
          statusBody(
            404,
            'NotFound',
            'the server could not find the requested resource',
          ),
        );
      return;
    }
    let requirements;
    try {
      requirements = parseLabelSelector(String(req.query.labelSelector ?? ''));
    } catch (error) {
      if (!(error instanceof LabelSelectorError)) throw error;
      res
        .status(400)
        .json(
          statusBody(400, 'BadRequest', `unable to parse requirement: ${error.message}`),
        );
      return;
    }
    const apiVersion = apiVersionOf(type);
    const objects = await options.source();
    const items = objects.filter(
      object =>
        object.kind === type.kind &&
        object.apiVersion === apiVersion &&
        (namespace === undefined || object.metadata.namespace === namespace) &&
        matchesLabelSelector(requirements, object.metadata.labels),
    );
    res.json({
      kind: `${type.kind}List`,
      apiVersion,
      metadata: { resourceVersion: String(objects.length) },
      // Items in a list carry no kind/apiVersion of their own, as from a real server.
      items: items.map(({ kind: _kind, apiVersion: _apiVersion, ...rest }) => rest),
    });
  }

  router.get('/api/:version/namespaces/:namespace/:plural', (req, res) =>
    list(
      req,
      res,
      findResourceType('', req.params.version, req.params.plural),
      req.params.namespace,
    ),
  );
  router.get('/api/:version/:plural', (req, res) =>
    list(req, res, findResourceType('', req.params.version, req.params.plural), undefined),
  );
  router.get('/apis/:group/:version/namespaces/:namespace/:plural', (req, res) =>
    list(
      req,
      res,
      findResourceType(req.params.group, req.params.version, req.params.plural),
      req.params.namespace,
    ),
  );
  router.get('/apis/:group/:version/:plural', (req, res) =>
    list(
      req,
      res,
      findResourceType(req.params.group, req.params.version, req.params.plural),
      undefined,
    ),
  );
  return router;
}
