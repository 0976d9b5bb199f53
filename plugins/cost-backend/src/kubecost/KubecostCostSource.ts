import { addDays, emptyBreakdown } from '@internal/plugin-cost-common';
import { CostLine, CostSource, DayOfCost } from '../sources/CostSource';
import {
  AllocationApi,
  KubecostAllocation,
  KubecostFlavour,
} from './KubecostAllocationClient';

export const IDLE_KEY = '__idle__';
export const UNALLOCATED_KEY = '__unallocated__';
/** Persistent volumes no pod mounts; Kubecost puts this in every part of the key. */
export const UNMOUNTED_KEY = '__unmounted__';

export interface KubecostCostSourceOptions {
  client: AllocationApi;
  flavour: KubecostFlavour;
  /** The pod label that names the owning team. */
  teamLabel: string;
  /** `label:<name>` or `namespace`: what identifies a service. */
  serviceAggregate: string;
  /** Days per allocation request; a day of a large cluster is megabytes of JSON. */
  daysPerRequest?: number;
}

/**
 * Cost per team and service per day from one allocation query aggregated by
 * `label:<team>,<service>`, one set per day. Idle, unmounted volumes and unallocated
 * cost stay separate lines: none of them is ever a team's.
 */
export class KubecostCostSource implements CostSource {
  readonly name: KubecostFlavour;
  readonly maxDaysPerRequest: number;

  constructor(private readonly options: KubecostCostSourceOptions) {
    this.name = options.flavour;
    this.maxDaysPerRequest = options.daysPerRequest ?? 1;
  }

  async readDays(first: string, last: string): Promise<DayOfCost[]> {
    const sets = await this.options.client.getAllocation({
      start: `${first}T00:00:00Z`,
      end: `${addDays(last, 1)}T00:00:00Z`,
      aggregate: [
        `label:${this.options.teamLabel}`,
        this.options.serviceAggregate,
      ],
      step: '1d',
    });
    const byDay = new Map<string, CostLine[]>();
    for (const set of sets) {
      for (const [key, allocation] of Object.entries(set)) {
        const day = dayOfAllocation(allocation);
        if (!day || day < first || day > last) continue;
        const lines = byDay.get(day) ?? [];
        lines.push(this.toLine(key, allocation));
        byDay.set(day, lines);
      }
    }
    // A day Kubecost returned no set for is not reported: the ingester records that it
    // answered without cost, and asks again at most daily.
    return [...byDay.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, lines]) => ({ day, lines, provisional: false }));
  }

  private toLine(key: string, allocation: KubecostAllocation): CostLine {
    const costs = emptyBreakdown();
    const n = (value: number | undefined) =>
      Number.isFinite(value) ? (value as number) : 0;
    costs.cpu = n(allocation.cpuCost) + n(allocation.cpuCostAdjustment);
    costs.gpu = n(allocation.gpuCost) + n(allocation.gpuCostAdjustment);
    costs.ram = n(allocation.ramCost) + n(allocation.ramCostAdjustment);
    costs.storage = n(allocation.pvCost) + n(allocation.pvCostAdjustment);
    costs.network =
      n(allocation.networkCost) + n(allocation.networkCostAdjustment);
    costs.loadBalancer =
      n(allocation.loadBalancerCost) + n(allocation.loadBalancerCostAdjustment);
    costs.shared = n(allocation.sharedCost);
    costs.cloud = n(allocation.externalCost);
    const efficiency = (value: number | undefined) =>
      Number.isFinite(value) ? (value as number) : null;
    const base = {
      costs,
      cpuEfficiency: efficiency(allocation.cpuEfficiency),
      ramEfficiency: efficiency(allocation.ramEfficiency),
    };
    if (key === IDLE_KEY || key.startsWith(`${IDLE_KEY}/`)) {
      return { ...base, kind: 'idle', teamKey: null, serviceKey: null };
    }
    const parts = key.split('/');
    // `__unmounted__`, `__unmounted__/__unmounted__`, or `team=__unmounted__/...` in the
    // label=value form: an orphaned volume, whatever the aggregation.
    if (
      parts.some(
        part => part === UNMOUNTED_KEY || part.endsWith(`=${UNMOUNTED_KEY}`),
      )
    ) {
      return { ...base, kind: 'unmounted', teamKey: null, serviceKey: null };
    }
    const [teamPart, ...serviceParts] = parts;
    const team = this.readPart(teamPart, this.options.teamLabel, allocation);
    const serviceLabel = this.options.serviceAggregate.startsWith('label:')
      ? this.options.serviceAggregate.slice('label:'.length)
      : undefined;
    const service = this.readPart(
      serviceParts.join('/'),
      serviceLabel,
      allocation,
    );
    if (team === null)
      return {
        ...base,
        kind: 'unallocated',
        teamKey: null,
        serviceKey: service,
      };
    return { ...base, kind: 'workload', teamKey: team, serviceKey: service };
  }

  /**
   * One part of an aggregate key: older Kubecost writes `team=payments`, OpenCost and newer
   * Kubecost just `payments`; `__unallocated__` means the workload lacks the label.
   */
  private readPart(
    part: string,
    label: string | undefined,
    allocation: KubecostAllocation,
  ): string | null {
    if (!part || part === UNALLOCATED_KEY) return null;
    if (label && part.startsWith(`${label}=`))
      return part.slice(label.length + 1);
    if (label && part.includes('=') && allocation.properties?.labels?.[label]) {
      return allocation.properties.labels[label];
    }
    return part;
  }
}

function dayOfAllocation(allocation: KubecostAllocation): string | undefined {
  const start = allocation.window?.start ?? allocation.start;
  return start ? new Date(start).toISOString().slice(0, 10) : undefined;
}
