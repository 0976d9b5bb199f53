import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

export interface PortalPolicyConfig {
  /** Full ref of the administering group, e.g. group:default/platform. */
  platformGroupRef: string;
  /** Permission names granted to platform members only (built-in ones included). */
  platformOnly: ReadonlySet<string>;
}

/** Administrative actions on the portal itself; never for everyone. */
export const BUILT_IN_PLATFORM_ONLY = [
  'catalog.location.delete',
  'catalog.ingestion.manage',
  'scaffolder.template.management',
];

export function readPortalPolicyConfig(config: Config): PortalPolicyConfig {
  const group = config.getOptionalString('permission.platformGroup') ?? 'group:default/platform';
  let platformGroupRef: string;
  try {
    const ref = parseEntityRef(group, { defaultKind: 'group', defaultNamespace: 'default' });
    if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new Error(`it is a ${ref.kind}`);
    }
    platformGroupRef = stringifyEntityRef(ref);
  } catch (error) {
    throw new InputError(
      `permission.platformGroup must name a Group entity such as group:default/platform, got "${group}" (${error instanceof Error ? error.message : error})`,
    );
  }
  const extra = config.getOptionalStringArray('permission.platformOnly') ?? [];
  return {
    platformGroupRef,
    platformOnly: new Set([...BUILT_IN_PLATFORM_ONLY, ...extra]),
  };
}
