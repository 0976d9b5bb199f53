import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

export const repoRoot = path.resolve(__dirname, '../../../..');

/** The catalog section of app-config.yaml with its file locations made absolute. */
export function embeddedCatalogConfig() {
  const appConfig = parseAllDocuments(
    fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
  )[0].toJS();
  const catalog = appConfig.catalog;
  catalog.locations = catalog.locations.map(
    (location: { type: string; target: string }) => ({
      ...location,
      target:
        location.type === 'file'
          ? path.resolve(repoRoot, 'packages/backend', location.target)
          : location.target,
    }),
  );
  return catalog;
}

/** Reads one entity document from the examples/ organisation. */
export function readExampleEntity(relativePath: string): Entity {
  const text = fs.readFileSync(path.join(repoRoot, 'examples', relativePath), 'utf8');
  return parseAllDocuments(text)[0].toJS() as Entity;
}

/**
 * Every entity ref the examples/ organisation declares, following examples/all.yaml's
 * targets, so tests can wait until the catalog has ingested all of it.
 */
export function exampleEntityRefs(): string[] {
  const examples = path.join(repoRoot, 'examples');
  const locationDocs = parseAllDocuments(
    fs.readFileSync(path.join(examples, 'all.yaml'), 'utf8'),
  ).map(d => d.toJS() as Entity);
  const targets = locationDocs.flatMap(d => (d.spec?.targets as string[]) ?? []);
  return targets.flatMap(target =>
    parseAllDocuments(fs.readFileSync(path.join(examples, target), 'utf8'))
      .map(d => d.toJS() as Entity)
      .filter(Boolean)
      .map(e => stringifyEntityRef(e)),
  );
}
