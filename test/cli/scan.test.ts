/**
 * `auth0-tokens scan` end to end (the built CLI on a temporary copy of the legacy app): every format, the JSON
 * schema, SARIF 2.1.0 in the shape GitHub code scanning accepts, `--output`, `--fail-on` and the exit codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules';
import { DEFAULT_EXTENSIONS } from '../../src/cli/files';
import { formatJson } from '../../src/cli/formats';
import { analyseFiles } from '../../src/cli/run';
import {
  cli,
  type CliResult,
  copyLegacyApp,
  ensureBuilt,
  hashTree,
  ID_TOKEN_FLOW,
  NEEDS_MANUAL_ONLY,
  removeTemporaryDirectories,
  ROOT,
  temporaryDirectory,
  writeFiles,
} from './cli-helpers';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const RULE_IDS = Object.keys(rules).map((name) => `auth0-tokens/${name}`);

interface JsonFinding {
  ruleId: string;
  severity: string;
  certainty: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  related: { file: string; line: number; message: string }[];
}

describe('auth0-tokens scan', () => {
  afterAll(removeTemporaryDirectories);
  let app: string;
  const results: Record<string, CliResult> = {};

  beforeAll(async () => {
    ensureBuilt();
    app = copyLegacyApp('scan');
    const runs: Record<string, string[]> = {
      text: ['scan'],
      json: ['scan', '--format', 'json'],
      sarif: ['scan', '--format', 'sarif', '--output', 'reports/auth0.sarif'],
      markdown: ['scan', '-f', 'markdown'],
      github: ['scan', '--format', 'github'],
      failOnNone: ['scan', '--fail-on', 'none', '--format', 'json'],
      clean: ['scan', 'public/js/support-widget.js', 'server'],
      missing: ['scan', 'public/js/auth.js', 'no/such/dir', '--format', 'json'],
    };
    const entries = await Promise.all(
      Object.entries(runs).map(async ([name, args]) => [name, await cli(args, app)] as const),
    );
    Object.assign(results, Object.fromEntries(entries));
  });

  it('text: findings grouped by file, rule ids, totals; exit 1 on proven findings', () => {
    const { status, stdout } = results.text!;
    expect(status).toBe(1);
    expect(stdout).toMatch(/^public\/js\/auth\.js$/m);
    expect(stdout).toMatch(/^ {2}\d+:\d+ +error {4}.+ {2}auth0-tokens\/require-management-audience$/m);
    expect(stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings? needing manual review\)/);
    expect(stdout).toMatch(/\d+ files scanned, \d+ skipped/);
    expect(stdout).not.toMatch(/support-widget\.js/);
    expect(stdout).not.toContain('\x1b[');
  });

  it('json: exactly the documented schema, version 1, cwd-relative POSIX paths, 1-based positions', () => {
    const { status, stdout } = results.json!;
    expect(status).toBe(1);
    const document = JSON.parse(stdout) as Record<string, unknown> & {
      findings: JsonFinding[];
      tokenRequests: Record<string, unknown>[];
      managementCalls: Record<string, unknown>[];
      summary: Record<string, number>;
    };
    expect(Object.keys(document)).toEqual([
      'schemaVersion',
      'tool',
      'version',
      'findings',
      'tokenRequests',
      'managementCalls',
      'summary',
    ]);
    expect(document).toMatchObject({ schemaVersion: 1, tool: 'auth0-tokens', version: VERSION });
    expect(document.findings.length).toBeGreaterThan(0);
    for (const finding of document.findings) {
      expect(Object.keys(finding)).toEqual([
        'ruleId',
        'severity',
        'certainty',
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'message',
        'related',
      ]);
      expect(RULE_IDS).toContain(finding.ruleId);
      expect(finding.severity).toBe(finding.certainty === 'proven' ? 'error' : 'warning');
      expect(['proven', 'needs-manual']).toContain(finding.certainty);
      expect(finding.file).toMatch(/^[^/\\][^\\]*\.(jsx?|tsx?)$/);
      expect(fs.existsSync(path.join(app, finding.file))).toBe(true);
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.column).toBeGreaterThanOrEqual(1);
      expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
      for (const related of finding.related) expect(Object.keys(related)).toEqual(['file', 'line', 'message']);
    }
    const order = document.findings.map((finding) => [finding.file, finding.line, finding.column] as const);
    expect(order).toEqual([...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2])));
    expect(document.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'auth0-tokens/require-management-audience',
        file: 'public/js/auth.js',
        severity: 'error',
      }),
    );

    expect(document.tokenRequests.length).toBeGreaterThan(0);
    for (const request of document.tokenRequests) {
      expect(Object.keys(request)).toEqual([
        'file',
        'line',
        'sdk',
        'audience',
        'responseType',
        'declaredScopes',
        'requiredScopes',
        'missingScopes',
        'excessScopes',
      ]);
      for (const required of request.requiredScopes as { scope: string; because: Record<string, unknown>[] }[]) {
        expect(Object.keys(required)).toEqual(['scope', 'because']);
        for (const site of required.because)
          expect(Object.keys(site)).toEqual(['file', 'line', 'via', 'method', 'path']);
      }
    }
    expect(document.managementCalls.length).toBeGreaterThan(0);
    for (const call of document.managementCalls) {
      expect(Object.keys(call)).toEqual([
        'file',
        'line',
        'via',
        'method',
        'path',
        'currentUserScope',
        'anyUserScope',
        'credential',
        'environment',
        'environmentEvidence',
      ]);
      expect(['id-token', 'access-token', 'unknown']).toContain(call.credential);
      expect(
        call.environment === 'unknown'
          ? call.environmentEvidence === null
          : typeof call.environmentEvidence === 'string',
      ).toBe(true);
    }
    // The legacy app's browser pages name their evidence; its Express admin API is server code.
    const environments = new Map(
      document.managementCalls.map((call) => [call.file, `${call.environment}: ${call.environmentEvidence}`]),
    );
    expect(environments.get('public/js/auth.js')).toBe('browser: uses the browser global window');
    expect(environments.get('server/admin-api.js')).toMatch(/^server: /);
    expect(Object.keys(document.summary)).toEqual([
      'filesScanned',
      'filesSkipped',
      'findings',
      'needsManual',
      'errors',
    ]);
    expect(document.summary.findings).toBe(document.findings.length);
    expect(document.summary.needsManual).toBe(
      document.findings.filter((finding) => finding.certainty === 'needs-manual').length,
    );
    expect(document.summary.errors).toBe(0);
    expect(document.summary.filesScanned).toBeGreaterThanOrEqual(
      new Set(document.findings.map((finding) => finding.file)).size,
    );
  });

  it('sarif: 2.1.0 in the shape GitHub code scanning accepts, written to --output', () => {
    const { status, stdout } = results.sarif!;
    expect(status).toBe(1);
    expect(stdout).toBe('');
    const sarif = JSON.parse(fs.readFileSync(path.join(app, 'reports/auth0.sarif'), 'utf8'));
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const [run] = sarif.runs;
    expect(run.tool.driver).toMatchObject({
      name: 'auth0-tokens',
      version: VERSION,
      informationUri: expect.stringMatching(/^https:\/\//),
    });
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).toEqual(expect.any(String));
      expect(rule.helpUri).toMatch(/^https:\/\/.+\.md$/);
    }
    const json = JSON.parse(results.json!.stdout) as { findings: JsonFinding[] };
    expect(run.results).toHaveLength(json.findings.length);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- SARIF's result, read field by field
    run.results.forEach((result: Record<string, any>, index: number) => {
      const finding = json.findings[index]!;
      expect(result.ruleId).toBe(finding.ruleId);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(finding.ruleId);
      expect(result.level).toBe(finding.severity);
      expect(result.message.text).toBe(finding.message);
      expect(result.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: finding.file },
        region: {
          startLine: finding.line,
          startColumn: finding.column,
          endLine: finding.endLine,
          endColumn: finding.endColumn,
        },
      });
    });
  });

  it('markdown: a table of findings', () => {
    const { status, stdout } = results.markdown!;
    expect(status).toBe(1);
    expect(stdout).toMatch(/^# auth0-tokens scan\n/);
    expect(stdout).toContain('| File | Line | Severity | Rule | Message |');
    // Prose is escaped: `<domain>` in a message is not an HTML tag.
    expect(stdout).toContain('&lt;domain&gt;');
    expect(stdout).not.toContain('<domain>');
    expect(stdout).toMatch(
      /^\| `public\/js\/auth\.js` \| \d+:\d+ \| error \| \[`auth0-tokens\/[a-z-]+`\]\(https:\/\/.+\) \| .+ \|$/m,
    );
  });

  it('github: one workflow command per finding', () => {
    const { status, stdout } = results.github!;
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength((JSON.parse(results.json!.stdout) as { findings: unknown[] }).findings.length);
    for (const line of lines)
      expect(line).toMatch(
        /^::(error|warning) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=auth0-tokens\/[a-z-]+::\S.*$/,
      );
    expect(stdout).toContain('::error file=public/js/auth.js,line=');
  });

  it('--fail-on: none exits 0; a clean tree exits 0', () => {
    expect(results.failOnNone!.status).toBe(0);
    expect(results.clean!.status).toBe(0);
    expect(results.clean!.stdout).toMatch(/^No problems found\.\n\d+ files? scanned/);
  });

  it('--fail-on: needs-manual findings are warnings, failing only at warning / needs-manual', async () => {
    const directory = temporaryDirectory('fail-on');
    writeFiles(directory, { 'colour.js': NEEDS_MANUAL_ONLY });
    const [error, needsManual] = await Promise.all([
      cli(['scan', '--format', 'json'], directory),
      cli(['scan', '--fail-on', 'needs-manual'], directory),
    ]);
    const findings = (JSON.parse(error.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.certainty === 'needs-manual' && finding.severity === 'warning')).toBe(
      true,
    );
    expect(error.status).toBe(0);
    expect(needsManual.status).toBe(1);
    expect(needsManual.stdout).toMatch(/^ {2}\d+:\d+ +warning {2}.+\(needs manual review\)/m);
  });

  it('a missing path is an error entry and exit 2; the other paths are still scanned', () => {
    const { status, stdout, stderr } = results.missing!;
    expect(status).toBe(2);
    const document = JSON.parse(stdout) as { findings: JsonFinding[]; summary: { errors: number } };
    expect(document.findings.some((finding) => finding.file === 'public/js/auth.js')).toBe(true);
    expect(document.summary.errors).toBe(1);
    expect(stderr).toContain('no/such/dir: no such file or directory');
  });

  it('usage errors exit 2', async () => {
    const runs = await Promise.all([
      cli(['scan', '--format', 'xml'], app),
      cli(['scan', '--shard', '3/2'], app),
      cli(['scan', '--no-such-option'], app),
      cli([], app),
    ]);
    for (const run of runs) expect(run.status).toBe(2);
    expect(runs[0]!.stderr).toMatch(/Invalid values/);
    expect(runs[1]!.stderr).toContain('--shard must be i/n, whole numbers with 1 <= i <= n');
    expect(runs[3]!.stderr).toContain('Name a command');
  });

  it('--shard and --max-file-size take only well-formed values: anything else exits 2 with one line, nothing written', async () => {
    const directory = temporaryDirectory('arguments');
    writeFiles(directory, { 'flow.js': ID_TOKEN_FLOW });
    const before = hashTree(directory);
    // Past Number.MAX_SAFE_INTEGER, 99999999999999999999 would be rounded, and name a shard no file falls into.
    const shards = [
      '1/99999999999999999999',
      '1/9007199254740992',
      '0/2',
      '3/2',
      '-1/2',
      '1.5/2',
      '1/0',
      ' 1/2',
      '1/2 ',
      '',
      '1/2/3',
    ];
    // As a yargs number, '' was 0 (no limit) and 'Infinity' a limit.
    const sizes = ['', ' ', 'abc', '-1', 'NaN', 'Infinity', '0x10', '1 '];
    const runs = await Promise.all([
      ...shards.map((shard) => cli(['migrate', '--shard', shard, '--report', 'report.md'], directory)),
      ...sizes.map((size) => cli(['scan', '--max-file-size', size, '--output', 'report.json'], directory)),
      cli(['migrate', '--shard', '1/2', '--shard', '2/2'], directory),
      cli(['migrate', '--max-file-size', '1', '--max-file-size', '2'], directory),
    ]);
    const expected = [
      ...shards.map(
        (shard) =>
          `auth0-tokens: --shard must be i/n, whole numbers with 1 <= i <= n <= 9007199254740991 (got '${shard}')\n`,
      ),
      ...sizes.map(
        (size) => `auth0-tokens: --max-file-size must be a number of megabytes, 0 or more (got '${size}')\n`,
      ),
      'auth0-tokens: --shard is given more than once\n',
      'auth0-tokens: --max-file-size is given more than once\n',
    ];
    expect(runs.map(({ status, stdout, stderr }) => ({ status, stdout, stderr }))).toEqual(
      expected.map((stderr) => ({ status: 2, stdout: '', stderr })),
    );
    expect(hashTree(directory)).toEqual(before);
  });

  it('text and markdown: "No problems found" only when every file was analysed', async () => {
    const directory = temporaryDirectory('not-analysed');
    writeFiles(directory, {
      'clean.js': "// auth0\nexport const domain = 'acme.auth0.com';\n",
      'broken.js': "webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com' ;\n",
    });
    const [text, markdown] = await Promise.all([
      cli(['scan'], directory),
      cli(['scan', '--format', 'markdown'], directory),
    ]);
    expect(text.status).toBe(1);
    expect(text.stdout).not.toContain('No problems found.');
    expect(text.stdout).toMatch(
      /^No problems found in the files analysed, but 1 file could not be analysed\.\n2 files scanned, 0 skipped \(nothing Auth0-related\), 1 file not analysed\.\n$/m,
    );
    expect(markdown.stdout).toContain(
      '**No problems found in the files analysed**; 2 files scanned, 0 skipped (nothing Auth0-related), 1 file not analysed.',
    );
  });

  it('--version and --help exit 0', async () => {
    const [version, help] = await Promise.all([cli(['--version'], app), cli(['scan', '--help'], app)]);
    expect(version).toMatchObject({ status: 0, stdout: `${VERSION}\n` });
    expect(help.status).toBe(0);
    for (const option of [
      '--format',
      '--output',
      '--fail-on',
      '--ignore',
      '--extensions',
      '--shard',
      '--quiet',
      '--environment',
      '--metadata-scope',
    ])
      expect(help.stdout).toContain(option);
  });
});

/** Generated source of at least 40,000 characters, past the size from which the reader thread screens candidates. */
function largeText(line: (index: number) => string): string {
  let text = '';
  for (let index = 0; text.length < 40_000; index++) text += line(index);
  return text;
}

describe('auth0-tokens scan over a large tree', () => {
  // Above 2,000 files the built CLI reads on a thread of its own while it parses; these tests run the TypeScript
  // sources, whose analysis reads on the main thread. Both must report exactly the same.
  let dir: string;
  let inProcess: ReturnType<typeof analyseFiles>;
  let loginLine: number;
  const HOOKS = path.join(__dirname, 'hooks');
  /** The CLI with a hook from `hooks/` preloaded, in its main thread and in its reader thread. */
  const hooked = (hook: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
    cli(args, dir, { ...env, NODE_OPTIONS: `--require ${path.join(HOOKS, hook)}` });

  beforeAll(() => {
    ensureBuilt();
    dir = temporaryDirectory('large');
    const login =
      largeText((index) => `function pad${index}(value) {\n  return value + ${index};\n}\n`) + ID_TOKEN_FLOW;
    loginLine = login.slice(0, login.indexOf('var webAuth')).split('\n').length;
    const files: Record<string, string | Buffer> = {
      'app/auth.js':
        "import auth0 from 'auth0-js';\nexport const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });\n",
      'app/profile.js':
        "import { webAuth } from './auth';\nwebAuth.checkSession({}, (err, result) => {\n  fetch(`https://acme.auth0.com/api/v2/users/${result.idTokenPayload.sub}`, { headers: { Authorization: `Bearer ${result.idToken}` } });\n});\n",
      'app/page.js': "import { webAuth } from './auth';\nexport const login = () => webAuth.authorize();\n",
      'app/binary.js': Buffer.from([0x61, 0x00, 0x62]),
      'app/latin1.js': Buffer.from("// caf\xe9\nfetch('https://acme.auth0.com/api/v2/users/1');\n", 'latin1'),
      'app/broken.js': "fetch('https://acme.auth0.com/api/v2/users/1', {\n",
      // Large candidates the reader thread screens: one with nothing to find, one with an ID-token flow at its end.
      'shared/indent.js': largeText(
        (index) =>
          `function check${index}(tokens) {\n  const idToken = tokens[${index}];\n  return idToken && idToken.value === '${index}';\n}\n`,
      ),
      'shared/login.js': login,
    };
    for (let index = 0; index < 2100; index++)
      files[`lib/module-${String(index).padStart(4, '0')}.js`] = `export const value${index} = ${index};\n`;
    writeFiles(dir, files);
    inProcess = analyseFiles({
      paths: ['.'],
      cwd: dir,
      extensions: [...DEFAULT_EXTENSIONS],
      ignore: [],
      gitignore: true,
      defaultIgnores: true,
      quiet: true,
      environment: 'auto',
      metadataScope: 'update',
    });
  });
  afterAll(removeTemporaryDirectories);

  /** The CLI's run reports exactly what the in-process run does, with the same exit code. */
  const expectSameReport = (result: CliResult) => {
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(formatJson(inProcess.report)));
    for (const error of inProcess.report.errors) expect(result.stderr).toContain(`${error.file}: ${error.message}`);
    expect(result.status).toBe(1);
  };

  it('reads on a thread of its own and reports what a read on the main thread reports', async () => {
    expectSameReport(await cli(['scan', '.', '--format', 'json'], dir));
    expect(inProcess.report).toMatchObject({ filesScanned: 2106, filesSkipped: 2100 });
    expect(inProcess.report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'app/auth.js:2 auth0-tokens/require-management-audience',
      'app/auth.js:2 auth0-tokens/require-token-response-type',
      'app/auth.js:2 auth0-tokens/minimal-management-scopes',
      'app/profile.js:3 auth0-tokens/no-id-token-for-management-api',
      `shared/login.js:${loginLine} auth0-tokens/require-management-audience`,
      `shared/login.js:${loginLine} auth0-tokens/require-token-response-type`,
      `shared/login.js:${loginLine} auth0-tokens/minimal-management-scopes`,
      `shared/login.js:${loginLine + 2} auth0-tokens/no-id-token-for-management-api`,
    ]);
    expect(inProcess.report.errors.map((error) => error.file)).toEqual([
      'app/binary.js',
      'app/broken.js',
      'app/latin1.js',
    ]);
  });

  it('never parses on the main thread a candidate the reader thread proved inert', async () => {
    const log = path.join(dir, '..', `${path.basename(dir)}-parsed.log`);
    expectSameReport(
      await hooked('log-parsed.cjs', ['scan', '.', '--format', 'json'], { AUTH0_TOKENS_PARSED_LOG: log }),
    );
    const parsed = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((file) => path.relative(dir, file));
    fs.rmSync(log);
    expect(parsed.sort()).toEqual(['app/auth.js', 'app/broken.js', 'app/page.js', 'app/profile.js', 'shared/login.js']);
  });

  it('reads the rest itself when the reader thread dies without a word, and outlives its error event', async () => {
    const result = await hooked('reader-dies.cjs', ['scan', '.', '--format', 'json']);
    expectSameReport(result);
    expect(result.stderr).not.toContain('the reader thread dies');
  }, 30_000);
});
