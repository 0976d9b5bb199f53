import { SloDefinition } from '@internal/plugin-slo-common';
import { parseAllDocuments } from 'yaml';

export interface DefinitionProblem {
  entityRef: string;
  /** Where in the document, e.g. `spec.objectives[0].target`. */
  field: string;
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function queryOf(metric: unknown): string | undefined {
  if (!isObject(metric) || !isObject(metric.metricSource)) return undefined;
  const spec = metric.metricSource.spec;
  return isObject(spec) && typeof spec.query === 'string' ? spec.query : undefined;
}

function sourceOf(metric: unknown): string | undefined {
  if (!isObject(metric) || !isObject(metric.metricSource)) return undefined;
  const ref = metric.metricSource.metricSourceRef;
  return typeof ref === 'string' ? ref : undefined;
}

/**
 * Reads OpenSLO v1 `kind: SLO` documents with ratio SLIs (`bad` or `good` over `total`,
 * Prometheus queries) into SLO definitions. Every objective becomes one SLO. What cannot
 * be read is reported with the field and what to change; the rest is kept.
 */
export function parseOpenSlo(
  text: string,
  options: { entityRef: string; defaultPrometheus: string },
): { definitions: SloDefinition[]; problems: DefinitionProblem[] } {
  const definitions: SloDefinition[] = [];
  const problems: DefinitionProblem[] = [];
  const problem = (field: string, message: string) =>
    problems.push({ entityRef: options.entityRef, field, message });

  for (const [index, document] of parseAllDocuments(text).entries()) {
    if (document.errors.length > 0) {
      problem(`document ${index + 1}`, `is not valid YAML: ${document.errors[0].message}`);
      continue;
    }
    const slo = document.toJS() as unknown;
    if (!isObject(slo) || slo.kind !== 'SLO') continue;
    if (slo.apiVersion !== 'openslo/v1') {
      problem('apiVersion', `is ${JSON.stringify(slo.apiVersion)}; use openslo/v1`);
      continue;
    }
    const name = isObject(slo.metadata) ? slo.metadata.name : undefined;
    const spec = isObject(slo.spec) ? slo.spec : {};
    if (typeof name !== 'string' || !name) {
      problem('metadata.name', 'is missing; name the SLO');
      continue;
    }
    const window = Array.isArray(spec.timeWindow) && isObject(spec.timeWindow[0])
      ? spec.timeWindow[0].duration
      : '30d';
    if (typeof window !== 'string' || !/^\d+[mhdw]$/.test(window)) {
      problem(`${name}: spec.timeWindow[0].duration`, `is ${JSON.stringify(window)}; use a duration such as 28d or 30d`);
      continue;
    }
    const indicatorSpec = isObject(spec.indicator) && isObject(spec.indicator.spec) ? spec.indicator.spec : {};
    const ratio = isObject(indicatorSpec.ratioMetric) ? indicatorSpec.ratioMetric : undefined;
    const total = queryOf(ratio?.total);
    const bad = queryOf(ratio?.bad);
    const good = queryOf(ratio?.good);
    if (!ratio || !total || (!bad && !good)) {
      problem(
        `${name}: spec.indicator.spec.ratioMetric`,
        'needs a total query and a bad or good query (metricSource.spec.query), as counter selectors',
      );
      continue;
    }
    const objectives = Array.isArray(spec.objectives) ? spec.objectives : [];
    if (objectives.length === 0) {
      problem(`${name}: spec.objectives`, 'is empty; add an objective with a target such as 0.999');
    }
    for (const [i, objective] of objectives.entries()) {
      const target = isObject(objective) ? objective.target : undefined;
      if (typeof target !== 'number' || !(target > 0 && target < 1)) {
        problem(
          `${name}: spec.objectives[${i}].target`,
          `is ${JSON.stringify(target)}; use a ratio between 0 and 1, e.g. 0.999 for 99.9%`,
        );
        continue;
      }
      const displayName = isObject(objective) && typeof objective.displayName === 'string'
        ? objective.displayName
        : undefined;
      definitions.push({
        entityRef: options.entityRef,
        name: objectives.length > 1 ? `${name}-${i + 1}` : name,
        displayName: displayName ?? (isObject(slo.metadata) && typeof slo.metadata.displayName === 'string' ? slo.metadata.displayName : name),
        target,
        window,
        prometheus: sourceOf(ratio.total) ?? options.defaultPrometheus,
        indicator: bad ? { bad, total } : { good: good!, total },
      });
    }
  }
  return { definitions, problems };
}
