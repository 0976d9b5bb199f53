import {
  encodeCodeownersTeam,
  encodeDockerImage,
  encodeUrlPathSegment,
  encodeGoString,
  encodeHclString,
  encodeJsonString,
  encodeMarkdownCode,
  encodeMarkdownText,
  encodeShellWord,
  encodeTypeScriptString,
  encodeYamlString,
} from './encoders';

// Each encoder's output is parsed by the real parser of its language in
// packages/backend/src/goldenPathHostileInput.test.ts; these pin the exact escapes.
describe('golden-path encoders', () => {
  it('doubles HCL interpolation and directive openers and escapes quotes and lines', () => {
    expect(encodeHclString('a "b" ${var.x} %{ if } \\ \n')).toBe(
      '"a \\"b\\" $${var.x} %%{ if } \\\\ \\n"',
    );
  });

  it('writes YAML double-quoted scalars with control characters escaped', () => {
    expect(encodeYamlString("it's: \"x\" # y\n\u0085")).toBe('"it\'s: \\"x\\" # y\\n\\x85"');
    expect(encodeYamlString(99.9)).toBe('"99.9"');
  });

  it('writes TypeScript and Go string literals', () => {
    expect(encodeTypeScriptString("x'); process.exit(42); ('\u2028")).toBe(
      "'x\\'); process.exit(42); (\\'\\u2028'",
    );
    expect(encodeGoString('a"b\\c\u0001é')).toBe('"a\\"b\\\\c\\x01é"');
    expect(encodeJsonString('a"\u2028')).toBe('"a\\"\\u2028"');
  });

  it('escapes every Markdown punctuation mark and fences code with enough backticks', () => {
    expect(encodeMarkdownText('[x](javascript:alert(1)) *a* | <b>')).toBe(
      '\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\*a\\* \\| \\<b\\>',
    );
    expect(encodeMarkdownCode('a `b` c')).toBe('``a `b` c``');
    expect(encodeMarkdownCode('`x')).toBe('`` `x ``');
  });

  it('leaves safe shell words alone and single-quotes the rest', () => {
    expect(encodeShellWord('basket-service')).toBe('basket-service');
    expect(encodeShellWord("a b'; rm -rf /")).toBe("'a b'\\''; rm -rf /'");
  });

  it('encodes link paths and refuses what a Dockerfile or CODEOWNERS cannot quote', () => {
    expect(encodeUrlPathSegment('a b)(')).toBe('a%20b%29%28');
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(encodeDockerImage(`node:22-bookworm-slim@${digest}`)).toBe(`node:22-bookworm-slim@${digest}`);
    expect(() => encodeDockerImage('node:22\nRUN curl evil')).toThrow(/not an image reference/);
    expect(encodeCodeownersTeam('harbor-market/platform')).toBe('@harbor-market/platform');
    expect(() => encodeCodeownersTeam('harbor-market/platform @someone')).toThrow();
  });
});
