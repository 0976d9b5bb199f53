/** Allocation objects in the documented Kubecost/OpenCost shape, for the contract fakes. */
export interface AllocationCosts {
  cpuCost: number;
  ramCost: number;
  pvCost?: number;
  networkCost?: number;
  loadBalancerCost?: number;
  sharedCost?: number;
  externalCost?: number;
  gpuCost?: number;
  cpuCostAdjustment?: number;
  cpuEfficiency?: number;
  ramEfficiency?: number;
}

export function allocation(
  name: string,
  day: string,
  costs: AllocationCosts,
  labels: Record<string, string> = {},
) {
  const start = `${day}T00:00:00Z`;
  const end = new Date(Date.parse(start) + 86_400_000)
    .toISOString()
    .replace('.000', '');
  const full = {
    cpuCostAdjustment: 0,
    gpuCost: 0,
    pvCost: 0,
    networkCost: 0,
    loadBalancerCost: 0,
    sharedCost: 0,
    externalCost: 0,
    cpuEfficiency: 0.5,
    ramEfficiency: 0.5,
    ...costs,
  };
  const totalCost =
    full.cpuCost +
    full.cpuCostAdjustment +
    full.gpuCost +
    full.ramCost +
    full.pvCost +
    full.networkCost +
    full.loadBalancerCost +
    full.sharedCost +
    full.externalCost;
  return {
    name,
    properties: { cluster: 'cluster-one', labels },
    window: { start, end },
    start,
    end,
    minutes: 1440,
    cpuCores: 2,
    cpuCoreRequestAverage: 2,
    cpuCoreUsageAverage: 2 * full.cpuEfficiency,
    cpuCoreHours: 48,
    cpuCost: full.cpuCost,
    cpuCostAdjustment: full.cpuCostAdjustment,
    cpuEfficiency: full.cpuEfficiency,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: full.gpuCost,
    gpuCostAdjustment: 0,
    networkTransferBytes: 1000,
    networkReceiveBytes: 1000,
    networkCost: full.networkCost,
    networkCrossZoneCost: 0,
    networkCrossRegionCost: 0,
    networkInternetCost: 0,
    networkCostAdjustment: 0,
    loadBalancerCost: full.loadBalancerCost,
    loadBalancerCostAdjustment: 0,
    pvBytes: 0,
    pvByteHours: 0,
    pvCost: full.pvCost,
    pvs: null,
    pvCostAdjustment: 0,
    ramBytes: 1e9,
    ramByteRequestAverage: 1e9,
    ramByteUsageAverage: 1e9 * full.ramEfficiency,
    ramByteHours: 24e9,
    ramCost: full.ramCost,
    ramCostAdjustment: 0,
    ramEfficiency: full.ramEfficiency,
    sharedCost: full.sharedCost,
    externalCost: full.externalCost,
    totalCost,
    totalEfficiency: 0.5,
    rawAllocationOnly: null,
  };
}

/**
 * Two days of a cluster: three teams' services, `__idle__`, a workload without the team
 * label (`__unallocated__`), a payments workload without the app label, and volumes no pod
 * mounts (`__unmounted__`, in every part of the key as Kubecost writes it). `keyForm` picks
 * older Kubecost's `team=payments/app=x` keys or OpenCost's `payments/x`.
 */
export function clusterSets(
  keyForm: 'label=value' | 'value',
  days = ['2026-11-20', '2026-11-21'],
) {
  const key = (team: string, app: string) =>
    keyForm === 'label=value' ? `team=${team}/app=${app}` : `${team}/${app}`;
  return days.map((day, i) => {
    const set: Record<string, ReturnType<typeof allocation>> = {};
    const add = (
      name: string,
      costs: AllocationCosts,
      labels: Record<string, string> = {},
    ) => {
      set[name] = allocation(name, day, costs, labels);
    };
    add(
      key('payments', 'payments-service'),
      {
        cpuCost: 10.11 + i,
        ramCost: 4.07,
        pvCost: 1.5,
        networkCost: 0.33,
        cpuEfficiency: 0.4,
        ramEfficiency: 0.8,
      },
      { team: 'payments', app: 'payments-service' },
    );
    add(
      key('payments', 'fraud-check-service'),
      { cpuCost: 3.01, ramCost: 2.02, loadBalancerCost: 0.6 },
      { team: 'payments', app: 'fraud-check-service' },
    );
    add(
      key('checkout', 'cart-service'),
      {
        cpuCost: 7.77,
        ramCost: 3.33,
        sharedCost: 1.11,
        cpuCostAdjustment: -0.12,
      },
      { team: 'checkout', app: 'cart-service' },
    );
    add(
      key('search', 'search-service'),
      { cpuCost: 5.55, ramCost: 6.66, gpuCost: 2.22, externalCost: 0.99 },
      { team: 'search', app: 'search-service' },
    );
    add(
      '__unallocated__/batch-runner',
      { cpuCost: 1.23, ramCost: 0.45 },
      { app: 'batch-runner' },
    );
    add(
      keyForm === 'label=value'
        ? 'team=payments/__unallocated__'
        : 'payments/__unallocated__',
      { cpuCost: 0.5, ramCost: 0.25 },
      { team: 'payments' },
    );
    add('__unmounted__/__unmounted__', {
      cpuCost: 0,
      ramCost: 0,
      pvCost: 2.75 + i,
    });
    add('__idle__', { cpuCost: 8.88 + i, ramCost: 3.21 });
    return set;
  });
}
