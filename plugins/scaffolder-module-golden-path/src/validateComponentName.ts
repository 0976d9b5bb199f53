import { ApiHolder } from '@backstage/core-plugin-api';
import { FieldValidation } from '@rjsf/utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { checkComponentName, componentNameTakenMessage } from '@internal/plugin-golden-path-common';

/**
 * Refuses a malformed name and one the catalog already has, with a message that says
 * what to do. The backend's golden-path:validate step checks the same again.
 */
export async function validateComponentName(
  name: string | undefined,
  validation: FieldValidation,
  context: { apiHolder: ApiHolder },
) {
  const [problem] = checkComponentName(name ?? '');
  if (problem) {
    validation.addError(problem.message);
    return;
  }
  const catalogApi = context.apiHolder.get(catalogApiRef);
  const existing = await catalogApi?.getEntityByRef({
    kind: 'Component',
    namespace: 'default',
    name: name!,
  });
  if (existing) {
    validation.addError(componentNameTakenMessage(name!, existing.spec?.owner));
  }
}
