import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Entity } from '@backstage/catalog-model';

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
