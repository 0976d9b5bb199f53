import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';

const run = promisify(execFile);

/**
 * Publishes the workspace as a new git repository under the configured directory, for
 * running templates offline (`goldenPath.localPublisher.directory`).
 */
export function createPublishLocalAction(options: { directory: string }) {
  return createTemplateAction({
    id: 'golden-path:publish:local',
    description:
      'Commits the workspace into a new git repository on the backend host (offline alternative to publish:github)',
    schema: {
      input: {
        repoName: z =>
          z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]*$/, 'repoName must be lowercase letters, digits and hyphens'),
        sourcePath: z => z.string().optional(),
        commitMessage: z => z.string().default('Initial commit'),
      },
      output: {
        remoteUrl: z => z.string(),
        repoContentsUrl: z => z.string(),
        repositoryPath: z => z.string(),
        catalogInfoPath: z => z.string(),
      },
    },
    async handler(ctx) {
      const source = path.resolve(ctx.workspacePath, ctx.input.sourcePath ?? '.');
      if (!source.startsWith(path.resolve(ctx.workspacePath))) {
        throw new InputError('sourcePath must stay inside the workspace');
      }
      const repositoryPath = path.join(options.directory, ctx.input.repoName);
      await fs.mkdir(options.directory, { recursive: true });
      try {
        await fs.mkdir(repositoryPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new InputError(
            `A repository named ${ctx.input.repoName} already exists at ${repositoryPath}; pick another name or remove it.`,
          );
        }
        throw error;
      }
      await fs.cp(source, repositoryPath, { recursive: true });

      const git = async (...args: string[]) => {
        const { stdout } = await run('git', args, { cwd: repositoryPath });
        return stdout.trim();
      };
      await git('init', '--quiet', '--initial-branch=main');
      await git('add', '--all');
      await git(
        '-c',
        'user.name=Developer Portal',
        '-c',
        'user.email=portal@localhost',
        'commit',
        '--quiet',
        '--message',
        ctx.input.commitMessage,
      );
      const commit = await git('rev-parse', '--short', 'HEAD');
      ctx.logger.info(`Committed ${commit} to ${repositoryPath}`);

      const url = pathToFileURL(repositoryPath).toString();
      ctx.output('remoteUrl', url);
      ctx.output('repoContentsUrl', url);
      ctx.output('repositoryPath', repositoryPath);
      ctx.output('catalogInfoPath', path.join(repositoryPath, 'catalog-info.yaml'));
    },
  });
}
