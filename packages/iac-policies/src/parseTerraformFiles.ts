import { parse } from '@cdktf/hcl2json';
import { posix } from 'node:path';
import { HclObject } from './hcl';

export interface TerraformFile {
  /** Path relative to the checked directory, with forward slashes. */
  path: string;
  /** The module the file belongs to: its directory, `.` for the top level. */
  directory: string;
  body: HclObject;
}

/** The files of one directory: Terraform reads a directory as one module. */
export interface TerraformModule {
  directory: string;
  files: TerraformFile[];
}

export interface ParsedTerraform {
  files: TerraformFile[];
  modules: TerraformModule[];
}

function normalisePath(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '');
}

/** The HCL diagnostic without hcl2json's `parse config: [...]` wrapping. */
function diagnosticText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^parse config: \[(.*)\]$/s, '$1');
}

/**
 * Parses Terraform files with HashiCorp's HCL parser (compiled to WebAssembly by
 * `@cdktf/hcl2json`) and groups them into modules by directory.
 */
export async function parseTerraformFiles(
  files: Record<string, string>,
): Promise<ParsedTerraform> {
  const parsedFiles: TerraformFile[] = [];
  const paths = Object.keys(files).map(path => ({
    original: path,
    normalised: normalisePath(path),
  }));
  paths.sort((a, b) => a.normalised.localeCompare(b.normalised));

  // One at a time: the parser is a single WebAssembly instance.
  for (const { original, normalised } of paths) {
    let body: HclObject;
    try {
      // hcl2json answers with plain JSON, which is what HclObject describes.
      body = (await parse(normalised, files[original])) as HclObject;
    } catch (error) {
      throw new Error(`Invalid HCL in ${normalised}: ${diagnosticText(error)}`);
    }
    parsedFiles.push({
      path: normalised,
      directory: posix.dirname(normalised),
      body,
    });
  }

  const modulesByDirectory = new Map<string, TerraformFile[]>();
  for (const file of parsedFiles) {
    const moduleFiles = modulesByDirectory.get(file.directory) ?? [];
    moduleFiles.push(file);
    modulesByDirectory.set(file.directory, moduleFiles);
  }
  const modules = [...modulesByDirectory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([directory, moduleFiles]) => ({ directory, files: moduleFiles }));

  return { files: parsedFiles, modules };
}
