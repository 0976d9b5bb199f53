import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { FieldValidation } from '@rjsf/utils';
import { ComponentNameField } from './ComponentNameField';
import { GoldenPathTextField } from './GoldenPathTextField';
import { validateGoldenPathText } from './validateGoldenPathText';

type FieldProps = Parameters<typeof GoldenPathTextField>[0];

const props = (formData: string, rawErrors?: string[]): FieldProps =>
  ({
    formData,
    rawErrors,
    onChange: () => {},
    schema: { title: 'Name', description: 'Lowercase letters, digits and hyphens' },
    idSchema: { $id: 'root_name' },
    uiSchema: {},
    required: true,
  }) as unknown as FieldProps;

describe('golden-path form fields', () => {
  it.each([
    ['ComponentNameField', ComponentNameField],
    ['GoldenPathTextField', GoldenPathTextField],
  ] as Array<[string, (p: FieldProps) => JSX.Element]>)('%s drops the error from the last Next press once the value changes', (_, Field) => {
    const errors = ['A component named "checkout-service" already exists (owned by checkout). Pick another name.'];
    const { rerender } = render(<Field {...props('checkout-service', errors)} />);
    expect(screen.getByRole('alert')).toHaveTextContent('already exists');

    rerender(<Field {...props('checkout-service-2', errors)} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Lowercase letters, digits and hyphens')).toBeInTheDocument();

    // Typing the taken name again brings back what is still true of it.
    rerender(<Field {...props('checkout-service', errors)} />);
    expect(screen.getByRole('alert')).toHaveTextContent('already exists');
  });

  it('checks a field with the rule its ui:options name, in words', () => {
    const messages: string[] = [];
    const validation = { addError: (m: string) => messages.push(m) } as unknown as FieldValidation;
    validateGoldenPathText('every day at noon please', validation, { uiSchema: { 'ui:options': { rule: 'schedule' } } });
    validateGoldenPathText('Two\nlines of description', validation, { uiSchema: { 'ui:options': { rule: 'description' } } });
    validateGoldenPathText('1042', validation, { uiSchema: { 'ui:options': { rule: 'costCenter' } } });
    expect(messages).toEqual([
      expect.stringMatching(/^Check the schedule: the minute field "every" is not a number/),
      expect.stringMatching(/^The description must be one line of plain text; it contains a line break/),
      'Use the finance cost centre code, CC- and four digits (e.g. CC-1042).',
    ]);
    expect(messages.join(' ')).not.toMatch(/\^|\$|\[0-9\]/);
  });
});
