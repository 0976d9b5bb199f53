import { Entity } from '@backstage/catalog-model';
import { FactValue } from '@internal/plugin-scorecards-common';

/** What a fact means, so the definitions page can list it and checks can be type-checked. */
export interface FactSchema {
  type: 'boolean' | 'number' | 'string';
  description: string;
}

/** What one retrieval produced. */
export interface FactRetrieval {
  /**
   * Facts per entity ref (`component:default/checkout-service`). A fact that is missing or
   * null for an entity makes its checks `unknown` for that entity.
   */
  values: Map<string, Record<string, FactValue>>;
  /** The source serves demo fixtures, not a real system. */
  demo?: boolean;
  /** When the source last read its outside system successfully. */
  asOf?: string | null;
  /**
   * The source answered with its last good values but its latest refresh failed: the values
   * are used and the error is shown beside them.
   */
  lastError?: string | null;
}

/**
 * Contributes facts to scorecards. `retrieve` is called once per evaluation with every
 * entity being scored; when it throws, every check on its facts is `unknown` for every
 * entity, with the error as the reason.
 */
export interface ScorecardFactRetriever {
  /** Short and stable, e.g. `slo`; fact names start with it (`slo.budgetLeft`). */
  id: string;
  /** As users know the source, e.g. "SLO plugin". */
  title: string;
  facts: Record<string, FactSchema>;
  retrieve(entities: Entity[]): Promise<FactRetrieval>;
}
