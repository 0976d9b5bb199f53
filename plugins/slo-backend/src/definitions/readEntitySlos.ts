import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { OPENSLO_ANNOTATION, SloDefinition } from '@internal/plugin-slo-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DefinitionProblem, parseOpenSlo } from './parseOpenSlo';
import { readAnnotationSlos } from './readAnnotationSlos';

type ReadSlos = { definitions: SloDefinition[]; problems: DefinitionProblem[] };

/**
 * A component's SLOs: those written as `slo.devportal.io/...` annotations and those in the
 * OpenSLO document it points at with `devportal.io/openslo`.
 */
export async function readEntitySlos(
  entity: Entity,
  deps: { urlReader: UrlReaderService; defaultPrometheus: string },
): Promise<ReadSlos> {
  const fromAnnotations = readAnnotationSlos(entity, deps);
  const fromDocument = await readOpenSloDocument(entity, deps);
  return {
    definitions: [...fromAnnotations.definitions, ...fromDocument.definitions],
    problems: [...fromAnnotations.problems, ...fromDocument.problems],
  };
}

/**
 * Reads the OpenSLO document relative to the file the entity itself came from: on disk for
 * `file` locations (the examples, locally published repositories), through Backstage's URL
 * reader for `url` locations.
 */
async function readOpenSloDocument(
  entity: Entity,
  deps: { urlReader: UrlReaderService; defaultPrometheus: string },
): Promise<ReadSlos> {
  const entityRef = stringifyEntityRef(entity);
  const documentPath = entity.metadata.annotations?.[OPENSLO_ANNOTATION];
  if (!documentPath) return { definitions: [], problems: [] };
  const problem = (message: string) => ({
    definitions: [],
    problems: [{ entityRef, field: `metadata.annotations["${OPENSLO_ANNOTATION}"]`, message }],
  });

  const locationRef = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!locationRef) return problem('the entity has no location to resolve the path against');
  const location = parseLocationRef(locationRef);
  let text: string;
  try {
    if (location.type === 'file') {
      text = await fs.readFile(path.resolve(path.dirname(location.target), documentPath), 'utf8');
    } else if (location.type === 'url') {
      const url = new URL(documentPath, location.target).toString();
      text = (await (await deps.urlReader.readUrl(url)).buffer()).toString('utf8');
    } else {
      return problem(`cannot read from a ${location.type} location; use a url or file location`);
    }
  } catch (error) {
    return problem(`${documentPath} could not be read (${(error as Error).message}); check the path`);
  }
  return parseOpenSlo(text, { entityRef, defaultPrometheus: deps.defaultPrometheus });
}
