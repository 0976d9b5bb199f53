import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DEFAULT_SLO_WINDOW,
  SLO_ANNOTATION_PREFIX,
  SloDefinition,
} from '@internal/plugin-slo-common';
import { DefinitionProblem } from './parseOpenSlo';

const FIELDS = ['target', 'window', 'bad', 'good', 'total', 'prometheus', 'displayName'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Reads the short form: `slo.devportal.io/<name>.<field>` annotations (see
 * SLO_ANNOTATION_PREFIX). Targets may be ratios (0.999) or percentages (99.9 or 99.9%).
 */
export function readAnnotationSlos(
  entity: Entity,
  options: { defaultPrometheus: string },
): { definitions: SloDefinition[]; problems: DefinitionProblem[] } {
  const entityRef = stringifyEntityRef(entity);
  const byName = new Map<string, Partial<Record<Field, string>>>();
  const problems: DefinitionProblem[] = [];
  const key = (name: string, field: string) => `metadata.annotations["${SLO_ANNOTATION_PREFIX}${name}.${field}"]`;

  for (const [annotation, value] of Object.entries(entity.metadata.annotations ?? {})) {
    if (!annotation.startsWith(SLO_ANNOTATION_PREFIX)) continue;
    const rest = annotation.slice(SLO_ANNOTATION_PREFIX.length);
    const dot = rest.lastIndexOf('.');
    const name = rest.slice(0, dot);
    const field = rest.slice(dot + 1) as Field;
    if (dot <= 0 || !FIELDS.includes(field)) {
      problems.push({
        entityRef,
        field: `metadata.annotations["${annotation}"]`,
        message: `is not a known SLO field; use ${SLO_ANNOTATION_PREFIX}<name>.<${FIELDS.join('|')}>`,
      });
      continue;
    }
    byName.set(name, { ...byName.get(name), [field]: value });
  }

  const definitions: SloDefinition[] = [];
  for (const [name, fields] of byName) {
    const target = parseTarget(fields.target);
    if (target === undefined) {
      problems.push({
        entityRef,
        field: key(name, 'target'),
        message: `is ${JSON.stringify(fields.target ?? null)}; use a ratio such as 0.999 or a percentage such as 99.9%`,
      });
      continue;
    }
    const window = fields.window ?? DEFAULT_SLO_WINDOW;
    if (!/^\d+[mhdw]$/.test(window)) {
      problems.push({ entityRef, field: key(name, 'window'), message: `is ${JSON.stringify(window)}; use a duration such as 28d or 30d` });
      continue;
    }
    if (!fields.total || (!fields.bad && !fields.good) || (fields.bad && fields.good)) {
      problems.push({
        entityRef,
        field: key(name, fields.total ? 'bad' : 'total'),
        message: 'an SLO needs a total selector and exactly one of bad or good, e.g. http_requests_total{service="cart",code=~"5.."}',
      });
      continue;
    }
    definitions.push({
      entityRef,
      name,
      displayName: fields.displayName ?? name,
      target,
      window,
      prometheus: fields.prometheus ?? options.defaultPrometheus,
      indicator: fields.bad ? { bad: fields.bad, total: fields.total } : { good: fields.good!, total: fields.total },
    });
  }
  return { definitions, problems };
}

function parseTarget(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = text.trim().match(/^(\d+(?:\.\d+)?)\s*(%?)$/);
  if (!match) return undefined;
  const number = Number(match[1]);
  const ratio = match[2] || number >= 1 ? Number((number / 100).toPrecision(12)) : number;
  return ratio > 0 && ratio < 1 ? ratio : undefined;
}
