import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { checkGoldenPathInput, FieldProblem } from '@internal/plugin-golden-path-common';
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
      'Checks golden-path input with the form\'s rules (one-line text, bounded lengths, cron schedule, name free, owner a team, system known, SLO target 90–99.999, ...) and outputs the template values',
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
      const problems: FieldProblem[] = checkGoldenPathInput(input);
      // Refs that are not one line of text are not worth a catalog lookup.
      const badRefs = new Set(problems.map(p => p.field));
      problems.push(
        ...(await checkAgainstCatalog(
          input,
          options.catalog,
          await ctx.getInitiatorCredentials(),
          { skip: badRefs },
        )),
      );
      if (problems.length > 0) {
        throw inputRefusal(problems);
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

/**
 * The refusal of bad input. The scaffolder writes a failed step's `stack` into the task
 * log; a refusal is about the user's input, not a fault in the server, so its stack is
 * its message alone.
 */
export function inputRefusal(problems: FieldProblem[]): InputError {
  const error = new InputError(
    `The template input needs fixing before anything is created:\n${problems
      .map(p => `- ${p.field}: ${p.message}`)
      .join('\n')}`,
  );
  error.stack = `${error.name}: ${error.message}`;
  return error;
}
