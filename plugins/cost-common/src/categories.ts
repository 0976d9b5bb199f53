/**
 * What a dollar was spent on. Kubecost/OpenCost split workload cost into the first seven;
 * AWS Cost Explorer spend lands in `cloud` (Kubecost calls it external cost).
 * Idle and unallocated cost are not categories: they are lines of their own (see CostLineKind).
 */
export const COST_CATEGORIES = [
  'cpu',
  'gpu',
  'ram',
  'storage',
  'network',
  'loadBalancer',
  'shared',
  'cloud',
] as const;

export type CostCategory = (typeof COST_CATEGORIES)[number];

/** USD per category. */
export type CostBreakdown = Record<CostCategory, number>;

export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  cpu: 'CPU',
  gpu: 'GPU',
  ram: 'RAM',
  storage: 'Storage',
  network: 'Network',
  loadBalancer: 'Load balancer',
  shared: 'Shared',
  cloud: 'Cloud (AWS)',
};

/**
 * `workload`: cost a team (and usually a service) is charged for.
 * `idle`: capacity the cluster paid for that no workload used (Kubecost `__idle__`).
 * `unmounted`: persistent volumes no pod mounts (Kubecost `__unmounted__`, orphaned
 * volumes); like idle, never a team's.
 * `unallocated`: workloads without the team label (Kubecost `__unallocated__`), or AWS
 * spend without the team tag (`team$`); its `cloud` part is the AWS side (see
 * splitByPlatform).
 */
export type CostLineKind = 'workload' | 'idle' | 'unmounted' | 'unallocated';

/** The lines that are nobody's: shown on their own, never in a team's figures. */
export const UNCHARGED_LINE_KINDS = [
  'idle',
  'unmounted',
  'unallocated',
] as const;

export function emptyBreakdown(): CostBreakdown {
  return {
    cpu: 0,
    gpu: 0,
    ram: 0,
    storage: 0,
    network: 0,
    loadBalancer: 0,
    shared: 0,
    cloud: 0,
  };
}

export function addBreakdowns(
  a: CostBreakdown,
  b: CostBreakdown,
): CostBreakdown {
  const sum = emptyBreakdown();
  for (const category of COST_CATEGORIES)
    sum[category] = a[category] + b[category];
  return sum;
}

export function breakdownTotal(breakdown: CostBreakdown): number {
  return COST_CATEGORIES.reduce(
    (total, category) => total + breakdown[category],
    0,
  );
}

/**
 * Where a dollar was spent: `cloud` is AWS spend (Cost Explorer, or Kubecost's
 * `externalCost`), every other category is the Kubernetes cluster's own cost.
 */
export interface PlatformSplit {
  kubernetesUsd: number;
  awsUsd: number;
}

export function splitByPlatform(breakdown: CostBreakdown): PlatformSplit {
  return {
    kubernetesUsd: breakdownTotal(breakdown) - breakdown.cloud,
    awsUsd: breakdown.cloud,
  };
}
