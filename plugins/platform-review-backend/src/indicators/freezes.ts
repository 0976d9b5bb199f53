import { IndicatorDefinition, IndicatorReport } from '@internal/plugin-platform-review-common';
import { PluginApi } from '../sources/PluginApi';
import { increment, report, unavailable, WeekContext } from '../review/WeekContext';

const SOURCE = 'SLO plugin (error-budget freezes)';

/** The part of `GET /api/slo/freezes?from=&to=` read here. */
interface FreezeList {
  demo: boolean;
  items: Array<{ entityRef: string; frozen: boolean; since: string | null }>;
  transitions: Array<{ entityRef: string; kind: 'started' | 'ended'; at: string }>;
}

/** The part of `GET /api/slo/overrides?from=&to=` read here: newest first. */
interface OverrideList {
  items: Array<{ entityRef: string; reason: string; actor: string | null; recordedBy: string; createdAt: string }>;
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
 * Services frozen at any time in each week (target 0). A service's state at an instant is
 * read from the first transition after it (an `ended` one means it was frozen), or its
 * current state when none followed.
 */
export async function freezeIndicator(api: PluginApi, context: WeekContext, definition: IndicatorDefinition): Promise<IndicatorReport> {
  const from = context.first.start.toISOString();
  const to = context.current.end.toISOString();
  const [result, overrides] = await Promise.all([
    api.get<FreezeList>('slo', `/freezes?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
    readOverrides(api, context),
  ]);
  if (!result.ok) return unavailable(definition, context, SOURCE, result.reason);
  const { items, transitions, demo } = result.body;
  if (!Array.isArray(items) || !Array.isArray(transitions)) {
    return unavailable(definition, context, SOURCE, 'the SLO plugin answered /freezes in an unexpected shape');
  }
  const byService = new Map<string, Array<{ kind: string; at: number }>>();
  for (const t of transitions) {
    const list = byService.get(t.entityRef) ?? [];
    list.push({ kind: t.kind, at: Date.parse(t.at) });
    byService.set(t.entityRef, list);
  }
  for (const list of byService.values()) list.sort((a, b) => a.at - b.at);
  const current = new Map(items.map(i => [i.entityRef, i]));
  const frozenAt = (entityRef: string, at: number): boolean => {
    const next = byService.get(entityRef)?.find(t => t.at > at);
    if (next) return next.kind === 'ended';
    const now = current.get(entityRef);
    return !!now?.frozen && (now.since === null || Date.parse(now.since) <= at);
  };
  const services = new Set([...current.keys(), ...byService.keys()]);
  const frozenIn = context.weeks.map(week => {
    const frozen = new Set<string>();
    for (const entityRef of services) {
      const changed = byService.get(entityRef)?.some(t => t.at >= week.start.getTime() && t.at < week.end.getTime());
      if (changed || frozenAt(entityRef, week.start.getTime())) frozen.add(entityRef);
    }
    return frozen;
  });
  const thisWeek = frozenIn[frozenIn.length - 1];
  const teams = new Map<string, number>();
  for (const entityRef of thisWeek) {
    const owner = context.ownerOf(entityRef);
    if (owner) increment(teams, owner);
  }
  const transitionsThisWeek = transitions.filter(t => context.weekIndexOf(t.at) === context.weeks.length - 1);
  return report(definition, {
    source: SOURCE,
    demo: !!demo,
    history: context.weeks.map((w, i) => ({ isoWeek: w.isoWeek, value: w.days > 0 ? frozenIn[i].size : null })),
    teams: [...teams.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([teamRef, value]) => ({ teamRef, value, rating: null })),
    // Overrides first: a deploy despite the error-budget policy is what the review must see.
    changes: [
      ...overrides.map(o => ({
        entityRef: o.entityRef,
        delta: null,
        description: `deployed under emergency override: ${o.reason} by ${o.actor ?? o.recordedBy}`,
      })),
      ...transitionsThisWeek.map(t => ({
        entityRef: t.entityRef,
        delta: t.kind === 'started' ? 1 : -1,
        description: `freeze ${t.kind} ${t.at.slice(0, 16).replace('T', ' ')} UTC`,
      })),
    ].slice(0, 5),
  });
}
