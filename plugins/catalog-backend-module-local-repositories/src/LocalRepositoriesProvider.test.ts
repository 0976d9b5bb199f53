import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalRepositoriesProvider } from './LocalRepositoriesProvider';

describe('LocalRepositoriesProvider', () => {
  const mutations: EntityProviderMutation[] = [];
  const connection = {
    applyMutation: async (m: EntityProviderMutation) => {
      mutations.push(m);
    },
    refresh: async () => {},
  };

  beforeEach(() => mutations.splice(0));

  it('offers one file location per repository that has a catalog-info.yaml, and nothing else', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'local-repos-'));
    for (const name of ['basket-service', 'receipt-mailer']) {
      fs.mkdirSync(path.join(directory, name));
      fs.writeFileSync(path.join(directory, name, 'catalog-info.yaml'), 'kind: Component\n');
    }
    fs.mkdirSync(path.join(directory, 'half-written'));
    fs.writeFileSync(path.join(directory, 'stray-file.yaml'), 'kind: Component\n');

    const provider = new LocalRepositoriesProvider(directory, mockServices.logger.mock());
    await provider.connect(connection);
    expect(await provider.refresh()).toBe(2);

    expect(mutations).toHaveLength(1);
    const mutation = mutations[0] as Extract<EntityProviderMutation, { type: 'full' }>;
    expect(mutation.type).toBe('full');
    expect(mutation.entities.map(e => e.entity.spec?.target)).toEqual([
      path.join(directory, 'basket-service', 'catalog-info.yaml'),
      path.join(directory, 'receipt-mailer', 'catalog-info.yaml'),
    ]);
    expect(mutation.entities.every(e => e.entity.kind === 'Location' && e.entity.spec?.type === 'file')).toBe(true);
  });

  it('offers nothing, without failing, when the directory does not exist yet', async () => {
    const provider = new LocalRepositoriesProvider('/nonexistent/repositories', mockServices.logger.mock());
    await provider.connect(connection);
    expect(await provider.refresh()).toBe(0);
    expect((mutations[0] as { entities: unknown[] }).entities).toEqual([]);
  });
});
