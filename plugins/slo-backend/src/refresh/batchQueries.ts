import { SloDefinition } from '@internal/plugin-slo-common';
import { CounterSelector, formatSelector, parseCounterSelector } from './counterSelector';

/**
 * SLOs whose bad and total selectors are the same apart from an equality matcher on the
 * batch label (e.g. `service="checkout"`) form one group, answered per window by
 * `sum by (service) (increase(...))`: the number of queries grows with the number of
 * distinct selector shapes, not with the number of services.
 */
export interface QueryGroup {
  prometheus: string;
  batchLabel: string;
  /** Selectors with the batch-label matcher removed. */
  bad: string;
  total: string;
  /** How `bad` relates to the SLI: directly, or as total − good. */
  badIsComplement: boolean;
  /** Batch-label value → the SLOs it answers for. */
  members: Map<string, SloDefinition[]>;
}

export interface UnbatchableSlo {
  slo: SloDefinition;
  reason: string;
}

function withoutBatchLabel(selector: CounterSelector, batchLabel: string) {
  const own = selector.matchers.filter(m => m.label === batchLabel && m.op === '=');
  if (own.length !== 1) return undefined;
  return {
    value: own[0].value,
    shape: formatSelector({
      metric: selector.metric,
      matchers: selector.matchers
        .filter(m => m !== own[0])
        .sort((a, b) => `${a.label}${a.op}${a.value}`.localeCompare(`${b.label}${b.op}${b.value}`)),
    }),
  };
}

export function groupSlosIntoQueries(
  slos: SloDefinition[],
  batchLabel: string,
): { groups: QueryGroup[]; unbatchable: UnbatchableSlo[] } {
  const groups = new Map<string, QueryGroup>();
  const unbatchable: UnbatchableSlo[] = [];
  for (const slo of slos) {
    const badIsComplement = !('bad' in slo.indicator);
    const badText = 'bad' in slo.indicator ? slo.indicator.bad : slo.indicator.good;
    const bad = parseCounterSelector(badText);
    const total = parseCounterSelector(slo.indicator.total);
    if (!bad || !total) {
      unbatchable.push({ slo, reason: 'the SLI is not a plain counter selector such as metric{label="value"}' });
      continue;
    }
    const badShape = withoutBatchLabel(bad, batchLabel);
    const totalShape = withoutBatchLabel(total, batchLabel);
    if (!badShape || !totalShape || badShape.value !== totalShape.value) {
      unbatchable.push({
        slo,
        reason: `both selectors need one ${batchLabel}="..." matcher with the same value`,
      });
      continue;
    }
    const key = [slo.prometheus, badIsComplement, badShape.shape, totalShape.shape].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = {
        prometheus: slo.prometheus,
        batchLabel,
        bad: badShape.shape,
        total: totalShape.shape,
        badIsComplement,
        members: new Map(),
      };
      groups.set(key, group);
    }
    group.members.set(badShape.value, [...(group.members.get(badShape.value) ?? []), slo]);
  }
  return { groups: [...groups.values()], unbatchable };
}

/** The PromQL for one side of a group over one window. */
export function increaseBy(selector: string, batchLabel: string, window: string): string {
  return `sum by (${batchLabel}) (increase(${selector}[${window}]))`;
}
