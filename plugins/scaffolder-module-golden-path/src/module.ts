import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { ComponentNameField } from './ComponentNameField';
import { GoldenPathTextField } from './GoldenPathTextField';
import { validateComponentName } from './validateComponentName';
import { validateGoldenPathText } from './validateGoldenPathText';

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

/** `ui:field: GoldenPathText` with `ui:options: { rule: description }` (or onCall, ...). */
const textField = FormFieldBlueprint.make({
  name: 'golden-path-text',
  params: {
    field: async () =>
      createFormField({
        name: 'GoldenPathText',
        component: GoldenPathTextField,
        validation: validateGoldenPathText as never,
      }),
  },
});

export const scaffolderModuleGoldenPath = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [componentNameField, textField],
});
