import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';
import { createCatalogFactRetriever } from '../facts/catalogFactRetriever';
import { parseDefinitionsYaml } from './parseDefinitionsYaml';

const file = path.resolve(resolvePackagePath('@internal/plugin-scorecards-backend'), '../../examples/scorecards.yaml');

describe('examples/scorecards.yaml', () => {
  const definitions = parseDefinitionsYaml(fs.readFileSync(file, 'utf8'), file);

  it('defines Production readiness, Security and Cost hygiene on bronze, silver and gold', () => {
    expect(definitions.levels).toEqual(['bronze', 'silver', 'gold']);
    expect(definitions.scorecards.map(s => s.title)).toEqual(['Production readiness', 'Security', 'Cost hygiene']);
  });

  it('uses only catalog facts that exist, with values of their type', () => {
    const catalogFacts = createCatalogFactRetriever({} as any).facts;
    for (const check of definitions.scorecards.flatMap(s => s.checks)) {
      if (!check.fact.startsWith('catalog.')) continue;
      expect(catalogFacts).toHaveProperty([check.fact]);
      expect(typeof check.value).toBe(catalogFacts[check.fact].type);
    }
  });
});
