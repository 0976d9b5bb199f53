import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The `entityRef` query parameter in canonical form, or undefined when absent. */
export function parseEntityRefQuery(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  try {
    return stringifyEntityRef(parseEntityRef(String(value)));
  } catch {
    throw new InputError(`entityRef "${value}" is not an entity reference; use component:default/checkout-service`);
  }
}
