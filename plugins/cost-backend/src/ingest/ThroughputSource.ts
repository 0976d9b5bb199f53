import { CostEntity } from './readCostEntities';

/** Counts how many units (requests, orders) a service handled on a day, for unit cost. */
export interface ThroughputSource {
  unitsOnDay(service: CostEntity, day: string): Promise<number | null>;
}
