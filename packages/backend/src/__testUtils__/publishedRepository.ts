import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './exampleCatalog';

/** Every file in a published repository, relative paths, .git excluded. */
export function listFiles(root: string, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap(entry => {
    const relative = path.join(dir, entry.name);
    if (entry.name === '.git') return [];
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}

/** The real helm binary that scripts/ensure-helm.sh unpacks (scripts/test.sh runs it). */
export function helmBinary(): string {
  const binary = process.env.HELM_BIN ?? path.join(repoRoot, '.tools/helm/helm');
  if (!fs.existsSync(binary)) {
    throw new Error(`helm not found at ${binary}: run scripts/ensure-helm.sh (scripts/test.sh does)`);
  }
  return binary;
}

export function helm(...args: string[]): string {
  return execFileSync(helmBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function git(repository: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repository, encoding: 'utf8' }).trim();
}
