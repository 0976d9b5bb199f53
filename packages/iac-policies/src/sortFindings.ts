import { PolicyFinding } from './types';

function compare(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/**
 * Orders one rule's findings by file, then address. hcl2json reports blocks sorted by
 * name, not in source order, so this is the most useful stable order there is.
 */
export function sortFindings(findings: PolicyFinding[]): PolicyFinding[] {
  return [...findings].sort(
    (a, b) => compare(a.file, b.file) || compare(a.address, b.address),
  );
}
