import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { ApiHolder } from '@backstage/core-plugin-api';
import { FieldValidation } from '@rjsf/utils';
import { validateComponentName } from './validateComponentName';

function fieldValidation() {
  const errors: string[] = [];
  return {
    errors,
    validation: { addError: (m: string) => errors.push(m) } as unknown as FieldValidation,
  };
}

const catalogWith = (names: Record<string, string>): ApiHolder => ({
  get: (ref => {
    if (ref.id !== catalogApiRef.id) return undefined;
    return {
      getEntityByRef: async ({ name }: { name: string }) =>
        names[name]
          ? { kind: 'Component', metadata: { name }, spec: { owner: names[name] } }
          : undefined,
    };
  }) as ApiHolder['get'],
});

describe('the component name field', () => {
  const apiHolder = catalogWith({ 'checkout-service': 'group:default/checkout' });

  it('accepts a free, well-formed name', async () => {
    const { errors, validation } = fieldValidation();
    await validateComponentName('basket-service', validation, { apiHolder });
    expect(errors).toEqual([]);
  });

  it('says who owns a name that is taken', async () => {
    const { errors, validation } = fieldValidation();
    await validateComponentName('checkout-service', validation, { apiHolder });
    expect(errors).toEqual([
      'A component named "checkout-service" already exists (owned by group:default/checkout). Pick another name.',
    ]);
  });

  it('explains the naming rule for a malformed name without asking the catalog', async () => {
    const { errors, validation } = fieldValidation();
    await validateComponentName('Basket Service', validation, {
      apiHolder: { get: () => { throw new Error('catalog must not be called'); } },
    });
    expect(errors[0]).toMatch(/lowercase letters, digits and hyphens/);
  });
});
