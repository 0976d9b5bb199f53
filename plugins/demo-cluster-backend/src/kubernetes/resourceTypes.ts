/**
 * The resource types the Backstage Kubernetes backend lists by default, keyed the way
 * the API server routes them: `/api/{version}/...` for the core group (group ''),
 * `/apis/{group}/{version}/...` for the others.
 */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
}

export const resourceTypes: ResourceType[] = [
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod' },
  { group: '', version: 'v1', plural: 'services', kind: 'Service' },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap' },
  { group: '', version: 'v1', plural: 'limitranges', kind: 'LimitRange' },
  { group: '', version: 'v1', plural: 'resourcequotas', kind: 'ResourceQuota' },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment' },
  { group: 'apps', version: 'v1', plural: 'replicasets', kind: 'ReplicaSet' },
  { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'StatefulSet' },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet' },
  {
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
  },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job' },
  { group: 'batch', version: 'v1', plural: 'cronjobs', kind: 'CronJob' },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'ingresses',
    kind: 'Ingress',
  },
];

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

export function findResourceType(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return resourceTypes.find(
    t => t.group === group && t.version === version && t.plural === plural,
  );
}
