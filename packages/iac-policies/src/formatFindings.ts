import { PolicyFinding } from './types';

/** One line per finding: `[rule] file address: message — fix`. */
export function formatFindings(findings: PolicyFinding[]): string {
  return findings
    .map(
      ({ rule, file, address, message, fix }) =>
        `[${rule}] ${file} ${address}: ${message} — ${fix}`,
    )
    .join('\n');
}
