import { IndicatorDefinition, IndicatorReport } from '@internal/plugin-platform-review-common';
import { PluginApi } from '../sources/PluginApi';
import { increment, report, unavailable, WeekContext } from '../review/WeekContext';

const SOURCE = 'SLO plugin (error-budget freezes)';
const DAY_MS = 86_400_000;

/** The part of `GET /api/slo/freezes?from=&to=` read here. */
interface FreezeList {
  demo: boolean;
  items: Array<{ entityRef: string; slos?: Array<{ sloName: string; frozen: boolean; since: string | null }> }>;
  transitions: Array<{ entityRef: string; sloName?: string; kind: 'started' | 'ended'; at: string }>;
  /** Where freeze history begins; absent from SLO plugins that do not say. */
  recordedSince?: string | null;
}

/** The part of `GET /api/slo/overrides?from=&to=` read here: newest first. */
interface OverrideList {
  items: Array<{ entityRef: string; reason: string; actor: string | null; recordedBy: string; createdAt: string }>;
}

const utc = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

/** Where freeze history begins: -Infinity when the SLO plugin does not say, Infinity before any evaluation. */
function historyStart(recordedSince: string | null | undefined): number {
  if (recordedSince === undefined) return -Infinity;
  return recordedSince === null ? Infinity : Date.parse(recordedSince);
}

/** A service frozen from `start` to `end` (null: still frozen), any of its SLOs. */
interface Freeze {
  entityRef: string;
  start: number;
  end: number | null;
}

/**
 * The week's emergency deploys despite the gate, newest first. Empty when the SLO plugin
 * does not record overrides (yet): they add to the indicator, never make it unavailable.
 */
async function readOverrides(api: PluginApi, context: WeekContext) {
  const from = encodeURIComponent(context.current.start.toISOString());
  const to = encodeURIComponent(context.current.end.toISOString());
  const result = await api.get<OverrideList>('slo', `/overrides?from=${from}&to=${to}`);
  return result.ok && Array.isArray(result.body.items) ? result.body.items : [];
}

/**
 * Each service's freezes, from its SLOs' transitions in the range read and their current
 * state. An SLO whose first transition ends a freeze was frozen before the range began
 * (start unknown: -Infinity, so certainly longer than any minimum); one frozen now with no
 * transition has been since `since`. A service is frozen while any of its SLOs is.
 */
function freezesOf(list: FreezeList): Freeze[] {
  const slos = new Map<string, { entityRef: string; frozen: boolean; since: number | null; transitions: Array<{ kind: string; at: number }> }>();
  const sloOf = (entityRef: string, sloName: string) => {
    const key = `${entityRef}\u0000${sloName}`;
    let slo = slos.get(key);
    if (!slo) {
      slo = { entityRef, frozen: false, since: null, transitions: [] };
      slos.set(key, slo);
    }
    return slo;
  };
  for (const item of list.items) {
    for (const state of item.slos ?? []) {
      Object.assign(sloOf(item.entityRef, state.sloName), { frozen: state.frozen, since: state.since ? Date.parse(state.since) : null });
    }
  }
  for (const t of list.transitions) sloOf(t.entityRef, t.sloName ?? '').transitions.push({ kind: t.kind, at: Date.parse(t.at) });

  const intervals = new Map<string, Array<{ start: number; end: number | null }>>();
  for (const slo of slos.values()) {
    const serviceIntervals = intervals.get(slo.entityRef) ?? [];
    intervals.set(slo.entityRef, serviceIntervals);
    slo.transitions.sort((a, b) => a.at - b.at);
    let open: number | null = null;
    if (slo.transitions.length === 0 && slo.frozen) open = slo.since ?? -Infinity;
    else if (slo.transitions[0]?.kind === 'ended') open = -Infinity;
    for (const t of slo.transitions) {
      if (t.kind === 'started') open ??= t.at;
      else if (open !== null) {
        serviceIntervals.push({ start: open, end: t.at });
        open = null;
      }
    }
    if (open !== null) serviceIntervals.push({ start: open, end: null });
  }
  const freezes: Freeze[] = [];
  for (const [entityRef, serviceIntervals] of intervals) {
    serviceIntervals.sort((a, b) => a.start - b.start);
    let merged: Freeze | null = null;
    for (const interval of serviceIntervals) {
      if (merged && (merged.end === null || interval.start <= merged.end)) {
        merged.end = merged.end === null || interval.end === null ? null : Math.max(merged.end, interval.end);
      } else {
        if (merged) freezes.push(merged);
        merged = { entityRef, ...interval };
      }
    }
    if (merged) freezes.push(merged);
  }
  return freezes;
}

/**
 * Services frozen by the error-budget policy for at least `minimumMinutes` in a row at
 * some time in each week (target 0): shorter freezes are flaps and are not counted. Weeks
 * that ended before the SLO plugin recorded freezes have no data, not zero.
 */
export async function freezeIndicator(
  api: PluginApi,
  context: WeekContext,
  definition: IndicatorDefinition,
  minimumMinutes: number,
): Promise<IndicatorReport> {
  // A day earlier, so a freeze that began just before the first week shows its length.
  const from = new Date(context.first.start.getTime() - DAY_MS);
  const to = context.current.end.toISOString();
  const [result, overrides] = await Promise.all([
    api.get<FreezeList>('slo', `/freezes?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to)}`),
    readOverrides(api, context),
  ]);
  if (!result.ok) return unavailable(definition, context, SOURCE, result.reason);
  const list = result.body;
  if (!Array.isArray(list.items) || !Array.isArray(list.transitions)) {
    return unavailable(definition, context, SOURCE, 'the SLO plugin answered /freezes in an unexpected shape');
  }
  const now = context.now.getTime();
  const minimumMs = minimumMinutes * 60_000;
  const freezes = freezesOf(list);
  const counted = freezes.filter(f => (f.end ?? now) - f.start >= minimumMs);
  const recordedSince = historyStart(list.recordedSince);
  const hasData = (i: number) => context.weeks[i].days > 0 && context.weeks[i].end.getTime() > recordedSince;
  const frozenIn = context.weeks.map((week, i) => {
    if (!hasData(i)) return null;
    return new Set(counted.filter(f => f.start < week.end.getTime() && (f.end ?? now) > week.start.getTime()).map(f => f.entityRef));
  });
  const teams = new Map<string, Array<number | null>>();
  for (const entityRef of new Set(freezes.map(f => f.entityRef))) {
    const owner = context.ownerOf(entityRef);
    if (owner && !teams.has(owner)) teams.set(owner, frozenIn.map(set => (set === null ? null : 0)));
  }
  frozenIn.forEach((set, i) => {
    for (const entityRef of set ?? []) {
      const owner = context.ownerOf(entityRef);
      if (owner) teams.get(owner)![i] = (teams.get(owner)![i] ?? 0) + 1;
    }
  });
  const current = context.current;
  const inThisWeek = (t: number) => t >= current.start.getTime() && t < current.end.getTime();
  const flaps = new Map<string, number>();
  for (const f of freezes) {
    if (!counted.includes(f) && f.start < current.end.getTime() && (f.end ?? now) > current.start.getTime()) increment(flaps, f.entityRef);
  }
  const before = frozenIn.some((set, i) => set === null && context.weeks[i].days > 0);
  return report(definition, context, {
    source: SOURCE,
    demo: !!list.demo,
    weekly: frozenIn.map(set => (set === null ? null : set.size)),
    teams: { values: teams, rated: false },
    noDataReason: before ? 'weeks before the SLO plugin recorded freezes' : null,
    // Overrides first: a deploy despite the error-budget policy is what the review must see.
    changes: [
      ...overrides.map(o => ({
        entityRef: o.entityRef,
        delta: null,
        description: `deployed under emergency override: ${o.reason} by ${o.actor ?? o.recordedBy}`,
      })),
      ...counted
        .flatMap(f => [
          ...(inThisWeek(f.start) ? [{ entityRef: f.entityRef, delta: 1, at: f.start, description: `freeze started ${utc(f.start)} UTC` }] : []),
          ...(f.end !== null && inThisWeek(f.end) ? [{ entityRef: f.entityRef, delta: -1, at: f.end, description: `freeze ended ${utc(f.end)} UTC` }] : []),
        ])
        .sort((a, b) => a.at - b.at)
        .map(({ at: _at, ...change }) => change),
      ...[...flaps].map(([entityRef, count]) => ({
        entityRef,
        delta: null,
        description: `${count} shorter ${count === 1 ? 'freeze' : 'freezes'} (flaps) this week, not counted`,
      })),
    ].slice(0, 5),
  });
}

