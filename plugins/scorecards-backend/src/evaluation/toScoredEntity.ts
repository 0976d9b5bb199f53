import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ScoredEntity } from '@internal/plugin-scorecards-common';

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The catalog fields results are filtered and grouped by; owner and system as full refs. */
export function toScoredEntity(entity: Entity): ScoredEntity {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const namespace = entity.metadata.namespace ?? 'default';
  const refOf = (value: unknown, kind: string) => {
    const name = text(value);
    if (!name) return null;
    if (name.includes(':')) return name.toLocaleLowerCase('en-US');
    return `${kind}:${name.includes('/') ? name : `${namespace}/${name}`}`.toLocaleLowerCase('en-US');
  };
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    kind: entity.kind,
    type: text(spec.type),
    owner: refOf(spec.owner, 'group'),
    system: refOf(spec.system, 'system'),
    lifecycle: text(spec.lifecycle),
  };
}
