import {
  checkGoldenPathInput,
  GOLDEN_PATH_ENCODERS,
} from '@internal/plugin-golden-path-common';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './__testUtils__/exampleCatalog';
import {
  findBinary,
  gofmtProblems,
  parseHclFile,
  parseYamlStrictly,
  readMarkdown,
  stringsIn,
  typeScriptStrings,
} from './__testUtils__/emittedFileChecks';
import { helm } from './__testUtils__/publishedRepository';
import { renderGoldenPath, TEMPLATE_VARIANTS } from './__testUtils__/renderGoldenPath';

jest.setTimeout(600_000);

/**
 * Text a user could type into the form (or send past it): each either reaches the emitted
 * files literally, as text of that file's language, or is refused naming the field.
 */
const HOSTILE_DESCRIPTIONS = [
  'Line one\nresource "aws_iam_user" "backdoor" { name = "x" }',
  "Keeps \"double\" and 'single' quotes, and a backslash \\ at the end \\",
  'Interpolates ${var.secret} and %{ if true }x%{ endif } in Terraform',
  'Already escaped $${not} and %%{ not } stays as typed',
  'Backticks `rm -rf /` and $(id) and ${{ values.awsAccountId }} for Nunjucks',
  'Ends a comment */ and starts one /* then // and # and <!-- --> too',
  'Heredoc markers <<EOF and <<-EOT inline, then EOF',
  '--- a document marker, key: value, &anchor *alias !tag | > { } [ ] ,',
  'Helm {{ .Values.secret }} and Go {{ printf "%s" "x" }} and {% raw %}{{ x }}{% endraw %}',
  'Markdown [click](javascript:alert(1)) <script>alert(1)</script> | a | cell | **bold**',
  'Unicode: Zürich, 東京, emoji 🚀, עברית and a non\u00a0breaking space',
  '- starts like a list item and ends with a colon:',
  "'; process.exit(42); //",
  'Tab\tseparated',
  'Zero\u200bwidth joiner',
  'Right-to-left \u202eoverride',
  'Carriage return\r',
  'Escape \u001b[31m red',
  'A'.repeat(1000),
  'short',
];

const HOSTILE_SCHEDULES = [
  '*/5\nprocess.exit(42)//\t*\t*\t*',
  'every day at noon please',
  '0 2 * * * ; rm -rf /',
  '0 2 * * * *',
  '${var.x} * * * *',
  '@daily',
];

const go = findBinary('go');
const gofmt = findBinary('gofmt');

describe('golden-path input that would become code', () => {
  it.each(HOSTILE_SCHEDULES.map(s => [JSON.stringify(s), s]))(
    'refuses the schedule %s in words, naming the field',
    (_, schedule) => {
      const problems = checkGoldenPathInput({
        ...TEMPLATE_VARIANTS.find(v => v.id === 'worker-typescript-cron')!.input,
        description: 'A worker with a bad schedule',
        schedule,
      });
      expect(problems.map(p => p.field)).toEqual(['schedule']);
      // Words, never a regular expression.
      expect(problems[0].message).not.toMatch(/\^|\$\/|\\S|\[0-9\]/);
    },
  );

  it.each([
    ['name', { name: 'x"; process.exit(1)' }],
    ['onCall', { onCall: 'pagerduty:x\n- evil' }],
    ['costCenter', { costCenter: 'CC-1042\n' }],
    ['owner', { owner: 'group:default/checkout\nspec: {}' }],
    ['system', { system: 's'.repeat(500) }],
  ])('refuses a %s that is not one line of bounded text', (field, change) => {
    const problems = checkGoldenPathInput({
      ...TEMPLATE_VARIANTS[0].input,
      description: 'A service with a bad field',
      ...change,
    });
    expect(problems.map(p => p.field)).toEqual([field]);
  });
});

describe('the encoders, read back by the real parser of each language', () => {
  const texts = [...HOSTILE_DESCRIPTIONS, ...HOSTILE_SCHEDULES, '', 'plain'];

  it('HCL: HashiCorp\'s parser reads every string back as typed', async () => {
    for (const text of texts) {
      const parsed = (await parseHclFile('x.tf', `locals {\n  x = ${GOLDEN_PATH_ENCODERS.hcl(text)}\n}\n`)) as {
        locals: Array<{ x: string }>;
      };
      // hcl2json answers in Terraform's JSON syntax, whose strings are templates too: a
      // literal ${ or %{ is written $${ or %%{ there.
      const literal = parsed.locals[0].x.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
      expect({ text, parsed: literal }).toEqual({ text, parsed: text });
      // An interpolation would be kept as ${...} without the doubled $.
      expect(parsed.locals[0].x).not.toMatch(/(^|[^$])\$\{/);
    }
  });

  it('YAML, JSON and TypeScript read every string back as typed', () => {
    for (const text of texts) {
      expect(parseYamlStrictly('x.yaml', `x: ${GOLDEN_PATH_ENCODERS.yaml(text)}\n`)).toEqual([{ x: text }]);
      expect(JSON.parse(`{"x": ${GOLDEN_PATH_ENCODERS.json(text)}}`)).toEqual({ x: text });
      expect(JSON.parse(`{"x": "${GOLDEN_PATH_ENCODERS.jsonText(text)}"}`)).toEqual({ x: text });
      expect(typeScriptStrings('x.ts', `const x = ${GOLDEN_PATH_ENCODERS.ts(text)};\n`)).toEqual([text]);
    }
  });

  it('Markdown shows every one-line string as typed, with no HTML or link of its own', () => {
    // eslint-disable-next-line no-control-regex -- the multi-line texts are refused before Markdown
    for (const text of texts.filter(t => !/[\u0000-\u001f\u2028\u2029]/.test(t) && t.trim() === t)) {
      const paragraph = readMarkdown(`${GOLDEN_PATH_ENCODERS.markdown(text)}\n`);
      expect({ text, ...paragraph }).toEqual({ text, texts: text ? [text] : [], html: [], links: [] });
      const code = readMarkdown(`${GOLDEN_PATH_ENCODERS.markdownCode(text)}\n`);
      expect(code.texts.join('').trim()).toBe(text.trim());
    }
  });

  it('shell: bash reads every word back as typed', () => {
    for (const text of texts) {
      const echoed = spawnSync('bash', ['-c', `printf %s ${GOLDEN_PATH_ENCODERS.shell(text)}`], { encoding: 'utf8' });
      expect({ text, echoed: echoed.stdout }).toEqual({ text, echoed: text });
    }
  });

  const goStrings = () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-go-strings-'));
    fs.writeFileSync(
      path.join(directory, 'main.go'),
      `package main\n\nimport (\n\t"encoding/json"\n\t"os"\n)\n\nvar strings = []string{\n${texts
        .map(t => `\t${GOLDEN_PATH_ENCODERS.go(t)},\n`)
        .join('')}}\n\nfunc main() { _ = json.NewEncoder(os.Stdout).Encode(strings) }\n`,
    );
    const result = spawnSync(go!, ['run', 'main.go'], {
      cwd: directory,
      encoding: 'utf8',
      env: { ...process.env, GO111MODULE: 'off', GOFLAGS: '', GOCACHE: path.join(os.tmpdir(), 'golden-path-go-cache') },
    });
    fs.rmSync(directory, { recursive: true, force: true });
    return { stderr: result.stderr, strings: JSON.parse(result.stdout || 'null') };
  };
  if (go) {
    it('Go: the compiler reads every string back as typed', () => {
      expect(goStrings()).toEqual({ stderr: '', strings: texts });
    });
  } else {
    it.skip('Go: the compiler reads every string back as typed (skipped: no go binary on PATH)', () => {});
  }
});

/** The file kinds of an emitted repository and how each is read. */
function kindOf(file: string): 'hcl' | 'yaml' | 'helm-template' | 'json' | 'typescript' | 'markdown' | 'go' | 'other' {
  if (file.endsWith('.tf') || file.endsWith('.hcl')) return 'hcl';
  if (file.startsWith('chart/templates/')) return 'helm-template';
  if (file.endsWith('.yaml') || file.endsWith('.yml')) return 'yaml';
  if (file.endsWith('.json')) return 'json';
  if (file.endsWith('.ts') || file.endsWith('.mjs')) return 'typescript';
  if (file.endsWith('.md')) return 'markdown';
  if (file.endsWith('.go') || path.basename(file) === 'go.mod') return 'go';
  return 'other';
}

describe.each(TEMPLATE_VARIANTS.map(v => [v.id, v]))('the %s repository, rendered with hostile descriptions', (_, variant) => {
  const accepted = HOSTILE_DESCRIPTIONS.filter(
    description => checkGoldenPathInput({ ...variant.input, description }).length === 0,
  );

  it('refuses the descriptions that are not one line of 10 to 200 characters, naming the field', () => {
    const refused = HOSTILE_DESCRIPTIONS.filter(d => !accepted.includes(d));
    expect(refused).toEqual([
      HOSTILE_DESCRIPTIONS[0],
      'Tab\tseparated',
      'Zero\u200bwidth joiner',
      'Right-to-left \u202eoverride',
      'Carriage return\r',
      'Escape \u001b[31m red',
      'A'.repeat(1000),
      'short',
    ]);
    for (const description of refused) {
      const problems = checkGoldenPathInput({ ...variant.input, description });
      expect(problems).toEqual([{ field: 'description', message: expect.stringMatching(/^The description /) }]);
    }
  });

  it('emits files that parse in their language and hold every accepted description literally', async () => {
    for (const description of accepted) {
      const { directory, files } = await renderGoldenPath(variant, description);
      const read = (file: string) => fs.readFileSync(path.join(directory, file), 'utf8');
      const holders: string[] = [];
      const problems: string[] = [];
      for (const file of files) {
        const text = read(file);
        switch (kindOf(file)) {
          case 'hcl':
            if (stringsIn(await parseHclFile(file, text)).includes(description)) holders.push(file);
            break;
          case 'yaml':
            if (stringsIn(parseYamlStrictly(file, text)).includes(description)) holders.push(file);
            break;
          case 'json': {
            // tsconfig files are JSON with comments, as tsc reads them.
            const parsed = path.basename(file).startsWith('tsconfig')
              ? ts.parseConfigFileTextToJson(file, text)
              : { config: JSON.parse(text), error: undefined };
            if (parsed.error) problems.push(`${file}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, ' ')}`);
            if (stringsIn(parsed.config).includes(description)) holders.push(file);
            break;
          }
          case 'typescript':
            if (typeScriptStrings(file, text).includes(description)) holders.push(file);
            break;
          case 'markdown': {
            const rendered = readMarkdown(text);
            // Only the portal's own link (the owner's catalog page) and no HTML at all.
            problems.push(...rendered.html.map(html => `${file}: HTML ${html}`));
            problems.push(
              ...rendered.links.filter(l => !l.startsWith('/catalog/default/group/')).map(l => `${file}: link to ${l}`),
            );
            if (rendered.texts.includes(description)) holders.push(file);
            break;
          }
          default:
            if (text.includes(description)) problems.push(`${file} holds the description without an encoder of its own`);
        }
      }
      expect({ description, problems }).toEqual({ description, problems: [] });
      const workload = variant.template !== 'terraform-module';
      const typescript = variant.input.language === 'typescript';
      expect({ description, holders: holders.sort() }).toEqual({
        description,
        holders: [
          'README.md',
          'catalog-info.yaml',
          ...(workload ? ['chart/Chart.yaml'] : []),
          'docs/index.md',
          'mkdocs.yml',
          ...(typescript ? ['package.json'] : []),
        ].sort(),
      });

      for (const chart of workload ? [path.join(directory, 'chart')] : []) {
        helm('lint', '--strict', chart);
        for (const environment of variant.input.environments!) {
          const manifests = helm('template', variant.input.name, chart, '--namespace', 'checkout', '--set-string', `environment=${environment}`);
          expect(parseYamlStrictly('helm template', manifests).filter(Boolean).length).toBeGreaterThan(5);
        }
      }
      const unformatted = gofmt && variant.input.language === 'go' ? gofmtProblems(gofmt, directory) : '';
      expect({ description, gofmt: unformatted }).toEqual({ description, gofmt: '' });
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('every value in templates/skeletons goes through an encoder for its file', () => {
  const skeletons = path.join(repoRoot, 'templates/skeletons');
  const encoders = Object.keys(GOLDEN_PATH_ENCODERS);
  const allowed: Record<ReturnType<typeof kindOf> | 'dockerfile' | 'codeowners', string[]> = {
    hcl: ['hcl', 'number'],
    yaml: ['yaml', 'number'],
    'helm-template': [],
    json: ['json', 'jsonText', 'number'],
    typescript: ['ts', 'number'],
    go: ['go', 'number'],
    // Prose, inline code, link targets, and the HCL and shell of fenced code blocks.
    markdown: ['markdown', 'markdownCode', 'urlPath', 'number', 'hcl', 'shell'],
    dockerfile: ['dockerImage'],
    codeowners: ['codeownersTeam'],
    other: [],
  };
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
      entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );

  it.each(files(skeletons).map(f => [path.relative(skeletons, f)]))('%s', file => {
    const text = fs.readFileSync(path.join(skeletons, file), 'utf8');
    const special: Record<string, 'dockerfile' | 'codeowners'> = { Dockerfile: 'dockerfile', CODEOWNERS: 'codeowners' };
    const kind = special[path.basename(file)] ?? kindOf(file);
    // GitHub Actions expressions are kept from Nunjucks with {% raw %} and are not values.
    const templated = text.replace(/\{% raw %\}[\s\S]*?\{% endraw %\}/g, '');
    const unencoded = [...templated.matchAll(/\$\{\{([\s\S]*?)\}\}/g)]
      .map(match => match[1].trim())
      .filter(expression => {
        const lastFilter = /\|\s*([A-Za-z]+)\s*(\([^)]*\))?\s*$/.exec(expression)?.[1];
        return !lastFilter || !allowed[kind].includes(lastFilter) || !encoders.includes(lastFilter);
      });
    expect(unencoded).toEqual([]);
  });
});
