/**
 * Encoders that turn a template value into text of one file language, so that no input
 * can become code in an emitted file. The skeletons under templates/skeletons apply them
 * as Nunjucks filters (`${{ values.description | yaml }}`); the backend module registers
 * them with the scaffolder under the names in GOLDEN_PATH_ENCODERS.
 *
 * Each returns a complete token of its language (a quoted string where the language has
 * one), so a skeleton writes `key: ${{ v | yaml }}`, never `key: "${{ v | yaml }}"`.
 */

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

function escapeControls(value: string, escape: (code: number) => string): string {
  let out = '';
  for (const character of value) {
    const code = character.codePointAt(0)!;
    out += CONTROL_CHARACTER.test(character) ? escape(code) : character;
  }
  return out;
}

/**
 * A Terraform (HCL) quoted string. `${` and `%{` start interpolation and directives in HCL
 * strings, so they are doubled (`$${`, `%%{`), which HCL reads back as the literal text.
 */
export function encodeHclString(value: unknown): string {
  const body = escapeControls(
    text(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"'),
    code =>
      ({ 10: '\\n', 13: '\\r', 9: '\\t' } as Record<number, string>)[code] ??
      `\\u${hex(code, 4)}`,
  )
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${body}"`;
}

/** A YAML double-quoted scalar: YAML 1.1 (Helm, Kubernetes) and 1.2 read it the same. */
export function encodeYamlString(value: unknown): string {
  const body = escapeControls(
    text(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"'),
    code =>
      ({ 10: '\\n', 13: '\\r', 9: '\\t', 0: '\\0' } as Record<number, string>)[code] ??
      (code > 0xff ? `\\u${hex(code, 4)}` : `\\x${hex(code, 2)}`),
  ).replace(/\ufeff/g, '\\ufeff');
  return `"${body}"`;
}

/** A TypeScript (and JavaScript) single-quoted string literal. */
export function encodeTypeScriptString(value: unknown): string {
  const body = escapeControls(
    text(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'"),
    code =>
      ({ 10: '\\n', 13: '\\r', 9: '\\t' } as Record<number, string>)[code] ??
      `\\u${hex(code, 4)}`,
  );
  return `'${body}'`;
}

/** A Go interpreted string literal, as strconv.Quote writes it. */
export function encodeGoString(value: unknown): string {
  const body = escapeControls(
    text(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"'),
    code =>
      ({ 10: '\\n', 13: '\\r', 9: '\\t' } as Record<number, string>)[code] ??
      (code > 0xff ? `\\u${hex(code, 4)}` : `\\x${hex(code, 2)}`),
  );
  return `"${body}"`;
}

/** A JSON string (package.json and the like). */
export function encodeJsonString(value: unknown): string {
  return JSON.stringify(text(value)).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    c => `\\u${hex(c.codePointAt(0)!, 4)}`,
  );
}

/**
 * The inside of a JSON string, for a skeleton that must itself stay valid JSON (tools
 * that read every package.json in the repository choke on one that is not):
 * `"name": "${{ values.name | jsonText }}"`.
 */
export function encodeJsonStringContent(value: unknown): string {
  return encodeJsonString(value).slice(1, -1);
}

/**
 * Markdown text that renders as exactly the characters given: every ASCII punctuation
 * mark is backslash-escaped (CommonMark allows that for all of them), so nothing starts a
 * link, emphasis, code, HTML or a table cell. Line breaks become spaces.
 */
export function encodeMarkdownText(value: unknown): string {
  return escapeControls(text(value), () => ' ').replace(
    /[!-/:-@[-`{-~]/g,
    c => `\\${c}`,
  );
}

/** Markdown inline code showing the text literally, fenced with enough backticks. */
export function encodeMarkdownCode(value: unknown): string {
  const body = escapeControls(text(value), () => ' ');
  // Markdown has no empty code span.
  if (body === '') return '';
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map(run => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
  return `${fence}${padding}${body}${padding}${fence}`;
}

/** One POSIX shell word: as it is when it holds only safe characters, else single-quoted. */
export function encodeShellWord(value: unknown): string {
  const word = text(value);
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A path segment of a URL (a Markdown link target): nothing in it ends the link. */
export function encodeUrlPathSegment(value: unknown): string {
  return encodeURIComponent(text(value)).replace(
    /[!'()*]/g,
    c => `%${hex(c.charCodeAt(0), 2).toUpperCase()}`,
  );
}

/**
 * An image reference for a Dockerfile's FROM line: `registry/path:tag`, optionally
 * `@sha256:<digest>`. A Dockerfile has no quoting, so anything else is refused, not encoded.
 */
export const IMAGE_REFERENCE_PATTERN =
  /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

export function encodeDockerImage(value: unknown): string {
  const reference = text(value);
  if (!IMAGE_REFERENCE_PATTERN.test(reference)) {
    throw new Error(`"${reference}" is not an image reference (name:tag or name:tag@sha256:digest)`);
  }
  return reference;
}

/**
 * A GitHub team as a CODEOWNERS owner, `@org/team`. CODEOWNERS has no quoting either, so
 * anything but an organisation and a team slug is refused.
 */
export function encodeCodeownersTeam(value: unknown): string {
  const team = text(value);
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(team)) {
    throw new Error(`"${team}" is not a GitHub organisation/team`);
  }
  return `@${team}`;
}

/**
 * A decimal number as a literal that YAML, HCL, JSON, TypeScript and Go all read as that
 * number (`0.999`, `14.4`, `86400`); anything else is refused.
 */
export function encodeNumber(value: unknown): string {
  const literal = typeof value === 'number' ? String(value) : text(value);
  if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(literal)) {
    throw new Error(`"${literal}" is not a decimal number`);
  }
  return literal;
}

/** The Nunjucks filter names the skeletons use, by language. */
export const GOLDEN_PATH_ENCODERS = {
  hcl: encodeHclString,
  yaml: encodeYamlString,
  ts: encodeTypeScriptString,
  go: encodeGoString,
  json: encodeJsonString,
  jsonText: encodeJsonStringContent,
  markdown: encodeMarkdownText,
  markdownCode: encodeMarkdownCode,
  shell: encodeShellWord,
  number: encodeNumber,
  urlPath: encodeUrlPathSegment,
  dockerImage: encodeDockerImage,
  codeownersTeam: encodeCodeownersTeam,
} as const;

export type GoldenPathEncoderName = keyof typeof GOLDEN_PATH_ENCODERS;
