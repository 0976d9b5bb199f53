import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkComponentName,
  checkCostCenter,
  checkEnvironments,
  checkOnCall,
  checkSloTarget,
  checkTier,
  FieldProblem,
} from '@internal/plugin-golden-path-common';
import { buildTemplateValues } from '../values/buildTemplateValues';
import { checkAgainstCatalog } from './checkAgainstCatalog';
import { GoldenPathSettings } from '../values/goldenPathSettings';

/**
 * The first step of every golden path: checks the form's values again (the form can be
 * bypassed through the API) and against the catalog, failing before anything is created,
 * then outputs the values the skeletons render with.
 */
export function createValidateAction(options: {
  catalog: CatalogService;
  settings: GoldenPathSettings;
}) {
  return createTemplateAction({
    id: 'golden-path:validate',
    description:
      'Checks golden-path input (name free, owner a group, system known, SLO target 90–99.999, ...) and outputs the template values',
    schema: {
      input: {
        kind: z => z.enum(['http', 'worker', 'terraform-module']),
        name: z => z.string(),
        description: z => z.string().default(''),
        owner: z => z.string(),
        system: z => z.string(),
        language: z => z.enum(['typescript', 'go']).optional(),
        tier: z => z.string().optional(),
        sloTarget: z => z.number().optional(),
        onCall: z => z.string(),
        costCenter: z => z.string(),
        environments: z => z.array(z.string()).optional(),
        database: z => z.boolean().optional(),
        schedule: z => z.string().optional(),
        templateName: z => z.string(),
        templateVersion: z => z.string(),
      },
      output: {
        values: z => z.record(z.unknown()),
        environmentValues: z => z.array(z.record(z.unknown())),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const isWorkload = input.kind !== 'terraform-module';
      const problems: FieldProblem[] = [
        ...checkComponentName(input.name),
        ...checkOnCall(input.onCall),
        ...checkCostCenter(input.costCenter),
        // Only workloads run in environments against an availability target.
        ...(isWorkload
          ? [
              ...checkTier(input.tier),
              ...checkSloTarget(input.sloTarget),
              ...checkEnvironments(input.environments),
            ]
          : []),
      ];
      problems.push(
        ...(await checkAgainstCatalog(
          input,
          options.catalog,
          await ctx.getInitiatorCredentials(),
        )),
      );
      if (problems.length > 0) {
        throw new InputError(
          `The template input needs fixing before anything is created:\n${problems
            .map(p => `- ${p.field}: ${p.message}`)
            .join('\n')}`,
        );
      }
      ctx.logger.info(
        `${input.name}: name is free, owner ${input.owner} and system ${input.system} exist`,
      );
      const { values, environmentValues } = buildTemplateValues(input, options.settings);
      ctx.output('values', values);
      ctx.output('environmentValues', environmentValues);
    },
  });
}
