import { useEffect, useRef, useState } from 'react';

/**
 * The form's errors for a field, as long as they are about the value shown. The
 * scaffolder validates a step when Next is pressed and keeps those errors until it is
 * pressed again; once the user has changed the value they no longer describe it, so the
 * field stops showing them ("already exists" disappears as soon as the name changes).
 */
export function useCurrentErrors(rawErrors: string[] | undefined, value: unknown): string[] {
  const [checked, setChecked] = useState<{ errors: string[]; value: unknown }>({
    errors: [],
    value,
  });
  const latestValue = useRef(value);
  latestValue.current = value;
  useEffect(() => {
    setChecked({ errors: rawErrors ?? [], value: latestValue.current });
  }, [rawErrors]);
  return checked.value === value ? checked.errors : [];
}
