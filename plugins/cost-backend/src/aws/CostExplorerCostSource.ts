import { emptyBreakdown } from '@internal/plugin-cost-common';
import { CostSource, DayOfCost } from '../sources/CostSource';
import { CostExplorerApi } from './CostExplorerClient';

/** AWS spend per team and service tag as `cloud` cost; untagged spend is unallocated. */
export class CostExplorerCostSource implements CostSource {
  readonly name = 'aws' as const;

  constructor(private readonly client: CostExplorerApi) {}

  async readDays(first: string, last: string): Promise<DayOfCost[]> {
    const days = await this.client.getDailyCostByTags({ first, last });
    return days.map(day => ({
      day: day.day,
      provisional: day.estimated,
      lines: day.groups.map(group => {
        const costs = emptyBreakdown();
        costs.cloud = group.usd;
        return {
          kind:
            group.team === null
              ? ('unallocated' as const)
              : ('workload' as const),
          teamKey: group.team,
          serviceKey: group.service,
          costs,
          cpuEfficiency: null,
          ramEfficiency: null,
        };
      }),
    }));
  }
}
