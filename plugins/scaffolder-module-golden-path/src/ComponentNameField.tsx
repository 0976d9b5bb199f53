import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { useCurrentErrors } from './useCurrentErrors';

/** A text field for the new component's name; validateComponentName does the checking. */
export function ComponentNameField(props: FieldExtensionComponentProps<string>) {
  const { onChange, required, rawErrors, formData, schema, idSchema, uiSchema } = props;
  // Errors from the last Next press, only while the name is the one they were about.
  const errors = useCurrentErrors(rawErrors, formData ?? '');
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title ?? 'Name'}
      placeholder={(uiSchema?.['ui:placeholder'] as string) ?? 'basket-service'}
      helperText={
        errors.length > 0
          ? errors.join(' ')
          : schema.description ?? 'Lowercase letters, digits and hyphens; unique in the catalog.'
      }
      required={required}
      value={formData ?? ''}
      onChange={event => onChange(event.target.value.trim())}
      error={errors.length > 0}
      margin="normal"
      variant="outlined"
      fullWidth
      inputProps={{ autoComplete: 'off', spellCheck: false }}
      FormHelperTextProps={{ role: errors.length > 0 ? 'alert' : undefined } as object}
    />
  );
}
