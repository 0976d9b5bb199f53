import { InputError } from '@backstage/errors';
import {
  ScorecardDefinitions,
  validateScorecardDefinitions,
} from '@internal/plugin-scorecards-common';
import { parse } from 'yaml';

/**
 * Parses and validates scorecard definitions; the InputError lists every problem with the
 * path of the field at fault, and names `origin` (a file path, or "the request body").
 */
export function parseDefinitionsYaml(text: string, origin: string): ScorecardDefinitions {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new InputError(`Scorecard definitions in ${origin} are not valid YAML: ${(error as Error).message}`);
  }
  const validation = validateScorecardDefinitions(data);
  if (!validation.ok) {
    throw new InputError(
      `Scorecard definitions in ${origin} are invalid; fix these fields: ${validation.problems.join('; ')}`,
    );
  }
  return validation.definitions;
}
