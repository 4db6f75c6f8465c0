/**
 * Text from the analysed tree in the human outputs: a file named `evil\n::error file=x::pwned\t\x1b[31m.js` must not
 * become a GitHub workflow command of its own on stdout or stderr, nor drive the terminal; nor may code that quotes
 * control characters (a scope holding an escape sequence). Text, Markdown and the GitHub format print such characters
 * as escapes; JSON and SARIF carry the exact names, escaped by JSON itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cli,
  type CliResult,
  ensureBuilt,
  ID_TOKEN_FLOW,
  removeTemporaryDirectories,
  temporaryDirectory,
  writeFiles,
} from './cli-helpers';

/** A newline and a workflow command, a tab, and an escape sequence that would turn the terminal red. */
const EVIL = 'evil\n::error file=x::pwned\t\x1b[31m.js';
const EVIL_PRINTED = 'evil\\n::error file=x::pwned\\t\\u001b[31m.js';
/** Unparsable, so that its name is printed among the files not analysed. */
const BROKEN = 'broken\r\n::warning::pwned\x1b]0;title\x07.js';
const BROKEN_PRINTED = 'broken\\r\\n::warning::pwned\\u001b]0;title\\u0007.js';
/** A login whose declared scope holds an escape sequence (written as one in the code). */
const FLOW = ID_TOKEN_FLOW.replace("scope: 'openid'", "scope: 'openid \\u001b[2J'");
/** Control characters but the line breaks between lines. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function literally(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** Every line of both streams: none may start a workflow command the tool did not write. */
function lines(run: CliResult): string[] {
  return `${run.stdout}\n${run.stderr}`.split('\n');
}

describe('names and quoted code in the outputs', () => {
  const runs: Record<string, CliResult> = {};

  beforeAll(async () => {
    ensureBuilt();
    const directory = temporaryDirectory('names');
    writeFiles(directory, { [EVIL]: FLOW, [BROKEN]: "webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com' ;\n" });
    const commands: Record<string, string[]> = {
      text: ['scan'],
      markdown: ['scan', '--format', 'markdown'],
      github: ['scan', '--format', 'github'],
      json: ['scan', '--format', 'json'],
      sarif: ['scan', '--format', 'sarif'],
      scopes: ['scopes'],
      scopesMarkdown: ['scopes', '--format', 'markdown'],
      migrate: ['migrate', '--dry', '--diff', '--print'],
      usage: ['scan', '--shard', '1/2\n::error file=y::pwned\x1b[31m'],
    };
    const entries = await Promise.all(
      Object.entries(commands).map(async ([name, args]) => [name, await cli(args, directory)] as const),
    );
    Object.assign(runs, Object.fromEntries(entries));
  });
  afterAll(removeTemporaryDirectories);

  it.each(['text', 'markdown', 'scopes', 'scopesMarkdown'])(
    '%s: names escaped, no raw control character, no line a workflow command',
    (name) => {
      const run = runs[name]!;
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toContain(EVIL_PRINTED);
      expect(run.stdout).toContain(BROKEN_PRINTED);
      expect(run.stdout).not.toMatch(RAW_CONTROL);
      expect(run.stderr).not.toMatch(RAW_CONTROL);
      expect(lines(run).filter((line) => /^\s*::/.test(line))).toEqual([]);
    },
  );

  it('migrate: the diff and --print headers, the errors and the needs-manual lines name the files escaped', () => {
    const run = runs.migrate!;
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain(`+++ b/${EVIL_PRINTED}`);
    expect(run.stdout).toContain(`==> ${EVIL_PRINTED} <==`);
    expect(run.stderr).toContain(`${BROKEN_PRINTED}: cannot parse`);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(RAW_CONTROL);
    expect(lines(run).filter((line) => /^\s*::/.test(line))).toEqual([]);
  });

  it('text: the files not analysed and the findings name the files escaped', () => {
    expect(runs.text!.stdout).toMatch(/^evil\\n::error file=x::pwned\\t\\u001b\[31m\.js$/m);
    expect(runs.text!.stdout).toContain(`  error  ${BROKEN_PRINTED}: cannot parse`);
  });

  it('scopes: a declared scope quoting an escape sequence is printed escaped', () => {
    expect(runs.scopes!.stdout).toContain('declared:       openid \\u001b[2J');
  });

  it("github: GitHub's escaping in properties (%, CR, LF, :, ,) and messages; one command per line", () => {
    const run = runs.github!;
    expect(run.status).toBe(1);
    const commands = run.stdout.trimEnd().split('\n');
    for (const command of commands)
      expect(command).toMatch(
        /^::(error|warning) file=[^:,]+,(line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=auth0-tokens\/[a-z-]+|title=auth0-tokens)::\S/,
      );
    expect(
      commands.filter((command) =>
        command.startsWith('::error file=evil%0A%3A%3Aerror file=x%3A%3Apwned\\t\\u001b[31m.js,line='),
      ),
    ).toHaveLength(4);
    expect(
      commands.filter((command) =>
        command.startsWith(
          '::error file=broken%0D%0A%3A%3Awarning%3A%3Apwned\\u001b]0;title\\u0007.js,title=auth0-tokens::cannot parse',
        ),
      ),
    ).toHaveLength(1);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).toBe('');
  });

  it('json and sarif: the exact names, every control character escaped by JSON; stderr names the files escaped', () => {
    const json = runs.json!;
    const document = JSON.parse(json.stdout) as { findings: { file: string }[] };
    expect(new Set(document.findings.map((finding) => finding.file))).toEqual(new Set([EVIL]));
    const sarif = JSON.parse(runs.sarif!.stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(decodeURIComponent(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri)).toBe(
      EVIL,
    );
    for (const run of [json, runs.sarif!]) {
      expect(run.stdout).not.toMatch(RAW_CONTROL);
      expect(run.stderr).toMatch(
        new RegExp(`^${literally(BROKEN_PRINTED)}: cannot parse \\(.+\\); the file is left unchanged\n$`),
      );
      expect(lines(run).filter((line) => /^\s*::/.test(line))).toEqual([]);
    }
  });

  it('a usage error quoting an argument prints it escaped', () => {
    const run = runs.usage!;
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "auth0-tokens: --shard must be i/n, whole numbers with 1 <= i <= n <= 9007199254740991 (got '1/2\\n::error file=y::pwned\\u001b[31m')\n",
    );
  });
});
