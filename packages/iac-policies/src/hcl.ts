/**
 * A value as `@cdktf/hcl2json` renders it. Literal values keep their JSON type; any
 * expression that is not a plain literal (references, function calls, templates) is
 * rendered as its source text wrapped in `${...}`, e.g. `"${var.environment}"`.
 * Blocks are arrays of bodies, so `ingress { ... }` becomes `ingress: [{ ... }]`.
 */
export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclValue[]
  | HclObject;

export interface HclObject {
  [key: string]: HclValue;
}

export function isHclObject(value: HclValue | undefined): value is HclObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The bodies of the nested blocks called `name` in `body`, e.g. every `ingress` block. */
export function nestedBlocks(body: HclObject, name: string): HclObject[] {
  const value = body[name];
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter(isHclObject);
}

/** True when the value is (or contains) a Terraform expression rather than a literal. */
export function isExpression(value: HclValue | undefined): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** The name of the input variable when the value is exactly `var.<name>`. */
export function variableReference(
  value: HclValue | undefined,
): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  return /^\$\{\s*var\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}$/.exec(value)?.[1];
}

/** A literal string or list of strings as a list; undefined when it is an expression. */
export function stringList(value: HclValue | undefined): string[] | undefined {
  if (typeof value === 'string') {
    return isExpression(value) ? undefined : [value];
  }
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string');
  }
  return undefined;
}

/** A literal number, also when written as a numeric string (`"22"`). */
export function literalNumber(value: HclValue | undefined): number | undefined {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    return Number(value);
  }
  return undefined;
}

/** The value as it would be written in HCL, e.g. `false`, `"x"`, `var.protect`; `not set` when absent. */
export function hclText(value: HclValue | undefined): string {
  if (value === undefined) {
    return 'not set';
  }
  const expression =
    typeof value === 'string' ? /^\$\{([\s\S]*)\}$/.exec(value) : null;
  return expression ? expression[1].trim() : JSON.stringify(value);
}
