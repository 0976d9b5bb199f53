import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { FieldRuleName } from '@internal/plugin-golden-path-common';
import { useCurrentErrors } from './useCurrentErrors';

export interface GoldenPathTextOptions {
  /** Which of the golden-path rules checks this field (validateGoldenPathText). */
  rule: FieldRuleName;
}

/**
 * A one-line text field checked with one of the golden-path rules, the same the backend's
 * golden-path:validate applies. Its message is shown under the field, in words, and goes
 * away as soon as the value changes.
 */
export function GoldenPathTextField(
  props: FieldExtensionComponentProps<string, GoldenPathTextOptions>,
) {
  const { onChange, required, rawErrors, formData, schema, idSchema, uiSchema } = props;
  const errors = useCurrentErrors(rawErrors, formData ?? '');
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title}
      placeholder={uiSchema?.['ui:placeholder'] as string | undefined}
      helperText={errors.length > 0 ? errors.join(' ') : schema.description}
      required={required}
      value={formData ?? ''}
      onChange={event => onChange(event.target.value)}
      error={errors.length > 0}
      margin="normal"
      variant="outlined"
      fullWidth
      inputProps={{ autoComplete: 'off', spellCheck: false }}
      FormHelperTextProps={{ role: errors.length > 0 ? 'alert' : undefined } as object}
    />
  );
}
