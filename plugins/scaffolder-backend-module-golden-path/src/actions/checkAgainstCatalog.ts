import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { componentNameTakenMessage, FieldProblem } from '@internal/plugin-golden-path-common';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * What only the catalog can tell: the name is free, the owner is a team (a Group of
 * `spec.type: team`: it becomes a Kubernetes namespace and the Team tag) and the system
 * exists. Refs that do not parse are reported as problems, not thrown. Fields named in
 * `skip` already failed a text rule and are not looked up.
 */
export async function checkAgainstCatalog(
  input: { name: string; owner: string; system: string },
  catalog: CatalogService,
  credentials: BackstageCredentials,
  options: { skip?: Set<string> } = {},
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const skip = options.skip ?? new Set<string>();

  const existing = skip.has('name')
    ? undefined
    : await catalog.getEntityByRef(
        { kind: 'Component', namespace: 'default', name: input.name },
        { credentials },
      );
  if (existing) {
    problems.push({
      field: 'name',
      message: componentNameTakenMessage(input.name, existing.spec?.owner),
    });
  }

  const refProblem = async (
    field: string,
    ref: string,
    kind: 'group' | 'system',
    hint: string,
  ) => {
    let compound;
    try {
      compound = parseEntityRef(ref, { defaultKind: kind, defaultNamespace: 'default' });
    } catch {
      return { field, message: `"${ref}" is not an entity reference. ${hint}` };
    }
    if (compound.kind.toLocaleLowerCase('en-US') !== kind) {
      return { field, message: `${stringifyEntityRef(compound)} is not a ${kind}. ${hint}` };
    }
    const entity = await catalog.getEntityByRef(compound, { credentials });
    if (!entity) {
      return { field, message: `${stringifyEntityRef(compound)} is not in the catalog. ${hint}` };
    }
    if (kind === 'group' && entity.spec?.type !== 'team') {
      return {
        field,
        message: `${stringifyEntityRef(compound)} is a group of type ${String(entity.spec?.type ?? 'unknown')}, not a team. ${hint}`,
      };
    }
    return undefined;
  };

  for (const problem of [
    skip.has('owner')
      ? undefined
      : await refProblem('owner', input.owner, 'group', 'Pick one of the teams in the catalog.'),
    skip.has('system')
      ? undefined
      : await refProblem('system', input.system, 'system', 'Pick a system from the catalog.'),
  ]) {
    if (problem) problems.push(problem);
  }
  return problems;
}
