import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './__testUtils__/exampleCatalog';

// No Docker engine runs here, so this checks what the image build depends on: every file
// it copies from the repository exists, the host-build output it expects is what
// `backstage-cli package build` writes for the backend, and Node versions agree.
const dockerfile = fs.readFileSync(path.join(repoRoot, 'packages/backend/Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map(line => line.trim())
  .filter(line => line && !line.startsWith('#'));

const hostBuildOutput = ['packages/backend/dist/skeleton.tar.gz', 'packages/backend/dist/bundle.tar.gz'];

describe('packages/backend/Dockerfile', () => {
  const copies = instructions
    .filter(i => i.startsWith('COPY '))
    .map(i => i.split(/\s+/).slice(1).filter(arg => !arg.startsWith('--')))
    .map(args => ({ sources: args.slice(0, -1), target: args[args.length - 1] }));

  it('copies only files that exist in the repository, plus the host build output', () => {
    const sources = copies.flatMap(c => c.sources);
    expect(sources).toEqual(expect.arrayContaining(hostBuildOutput));
    for (const source of sources.filter(s => !hostBuildOutput.includes(s))) {
      const exists = source.includes('*')
        ? fs.readdirSync(repoRoot).some(f => new RegExp(`^${source.replace(/\./g, '\\.').replace(/\*/g, '.*')}$`).test(f))
        : fs.existsSync(path.join(repoRoot, source));
      expect({ source, exists }).toEqual({ source, exists: true });
    }
  });

  it('expects the archives the backend package build writes', () => {
    // backstage-cli's backend build (cli-module-build buildBackend) names its output so.
    const buildBackend = fs.readFileSync(
      require.resolve('@backstage/cli-module-build/dist/lib/buildBackend.cjs.js'),
      'utf8',
    );
    expect(buildBackend).toContain('"skeleton.tar.gz"');
    expect(buildBackend).toContain('"bundle.tar.gz"');
    const backendPackage = JSON.parse(fs.readFileSync(path.join(repoRoot, 'packages/backend/package.json'), 'utf8'));
    expect(backendPackage.scripts.build).toBe('backstage-cli package build');
  });

  it('loads the metrics instrumentation before the backend, with its modules installed in production', () => {
    const cmd: string[] = JSON.parse(instructions.find(i => i.startsWith('CMD '))!.slice(4));
    expect(cmd.slice(0, 4)).toEqual(['node', '--require', './instrumentation.js', '.']);
    const copy = copies.find(c => c.sources.includes('packages/backend/src/instrumentation.js'));
    expect(copy?.target).toBe('./packages/backend/instrumentation.js');
    expect(instructions.filter(i => i.startsWith('WORKDIR ')).pop()).toBe('WORKDIR /app/packages/backend');

    const backendPackage = JSON.parse(fs.readFileSync(path.join(repoRoot, 'packages/backend/package.json'), 'utf8'));
    const instrumentation = fs.readFileSync(path.join(repoRoot, 'packages/backend/src/instrumentation.js'), 'utf8');
    const required = [...instrumentation.matchAll(/require\('([^']+)'\)/g)].map(m => m[1]);
    expect(required).toContain('@opentelemetry/exporter-prometheus');
    for (const name of required) {
      expect({ name, inDependencies: name in backendPackage.dependencies }).toEqual({ name, inDependencies: true });
    }
  });

  it('runs the Node major the repository is built with, in production mode, with the production config', () => {
    const from = instructions.find(i => i.startsWith('FROM '))!;
    const engines = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).engines.node;
    expect(from).toMatch(new RegExp(`^FROM node:${engines}[.-]`));
    expect(instructions).toContain('ENV NODE_ENV=production');
    const cmd = JSON.parse(instructions.find(i => i.startsWith('CMD '))!.slice(4));
    const configs = cmd.filter((_: string, i: number) => cmd[i - 1] === '--config');
    expect(configs).toEqual(['/app/app-config.yaml', '/app/app-config.production.yaml']);
    const copiedToApp = copies.filter(c => c.target === './').flatMap(c => c.sources);
    for (const config of configs) {
      expect(copiedToApp).toContain(path.basename(config));
    }
  });
});
