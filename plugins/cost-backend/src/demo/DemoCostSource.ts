import { addDays, dayOf, emptyBreakdown } from '@internal/plugin-cost-common';
import { demoHistoryStart } from '@internal/portal-common';
import { CostLine, CostSource, DayOfCost } from '../sources/CostSource';
import { ThroughputSource } from '../ingest/ThroughputSource';
import { CostEntity } from '../ingest/readCostEntities';

/** A number in [0, 1) that depends only on the text: the same fixtures on every machine. */
export function stableRandom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x100000000;
}

/**
 * Like stableRandom, with MurmurHash3's finaliser on top: FNV-1a alone gives texts that
 * differ only in their last characters (consecutive days) nearly the same value, which made
 * the daily noise move in steps every ten days and the anomaly detection flag the steps.
 */
export function dailyNoiseRandom(text: string): number {
  let hash = Math.round(stableRandom(text) * 0x100000000) >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x100000000;
}

const cents = (usd: number) => Math.round(usd * 100) / 100;

/**
 * Generated cost for the catalog's own teams and components, for the embedded default.
 * Each service gets a base daily spend, a weekday rhythm, slow growth and a category mix
 * of its own; the cluster adds idle (about 12%), unmounted volumes (about 1.5%) and
 * unallocated cost: Kubernetes workloads without a team label (about 4%) and AWS spend
 * without a team tag (about 2%).
 * Two services show what the anomaly detection does: `warehouse-worker` runs a batch every
 * Monday (a weekly rhythm, never flagged) and `cart-service` has a real spike every 12 days
 * within the two weeks before the source was asked (so the pages always have one to show).
 * A component that appeared after the demo began (demoHistoryStart) costs nothing and
 * counts no units before the day it was first seen: no invented past.
 */
export class DemoCostSource implements CostSource, ThroughputSource {
  readonly name = 'demo' as const;

  constructor(
    private readonly deps: {
      entities: () => CostEntity[];
      /** When ingestion first saw each entity (CostStore.firstSeenTimes). */
      firstSeen: () => Promise<Map<string, Date>>;
      now?: () => Date;
    },
  ) {}

  async readDays(first: string, last: string): Promise<DayOfCost[]> {
    const days: DayOfCost[] = [];
    const entities = this.deps.entities();
    const services = entities.filter(e => e.kind === 'service' && e.teamRef);
    if (services.length === 0) {
      // Leaves the days pending rather than storing empty ones for good.
      throw new Error(
        'The demo fixtures have nothing to generate yet: the catalog has no components with an owner; demo cost is generated on the next run',
      );
    }
    const teamKeys = new Map(
      entities
        .filter(e => e.kind === 'team')
        .map(e => [e.entityRef, e.allocationKey]),
    );
    const firstDays = await this.firstDays();
    const now = this.deps.now?.() ?? new Date();
    const recentSince = addDays(dayOf(now), -14);
    for (let day = first; day <= last; day = addDays(day, 1)) {
      const lines: CostLine[] = services
        .filter(service => (firstDays.get(service.entityRef) ?? day) <= day)
        .map(service =>
          this.serviceLine(
            service,
            teamKeys.get(service.teamRef!) ?? service.teamRef!.split('/')[1],
            day,
            day >= recentSince,
          ),
        );
      const workload = lines.reduce(
        (sum, l) => sum + l.costs.cpu + l.costs.ram,
        0,
      );
      lines.push(
        this.clusterLine('idle', {
          cpuRam: workload * (0.1 + 0.04 * stableRandom(`idle${day}`)),
        }),
        this.clusterLine('unmounted', {
          storage: workload * (0.01 + 0.01 * stableRandom(`unmounted${day}`)),
        }),
        this.clusterLine('unallocated', {
          cpuRam: workload * (0.03 + 0.02 * stableRandom(`unallocated${day}`)),
          cloud: workload * (0.015 + 0.01 * stableRandom(`untagged${day}`)),
        }),
      );
      days.push({ day, lines, provisional: false });
    }
    return days;
  }

  async unitsOnDay(service: CostEntity, day: string): Promise<number | null> {
    if (!service.unit) return null;
    const firstDay = (await this.firstDays()).get(service.entityRef);
    if (firstDay && day < firstDay) return null;
    const base =
      2_000_000 + 8_000_000 * stableRandom(`units${service.entityRef}`);
    return Math.round(
      base *
        weekdayFactor(day) *
        (0.95 + 0.1 * stableRandom(`units${service.entityRef}${day}`)),
    );
  }

  /** The first day of demo data of each entity created after the demo began. */
  private async firstDays(): Promise<Map<string, string>> {
    const seen = await this.deps.firstSeen();
    const times = [...seen.values()].map(t => t.getTime());
    if (times.length === 0) return new Map();
    const demoStartedAt = new Date(Math.min(...times));
    const firstDays = new Map<string, string>();
    for (const [ref, firstSeenAt] of seen) {
      const start = demoHistoryStart(firstSeenAt, demoStartedAt);
      if (start) firstDays.set(ref, dayOf(start));
    }
    return firstDays;
  }

  private serviceLine(
    service: CostEntity,
    teamKey: string,
    day: string,
    recent: boolean,
  ): CostLine {
    const seed = stableRandom(service.entityRef);
    const base = 15 + 300 * seed * seed;
    const growth = 1 + 0.1 * Math.sin(daysSinceEpoch(day) / 60 + seed * 6);
    // ±3% a day: wider uniform noise judged against 4–8 same-weekday days flags a few
    // per cent of ordinary days past the 10% minimum, which would bury the real spike.
    const noise = 0.97 + 0.06 * dailyNoiseRandom(`${service.entityRef}${day}`);
    const daily =
      base *
      weekdayFactor(day) *
      growth *
      noise *
      demoPatternFactor(service.allocationKey, day, recent);
    const mix = (name: string, share: number) =>
      share * (0.6 + 0.8 * stableRandom(`${service.entityRef}${name}`));
    const shares = {
      cpu: mix('cpu', 0.42),
      ram: mix('ram', 0.28),
      storage: mix('storage', 0.08),
      network: mix('network', 0.06),
      loadBalancer: mix('lb', 0.03),
      shared: mix('shared', 0.05),
      cloud:
        stableRandom(`${service.entityRef}cloud`) > 0.6 ? mix('cloud', 0.2) : 0,
    };
    const sum = Object.values(shares).reduce((a, b) => a + b, 0);
    const costs = emptyBreakdown();
    for (const [category, share] of Object.entries(shares)) {
      costs[category as keyof typeof shares] = cents((daily * share) / sum);
    }
    return {
      kind: 'workload',
      teamKey,
      serviceKey: service.allocationKey,
      costs,
      cpuEfficiency:
        Math.round(
          (0.2 + 0.6 * stableRandom(`${service.entityRef}cpuEff`)) *
            (0.95 + 0.1 * stableRandom(`${day}cpu`)) *
            1000,
        ) / 1000,
      ramEfficiency:
        Math.round(
          (0.35 + 0.55 * stableRandom(`${service.entityRef}ramEff`)) * 1000,
        ) / 1000,
    };
  }

  /** A line no team is charged: CPU/RAM, volumes or AWS spend, as given. */
  private clusterLine(
    kind: 'idle' | 'unmounted' | 'unallocated',
    usd: { cpuRam?: number; storage?: number; cloud?: number },
  ): CostLine {
    const costs = emptyBreakdown();
    costs.cpu = cents((usd.cpuRam ?? 0) * 0.6);
    costs.ram = cents((usd.cpuRam ?? 0) * 0.4);
    costs.storage = cents(usd.storage ?? 0);
    costs.cloud = cents(usd.cloud ?? 0);
    return {
      kind,
      teamKey: null,
      serviceKey: null,
      costs,
      cpuEfficiency: null,
      ramEfficiency: null,
    };
  }
}

function weekdayFactor(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 0.82 : 1;
}

export const DEMO_SPIKE_EVERY_DAYS = 12;

/** A Monday batch for warehouse-worker (normal) and a real spike for cart-service (an anomaly). */
export function demoPatternFactor(
  allocationKey: string,
  day: string,
  recent: boolean,
): number {
  if (
    allocationKey === 'warehouse-worker' &&
    new Date(`${day}T00:00:00Z`).getUTCDay() === 1
  )
    return 1.8;
  if (
    allocationKey === 'cart-service' &&
    recent &&
    daysSinceEpoch(day) % DEMO_SPIKE_EVERY_DAYS === 5
  )
    return 2.6;
  return 1;
}

function daysSinceEpoch(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}
