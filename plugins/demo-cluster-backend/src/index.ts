export { demoClusterPlugin as default } from './plugin';
export { createKubernetesApiRouter } from './kubernetes/createKubernetesApiRouter';
export type { KubernetesObjectSource } from './kubernetes/createKubernetesApiRouter';
export type { KubernetesObject } from './kubernetes/KubernetesObject';
export { buildDemoWorkloads, DEMO_DATA_LABEL } from './workloads/buildDemoWorkloads';
