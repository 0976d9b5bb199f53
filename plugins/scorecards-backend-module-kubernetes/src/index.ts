export { scorecardsModuleKubernetes as default } from './module';
export { createKubernetesFactRetriever } from './kubernetesFactRetriever';
export type { ObjectsByEntityResponse } from './kubernetesFactRetriever';
