/**
 * Kubernetes label selectors as the API server accepts them in `?labelSelector=`:
 * `key=value`, `key==value`, `key!=value`, `key`, `!key`, `key in (a,b)`,
 * `key notin (a,b)`, joined by commas (all must match).
 */
export type LabelRequirement =
  | { key: string; operator: 'in' | 'notin'; values: string[] }
  | { key: string; operator: 'exists' | 'doesnotexist' };

export class LabelSelectorError extends Error {}

/** Splits on commas that are not inside the parentheses of a set. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function parseRequirement(text: string): LabelRequirement {
  const setMatch = text.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/);
  if (setMatch) {
    return {
      key: setMatch[1],
      operator: setMatch[2] as 'in' | 'notin',
      values: setMatch[3].split(',').map(v => v.trim()),
    };
  }
  const equalityMatch = text.match(/^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/);
  if (equalityMatch) {
    return {
      key: equalityMatch[1],
      operator: equalityMatch[2] === '!=' ? 'notin' : 'in',
      values: [equalityMatch[3]],
    };
  }
  if (/^![^=!\s]+$/.test(text)) {
    return { key: text.slice(1), operator: 'doesnotexist' };
  }
  if (/^[^=!\s()]+$/.test(text)) {
    return { key: text, operator: 'exists' };
  }
  throw new LabelSelectorError(`unable to parse requirement: "${text}"`);
}

export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitRequirements(selector).map(parseRequirement);
}

export function matchesLabelSelector(
  requirements: LabelRequirement[],
  labels: Record<string, string> = {},
): boolean {
  return requirements.every(requirement => {
    const value = labels[requirement.key];
    switch (requirement.operator) {
      case 'exists':
        return value !== undefined;
      case 'doesnotexist':
        return value === undefined;
      case 'in':
        return value !== undefined && requirement.values.includes(value);
      case 'notin':
        return value === undefined || !requirement.values.includes(value);
      default:
        return false;
    }
  });
}
