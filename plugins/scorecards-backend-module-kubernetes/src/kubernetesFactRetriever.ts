import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DEMO_DATA_LABEL } from '@internal/plugin-demo-cluster-backend';
import { FactValue } from '@internal/plugin-scorecards-common';
import { ScorecardFactRetriever } from '@internal/plugin-scorecards-node';

/** The annotations the Kubernetes plugin finds an entity's workloads by. */
const KUBERNETES_ANNOTATIONS = ['backstage.io/kubernetes-id', 'backstage.io/kubernetes-label-selector'];
/** Entities asked about at once; the Kubernetes backend fans each out to every cluster. */
const CONCURRENCY = 4;

interface Container {
  name: string;
  resources?: { limits?: { cpu?: string; memory?: string } };
}
interface Pod {
  metadata: { name: string; labels?: Record<string, string> };
  spec?: { containers?: Container[] };
}
/** The part of `POST /api/kubernetes/services/:name` (ObjectsByEntityResponse) read here. */
export interface ObjectsByEntityResponse {
  items: Array<{
    cluster: { name: string };
    resources: Array<{ type: string; resources: unknown[] }>;
    errors: Array<{ errorType: string; statusCode?: number; resourcePath?: string }>;
  }>;
}

const hasLimits = (container: Container) =>
  Boolean(container.resources?.limits?.cpu && container.resources?.limits?.memory);

/**
 * Facts per component from the Kubernetes backend: how many of its running pods have a
 * container without CPU or memory limits. Asks once per component that has a Kubernetes
 * annotation, with a service token, the way the Kubernetes tab does for a user.
 */
export function createKubernetesFactRetriever(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): ScorecardFactRetriever {
  return {
    id: 'kubernetes',
    title: 'Kubernetes plugin',
    facts: {
      'kubernetes.workloadsWithoutLimits': {
        type: 'number',
        description:
          'Running pods with a container lacking resources.limits.cpu or .memory; no value when no pod was found or a cluster failed.',
      },
      'kubernetes.workloads': { type: 'number', description: 'Running pods found for the entity across clusters.' },
    },
    async retrieve(entities: Entity[]) {
      const baseUrl = await deps.discovery.getBaseUrl('kubernetes');
      const { token } = await deps.auth.getPluginRequestToken({
        onBehalfOf: await deps.auth.getOwnServiceCredentials(),
        targetPluginId: 'kubernetes',
      });
      const targets = entities.filter(e => KUBERNETES_ANNOTATIONS.some(a => e.metadata.annotations?.[a]));
      const values = new Map<string, Record<string, FactValue>>();
      let demo = false;
      let answered = 0;
      let lastFailure: Error | undefined;

      async function ask(entity: Entity) {
        const response = await fetch(`${baseUrl}/services/${encodeURIComponent(entity.metadata.name)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ entity }),
          signal: AbortSignal.timeout(30_000),
        });
        if (response.status === 404) {
          throw new Error(`the kubernetes plugin is not installed in this backend (404 from ${baseUrl}/services)`);
        }
        if (!response.ok) throw await ResponseError.fromResponse(response);
        const body = (await response.json()) as ObjectsByEntityResponse;
        answered++;
        const pods = body.items.flatMap(item =>
          item.resources.filter(r => r.type === 'pods').flatMap(r => r.resources as Pod[]),
        );
        demo ||= pods.some(pod => pod.metadata.labels?.[DEMO_DATA_LABEL] === 'true');
        const failedCluster = body.items.some(item => item.errors.length > 0);
        const without = pods.filter(pod => !(pod.spec?.containers ?? []).every(hasLimits)).length;
        values.set(stringifyEntityRef(entity), {
          'kubernetes.workloads': failedCluster ? null : pods.length,
          // A failing cluster may hold the pods without limits: not known then.
          'kubernetes.workloadsWithoutLimits': failedCluster || pods.length === 0 ? null : without,
        });
      }

      const queue = [...targets];
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
          for (let entity = queue.shift(); entity; entity = queue.shift()) {
            try {
              await ask(entity);
            } catch (error) {
              if ((error as Error).message.includes('not installed')) throw error;
              lastFailure = error as Error;
            }
          }
        }),
      );
      if (targets.length > 0 && answered === 0 && lastFailure) throw lastFailure;
      return {
        values,
        demo,
        asOf: new Date().toISOString(),
        lastError: lastFailure ? `some entities could not be read: ${lastFailure.message}` : null,
      };
    },
  };
}
