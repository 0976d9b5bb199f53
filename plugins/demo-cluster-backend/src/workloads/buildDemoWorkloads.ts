import { createHash } from 'node:crypto';
import { KubernetesObject } from '../kubernetes/KubernetesObject';

/** Marks every generated object so nobody mistakes it for a real workload. */
export const DEMO_DATA_LABEL = 'devportal.io/demo-data';

export interface DemoWorkloadInput {
  /** The value of the component's `backstage.io/kubernetes-id` annotation. */
  kubernetesId: string;
  namespace: string;
  /** Fixed clock so repeated calls give identical objects. */
  now: Date;
}

/** A stable number in [0, 1) for `seed`, so each service keeps its shape across restarts. */
function stableFraction(seed: string): number {
  const digest = createHash('sha256').update(seed).digest();
  return digest.readUInt32BE(0) / 0x100000000;
}

function stableUid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(
    17,
    20,
  )}-${hex.slice(20, 32)}`;
}

function stableSuffix(seed: string, length: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const digest = createHash('sha256').update(seed).digest();
  return Array.from(digest.subarray(0, length), b => alphabet[b % alphabet.length]).join('');
}

function isoMinutesAgo(now: Date, minutes: number): string {
  return new Date(now.getTime() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The objects a golden-path service runs as in Kubernetes: a Deployment with its current
 * ReplicaSet and pods, a ClusterIP Service and a HorizontalPodAutoscaler, shaped like the
 * API server returns them. One pod in roughly every fifth service is restarting so the
 * Kubernetes tab shows what an unhealthy pod looks like.
 */
export function buildDemoWorkloads(input: DemoWorkloadInput): KubernetesObject[] {
  const { kubernetesId: name, namespace, now } = input;
  const replicas = 2 + Math.floor(stableFraction(`${name}/replicas`) * 3);
  const hasCrashingPod = stableFraction(`${name}/crash`) < 0.2;
  const version = `1.${Math.floor(stableFraction(`${name}/minor`) * 40)}.${Math.floor(
    stableFraction(`${name}/patch`) * 10,
  )}`;
  const image = `registry.harbormarket.example/${name}:${version}`;
  const podTemplateHash = stableSuffix(`${name}/${version}`, 10);
  const deployedMinutesAgo = 30 + Math.floor(stableFraction(`${name}/age`) * 6000);
  const labels = {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/version': version,
    'backstage.io/kubernetes-id': name,
    [DEMO_DATA_LABEL]: 'true',
  };
  const selector = { 'app.kubernetes.io/name': name };
  const deploymentUid = stableUid(`${name}/deployment`);
  const replicaSetUid = stableUid(`${name}/replicaset/${version}`);
  const replicaSetName = `${name}-${podTemplateHash}`;
  const created = isoMinutesAgo(now, deployedMinutesAgo);
  const resources = {
    requests: { cpu: '250m', memory: '256Mi' },
    limits: { cpu: '1', memory: '512Mi' },
  };
  const container = {
    name,
    image,
    ports: [
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ],
    resources,
    livenessProbe: {
      httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    readinessProbe: {
      httpGet: { path: '/readyz', port: 'http', scheme: 'HTTP' },
      periodSeconds: 5,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    },
    imagePullPolicy: 'IfNotPresent',
  };
  const podTemplate = {
    metadata: { labels: { ...labels, 'pod-template-hash': podTemplateHash } },
    spec: {
      containers: [container],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      serviceAccountName: name,
      securityContext: { runAsUser: 10001, fsGroup: 10001 },
    },
  };

  const deployment: KubernetesObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace,
      uid: deploymentUid,
      generation: 4,
      creationTimestamp: created,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': '4' },
    },
    spec: {
      replicas,
      selector: { matchLabels: selector },
      template: podTemplate,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 4,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: hasCrashingPod ? replicas - 1 : replicas,
      availableReplicas: hasCrashingPod ? replicas - 1 : replicas,
      conditions: [
        {
          type: 'Available',
          status: hasCrashingPod && replicas === 1 ? 'False' : 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastUpdateTime: created,
          lastTransitionTime: created,
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${replicaSetName}" has successfully progressed.`,
          lastUpdateTime: created,
          lastTransitionTime: created,
        },
      ],
    },
  };

  const replicaSet: KubernetesObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: replicaSetName,
      namespace,
      uid: replicaSetUid,
      creationTimestamp: created,
      labels: { ...labels, 'pod-template-hash': podTemplateHash },
      annotations: { 'deployment.kubernetes.io/revision': '4' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name,
          uid: deploymentUid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { ...selector, 'pod-template-hash': podTemplateHash } },
      template: podTemplate,
    },
    status: {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: hasCrashingPod ? replicas - 1 : replicas,
      availableReplicas: hasCrashingPod ? replicas - 1 : replicas,
      observedGeneration: 1,
    },
  };

  const pods: KubernetesObject[] = Array.from({ length: replicas }, (_, index) => {
    const podName = `${replicaSetName}-${stableSuffix(`${name}/pod/${index}`, 5)}`;
    const crashing = hasCrashingPod && index === replicas - 1;
    const startTime = isoMinutesAgo(now, deployedMinutesAgo - 1);
    const containerStatus = crashing
      ? {
          name,
          ready: false,
          started: false,
          restartCount: 7,
          image,
          imageID: `${image}@sha256:${stableSuffix(`${name}/digest`, 8)}`,
          containerID: `containerd://${stableUid(`${podName}/container`).replace(/-/g, '')}`,
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off 5m0s restarting failed container=${name} pod=${podName}`,
            },
          },
          lastState: {
            terminated: {
              exitCode: 1,
              reason: 'Error',
              startedAt: isoMinutesAgo(now, 6),
              finishedAt: isoMinutesAgo(now, 5),
            },
          },
        }
      : {
          name,
          ready: true,
          started: true,
          restartCount: 0,
          image,
          imageID: `${image}@sha256:${stableSuffix(`${name}/digest`, 8)}`,
          containerID: `containerd://${stableUid(`${podName}/container`).replace(/-/g, '')}`,
          state: { running: { startedAt: startTime } },
          lastState: {},
        };
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        generateName: `${replicaSetName}-`,
        namespace,
        uid: stableUid(`${podName}/uid`),
        creationTimestamp: startTime,
        labels: { ...labels, 'pod-template-hash': podTemplateHash },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: replicaSetName,
            uid: replicaSetUid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        ...podTemplate.spec,
        nodeName: `ip-10-20-${index + 1}-${Math.floor(stableFraction(podName) * 200) + 10}.ec2.internal`,
      },
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True', lastTransitionTime: startTime },
          {
            type: 'Ready',
            status: crashing ? 'False' : 'True',
            lastTransitionTime: startTime,
            ...(crashing && {
              reason: 'ContainersNotReady',
              message: `containers with unready status: [${name}]`,
            }),
          },
          {
            type: 'ContainersReady',
            status: crashing ? 'False' : 'True',
            lastTransitionTime: startTime,
          },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: startTime },
        ],
        hostIP: `10.20.${index + 1}.${10 + index}`,
        podIP: `10.244.${index + 1}.${Math.floor(stableFraction(`${podName}/ip`) * 250) + 2}`,
        startTime,
        containerStatuses: [containerStatus],
        qosClass: 'Burstable',
      },
    };
  });

  const service: KubernetesObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace,
      uid: stableUid(`${name}/service`),
      creationTimestamp: created,
      labels,
    },
    spec: {
      type: 'ClusterIP',
      selector,
      clusterIP: `172.20.${Math.floor(stableFraction(`${name}/svc`) * 250)}.${
        Math.floor(stableFraction(`${name}/svc2`) * 250) + 2
      }`,
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' },
      ],
      sessionAffinity: 'None',
    },
    status: { loadBalancer: {} },
  };

  const autoscaler: KubernetesObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name,
      namespace,
      uid: stableUid(`${name}/hpa`),
      creationTimestamp: created,
      labels,
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 70 },
          },
        },
      ],
    },
    status: {
      currentReplicas: replicas,
      desiredReplicas: replicas,
      currentMetrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: {
              averageUtilization: 20 + Math.floor(stableFraction(`${name}/cpu`) * 50),
              averageValue: '120m',
            },
          },
        },
      ],
    },
  };

  return [deployment, replicaSet, ...pods, service, autoscaler];
}
