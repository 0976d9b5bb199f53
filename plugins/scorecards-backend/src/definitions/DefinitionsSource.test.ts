import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { KNOWN_DEFINITIONS_YAML } from '../__testUtils__/knownCatalog';
import { ScorecardStore } from '../database/ScorecardStore';
import { DefinitionsSource } from './DefinitionsSource';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('DefinitionsSource.checkFile on %p', databaseId => {
  async function source(file: string | undefined) {
    const knex = await databases.init(databaseId);
    const store = await ScorecardStore.create(mockServices.database({ knex }));
    return { store, definitions: new DefinitionsSource({ store, file }) };
  }

  it('refuses a definitions file that does not exist, naming the setting', async () => {
    const { definitions } = await source('/nonexistent/scorecards.yaml');
    await expect(definitions.checkFile()).rejects.toMatchObject({
      name: 'PluginConfigError',
      setting: 'scorecards.definitionsFile',
      message: expect.stringMatching(/^scorecards\.definitionsFile is "\/nonexistent\/scorecards\.yaml", which does not exist/),
    });
  });

  it('accepts a missing file while definitions saved from the portal replace it', async () => {
    const { store, definitions } = await source('/nonexistent/scorecards.yaml');
    await store.saveDefinitions(KNOWN_DEFINITIONS_YAML, 'user:default/platform-lead', new Date('2026-11-27T10:00:00Z'));
    await expect(definitions.checkFile()).resolves.toBeUndefined();
    expect((await definitions.current())?.source).toBe('database');
  });

  it('accepts no file at all', async () => {
    const { definitions } = await source(undefined);
    await expect(definitions.checkFile()).resolves.toBeUndefined();
  });
});
