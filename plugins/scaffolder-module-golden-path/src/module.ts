import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { ComponentNameField } from './ComponentNameField';
import { validateComponentName } from './validateComponentName';

/** `ui:field: GoldenPathComponentName` in a template's parameters. */
const componentNameField = FormFieldBlueprint.make({
  name: 'golden-path-component-name',
  params: {
    field: async () =>
      createFormField({
        name: 'GoldenPathComponentName',
        component: ComponentNameField,
        validation: validateComponentName,
      }),
  },
});

export const scaffolderModuleGoldenPath = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [componentNameField],
});
