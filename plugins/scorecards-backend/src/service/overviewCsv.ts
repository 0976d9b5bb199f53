import { OverviewRow, ScorecardDefinitions } from '@internal/plugin-scorecards-common';

/** RFC 4180: quote fields holding a comma, quote or line break, doubling inner quotes. */
function csvField(value: string | null | undefined): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The overview grid as CSV: entity columns, then per scorecard its level and one column per
 * check (`passed`, `failed`, `unknown`, or empty where the check does not apply).
 */
export function overviewCsv(definitions: ScorecardDefinitions, rows: OverviewRow[]): string {
  const header = ['entity', 'title', 'owner', 'system', 'lifecycle'];
  for (const scorecard of definitions.scorecards) {
    header.push(`${scorecard.title}: level`);
    for (const check of scorecard.checks) header.push(`${scorecard.title}: ${check.title}`);
  }
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    const fields: Array<string | null> = [row.entityRef, row.title, row.owner, row.system, row.lifecycle];
    for (const scorecard of definitions.scorecards) {
      const applies = scorecard.id in row.checks;
      fields.push(applies ? row.levels[scorecard.id] ?? 'none' : null);
      scorecard.checks.forEach((_, i) => fields.push(applies ? row.checks[scorecard.id][i] : null));
    }
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
