import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';

/** A text field for the new component's name; validateComponentName does the checking. */
export function ComponentNameField(props: FieldExtensionComponentProps<string>) {
  const { onChange, required, rawErrors, formData, schema, idSchema, uiSchema } = props;
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Name'}
      placeholder={(uiSchema?.['ui:placeholder'] as string) ?? 'basket-service'}
      // The form prints rawErrors under the field itself; the field only turns red.
      helperText={
        schema.description ?? 'Lowercase letters, digits and hyphens; unique in the catalog.'
      }
      required={required}
      value={formData ?? ''}
      onChange={event => onChange(event.target.value.trim())}
      error={Boolean(rawErrors?.length)}
      margin="normal"
      variant="outlined"
      fullWidth
      inputProps={{ autoComplete: 'off', spellCheck: false }}
    />
  );
}
