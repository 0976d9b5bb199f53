import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * One `file` Location per repository under the local publisher's directory that has a
 * catalog-info.yaml. The catalog's API only registers URL locations, and opening it to
 * `file` would let anyone register any path on the host; this provider offers exactly
 * the repositories the golden-path templates published.
 */
export class LocalRepositoriesProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly directory: string,
    private readonly logger: LoggerService,
  ) {}

  getProviderName() {
    return 'golden-path-local-repositories';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
  }

  /** Lists the directory and replaces what this provider offers with what is there now. */
  async refresh(): Promise<number> {
    if (!this.connection) return 0;
    const catalogFiles = await this.findCatalogFiles();
    await this.connection.applyMutation({
      type: 'full',
      entities: catalogFiles.map(target => ({
        entity: locationSpecToLocationEntity({ location: { type: 'file', target } }),
        locationKey: this.getProviderName(),
      })),
    });
    this.logger.debug(`offering ${catalogFiles.length} local repositories`);
    return catalogFiles.length;
  }

  private async findCatalogFiles(): Promise<string[]> {
    let entries;
    try {
      entries = await fs.readdir(this.directory, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const files = await Promise.all(
      entries
        .filter(entry => entry.isDirectory())
        .map(async entry => {
          const file = path.join(this.directory, entry.name, 'catalog-info.yaml');
          return (await fs.stat(file).catch(() => undefined))?.isFile() ? file : undefined;
        }),
    );
    return files.filter((f): f is string => Boolean(f)).sort();
  }
}
