import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ScorecardFactRetriever } from '@internal/plugin-scorecards-node';
import { declaresSlos, OPENSLO_ANNOTATION, SLO_ANNOTATION_PREFIX } from '@internal/plugin-slo-common';

/**
 * `slo.defined` from the entity's own annotations, not from the SLO plugin's measurements,
 * so it is known from the first evaluation on and while the SLO plugin is down.
 */
export function createSloDeclarationFactRetriever(): ScorecardFactRetriever {
  return {
    id: 'slo-declarations',
    title: 'SLO declarations (catalog)',
    facts: {
      'slo.defined': {
        type: 'boolean',
        description: `The component declares at least one SLO: a ${OPENSLO_ANNOTATION} document or ${SLO_ANNOTATION_PREFIX}<name>.* annotations.`,
      },
    },
    async retrieve(entities: Entity[]) {
      return {
        values: new Map(
          entities.map(entity => [
            stringifyEntityRef(entity),
            { 'slo.defined': declaresSlos(entity.metadata.annotations) },
          ]),
        ),
        demo: false,
        asOf: new Date().toISOString(),
      };
    },
  };
}
