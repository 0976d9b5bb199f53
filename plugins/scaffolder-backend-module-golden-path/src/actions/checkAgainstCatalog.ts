import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { componentNameTakenMessage, FieldProblem } from '@internal/plugin-golden-path-common';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * What only the catalog can tell: the name is free, the owner is a group and the system
 * exists. Refs that do not parse are reported as problems, not thrown.
 */
export async function checkAgainstCatalog(
  input: { name: string; owner: string; system: string },
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];

  const existing = await catalog.getEntityByRef(
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
    return entity
      ? undefined
      : { field, message: `${stringifyEntityRef(compound)} is not in the catalog. ${hint}` };
  };

  for (const problem of [
    await refProblem('owner', input.owner, 'group', 'Pick one of the teams in the catalog.'),
    await refProblem('system', input.system, 'system', 'Pick a system from the catalog.'),
  ]) {
    if (problem) problems.push(problem);
  }
  return problems;
}
