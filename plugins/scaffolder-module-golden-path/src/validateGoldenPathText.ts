import { FieldValidation } from '@rjsf/utils';
import { FIELD_RULES, FieldRuleName } from '@internal/plugin-golden-path-common';

/**
 * Applies the rule named in the field's `ui:options.rule`: the same function the backend's
 * golden-path:validate step runs, so both say the same thing.
 */
export function validateGoldenPathText(
  value: string | undefined,
  validation: FieldValidation,
  context: { uiSchema?: { 'ui:options'?: { rule?: string } } },
) {
  const rule = context.uiSchema?.['ui:options']?.rule as FieldRuleName | undefined;
  const check = rule ? FIELD_RULES[rule] : undefined;
  if (!check) {
    validation.addError(`This field names no golden-path rule (ui:options.rule: ${String(rule)}).`);
    return;
  }
  for (const problem of check(value ?? '')) {
    validation.addError(problem.message);
  }
}
