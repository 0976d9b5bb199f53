import { parse as parseHcl } from '@cdktf/hcl2json';
import MarkdownIt from 'markdown-it';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';

/** Every string a parsed document holds, however deep. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => [key, ...stringsIn(v)]);
  }
  return [];
}

/** YAML documents, failing on any error or warning the parser reports. */
export function parseYamlStrictly(file: string, text: string): unknown[] {
  return parseAllDocuments(text, { prettyErrors: true, strict: true, uniqueKeys: true }).map(
    document => {
      const problems = [...document.errors, ...document.warnings];
      if (problems.length > 0) {
        throw new Error(`${file} is not valid YAML: ${problems.map(p => p.message).join('; ')}`);
      }
      return document.toJS();
    },
  );
}

/** HashiCorp's HCL parser (WebAssembly) on one file: its JSON form. */
export async function parseHclFile(file: string, text: string): Promise<unknown> {
  try {
    return await parseHcl(path.basename(file), text);
  } catch (error) {
    throw new Error(`${file} is not valid HCL: ${error}`);
  }
}

/** The values of every string literal in a TypeScript or JavaScript file, after tsc parsed it. */
export function typeScriptStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) {
    throw new Error(
      `${file} does not parse as TypeScript: ${diagnostics
        .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
        .join('; ')}`,
    );
  }
  const strings: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node)) strings.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return strings;
}

const markdown = new MarkdownIt({ html: true, linkify: false });

export interface RenderedMarkdown {
  /** The text a reader sees, paragraph by paragraph and cell by cell. */
  texts: string[];
  /** Raw HTML and link targets: what the input must never add. */
  html: string[];
  links: string[];
}

export function readMarkdown(text: string): RenderedMarkdown {
  const texts: string[] = [];
  const html: string[] = [];
  const links: string[] = [];
  for (const token of markdown.parse(text, {})) {
    if (token.type === 'html_block') html.push(token.content);
    if (token.type !== 'inline') continue;
    let line = '';
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') line += child.content;
      if (child.type === 'softbreak') line += '\n';
      if (child.type === 'html_inline') html.push(child.content);
      if (child.type === 'link_open') links.push(child.attrGet('href') ?? '');
    }
    texts.push(line);
  }
  return { texts, html, links };
}

/** A binary on PATH, or undefined. */
export function findBinary(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const binary = found.stdout.trim();
  return found.status === 0 && binary && fs.existsSync(binary) ? binary : undefined;
}

/** gofmt -l over a directory: the files that do not parse or are not formatted. */
export function gofmtProblems(gofmt: string, directory: string): string {
  const result = spawnSync(gofmt, ['-l', '.'], { cwd: directory, encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim();
}

export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return execFileSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}
