import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Directories that hold downloaded providers and modules, not code under review. */
const SKIPPED_DIRECTORIES = new Set(['.terraform', '.git', 'node_modules']);

/** Every `*.tf` file under `directory`, keyed by its path relative to it with `/` separators. */
export async function readTerraformDirectory(
  directory: string,
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const visit = async (current: string) => {
    const entries = await fs.readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
        await visit(path);
      } else if (entry.isFile() && entry.name.endsWith('.tf')) {
        files[relative(directory, path).split(sep).join('/')] =
          await fs.readFile(path, 'utf8');
      }
    }
  };
  await visit(directory);
  return files;
}
