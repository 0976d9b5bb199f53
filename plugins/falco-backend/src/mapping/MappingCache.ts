import { ComponentMapping, MappableComponent } from './ComponentMapping';

/**
 * The last good catalog mapping. Ingest maps with whatever is cached and never waits on
 * the catalog; a failed reload keeps the previous mapping and records why.
 */
export class MappingCache {
  private mapping = new ComponentMapping([]);
  private lastSuccessAt: Date | undefined;
  private lastError: string | undefined;

  constructor(
    private readonly load: () => Promise<MappableComponent[]>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  current(): ComponentMapping {
    return this.mapping;
  }

  /** Reloads from the catalog; returns true when the mapping was replaced. */
  async reload(): Promise<boolean> {
    try {
      this.mapping = new ComponentMapping(await this.load());
      this.lastSuccessAt = this.clock();
      this.lastError = undefined;
      return true;
    } catch (error) {
      this.lastError = `Could not read the catalog: ${(error as Error).message}`;
      return false;
    }
  }

  status() {
    return {
      lastSuccessAt: this.lastSuccessAt?.toISOString() ?? null,
      lastError: this.lastError ?? null,
    };
  }
}
