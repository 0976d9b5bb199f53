import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';

const catalogEntityPolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/**
 * The local publisher's counterpart of catalog:register. The catalog reads repositories
 * under the local publisher's directory by itself (the local-repositories catalog
 * module); this step waits until the new component is in the catalog so the "Open in
 * catalog" link works when the task ends.
 */
export function createRegisterLocalAction(options: {
  catalog: CatalogService;
  timeoutMs?: number;
}) {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return createTemplateAction({
    id: 'golden-path:catalog:register-local',
    description:
      'Waits until the catalog has picked up a repository published by golden-path:publish:local',
    schema: {
      input: {
        catalogInfoPath: z => z.string(),
      },
      output: {
        entityRef: z => z.string(),
      },
    },
    async handler(ctx) {
      const documents = parseAllDocuments(await fs.readFile(ctx.input.catalogInfoPath, 'utf8'));
      const entity = documents
        .map(d => d.toJS() as Entity)
        .find(e => e?.kind === 'Component') as Entity;
      // The catalog drops an invalid entity with only a log line; say why here instead.
      try {
        await catalogEntityPolicy.enforce(entity);
      } catch (error) {
        throw new InputError(
          `${ctx.input.catalogInfoPath} is not a valid catalog entity: ${(error as Error).message}`,
        );
      }
      const entityRef = stringifyEntityRef(entity);
      ctx.logger.info(`Waiting for the catalog to read ${entityRef} from ${ctx.input.catalogInfoPath}`);

      const credentials = await ctx.getInitiatorCredentials();
      const started = Date.now();
      for (;;) {
        if (await options.catalog.getEntityByRef(entityRef, { credentials })) break;
        if (Date.now() - started > timeoutMs) {
          throw new Error(
            `${entityRef} did not appear in the catalog within ${timeoutMs / 1000}s; check the catalog's logs for errors reading ${ctx.input.catalogInfoPath}`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, 500));
      }
      ctx.logger.info(`${entityRef} is in the catalog (${Math.round((Date.now() - started) / 100) / 10}s)`);
      ctx.output('entityRef', entityRef);
    },
  });
}
