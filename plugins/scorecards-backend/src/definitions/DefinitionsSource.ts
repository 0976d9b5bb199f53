import { InputError } from '@backstage/errors';
import { ScorecardDefinitions } from '@internal/plugin-scorecards-common';
import { PluginConfigError } from '@internal/portal-node';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { ScorecardStore } from '../database/ScorecardStore';
import { parseDefinitionsYaml } from './parseDefinitionsYaml';

export interface CurrentDefinitions {
  definitions: ScorecardDefinitions;
  yaml: string;
  source: 'file' | 'database';
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * The scorecard definitions in force: the newest saved from the portal (PUT /definitions),
 * else the YAML file named by `scorecards.definitionsFile`, re-read when it changes.
 */
export class DefinitionsSource {
  private fileCache?: { mtimeMs: number; current: CurrentDefinitions };

  constructor(private readonly options: { store: ScorecardStore; file?: string }) {}

  async current(): Promise<CurrentDefinitions | undefined> {
    const saved = await this.options.store.getSavedDefinitions();
    if (saved) {
      return {
        definitions: parseDefinitionsYaml(saved.yaml, 'the saved definitions'),
        yaml: saved.yaml,
        source: 'database',
        updatedBy: saved.updatedBy,
        updatedAt: saved.updatedAt,
      };
    }
    return this.fromFile();
  }

  /**
   * At start-up: a definitions file that does not exist is a bad setting, unless definitions
   * saved from the portal replace it anyway.
   */
  async checkFile(): Promise<void> {
    const { file } = this.options;
    if (!file || fs.existsSync(file) || (await this.options.store.getSavedDefinitions())) return;
    throw new PluginConfigError(
      'scorecards.definitionsFile',
      `scorecards.definitionsFile is "${file}", which does not exist (relative paths start at the backend's working directory, packages/backend); point it at the definitions YAML, e.g. ../../examples/scorecards.yaml`,
    );
  }

  /** Validates before saving, so a bad edit never replaces working definitions. */
  async update(yaml: string, updatedBy: string | null, at = new Date()): Promise<CurrentDefinitions> {
    if (typeof yaml !== 'string' || yaml.trim() === '') {
      throw new InputError('Request body field "yaml" must be the scorecard definitions as YAML text');
    }
    const definitions = parseDefinitionsYaml(yaml, 'the request body field "yaml"');
    await this.options.store.saveDefinitions(yaml, updatedBy, at);
    return { definitions, yaml, source: 'database', updatedBy, updatedAt: at.toISOString() };
  }

  private async fromFile(): Promise<CurrentDefinitions | undefined> {
    const { file } = this.options;
    if (!file) return undefined;
    const stat = await fsp.stat(file);
    if (this.fileCache?.mtimeMs !== stat.mtimeMs) {
      const yaml = await fsp.readFile(file, 'utf8');
      this.fileCache = {
        mtimeMs: stat.mtimeMs,
        current: {
          definitions: parseDefinitionsYaml(yaml, file),
          yaml,
          source: 'file',
          updatedBy: null,
          updatedAt: stat.mtime.toISOString(),
        },
      };
    }
    return this.fileCache.current;
  }
}
