/**
 * oxc's trees against typescript-estree's: over every fixture (TypeScript, TSX, and the JavaScript and Vue files
 * beside them, whose modules they link to), the analysis and the migration must come out the same whichever parsed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as NativeParse from '../src/native-parse';
import type * as Project from '../src/project';

/** Imported anew for each run, so that each sees its own mock of `native-parse`. */
const PROJECT_MODULE = '../src/project';

const FIXTURES = path.join(__dirname, '../fixtures');
const FILES = fs
  .readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(jsx?|tsx?|mjs|cjs|vue)$/.test(file))
  .map((file) => path.join(FIXTURES, file));
const OPTIONS = { cwd: FIXTURES, environment: 'auto', metadataScope: 'update' } as const;

/**
 * TypeScript with every call, await and template in redundant parentheses: typescript-estree leaves no node for them,
 * and neither may oxc (its default keeps them), or the recogniser, which steps up from a call to what holds its result,
 * loses its way.
 */
const PARENTHESISED = `import createAuth0Client from '@auth0/auth0-spa-js';

const client = (await (createAuth0Client)({ domain: 'acme.auth0.com', clientId: 'abc' }));

export async function loadProfile(): Promise<unknown> {
  const raw = ((await (client.getIdTokenClaims)())!).__raw;
  const claims = (await client.getIdTokenClaims())!;
  return (fetch)((\`https://acme.auth0.com/api/v2/users/\${(claims.sub)}\`), { headers: { Authorization: (\`Bearer \${(raw)}\`) } });
}
`;

/** The report and the migrated texts of all fixtures, and how many units oxc parsed (none when `native` is off). */
async function analysed(
  native: boolean,
  files: readonly string[] = FILES,
  options: typeof OPTIONS | { cwd: string; environment: 'auto'; metadataScope: 'update' } = OPTIONS,
) {
  vi.resetModules();
  let parsedNatively = 0;
  vi.doMock('../src/native-parse', async (importOriginal) => {
    const actual = await importOriginal<typeof NativeParse>();
    return {
      ...actual,
      parseNatively: (...args: Parameters<typeof actual.parseNatively>) => {
        const program = native ? actual.parseNatively(...args) : undefined;
        if (program) parsedNatively++;
        return program;
      },
    };
  });
  const { analyzeProject } = (await import(PROJECT_MODULE)) as typeof Project;
  const analysis = analyzeProject(files, options);
  const migrated = analysis.migrate({ annotate: true }).map(({ file, after, manual }) => ({ file, after, manual }));
  return { report: analysis.report, migrated, parsedNatively };
}

describe("oxc's trees", () => {
  afterEach(() => vi.doUnmock('../src/native-parse'));

  it('give every fixture the findings and the migration typescript-estree gives it', async () => {
    const native = await analysed(true);
    const javascript = await analysed(false);
    const typescriptFiles = FILES.filter((file) => /\.tsx?$/.test(file)).length;
    expect(typescriptFiles).toBeGreaterThan(20);
    // Each at least once: a migration parses the files it changed again.
    expect(native.parsedNatively, 'oxc parsed the TypeScript fixtures').toBeGreaterThanOrEqual(typescriptFiles);
    expect(javascript.parsedNatively).toBe(0);
    expect(native.report.findings.length).toBeGreaterThan(50);
    expect(native.report).toEqual(javascript.report);
    expect(native.migrated).toEqual(javascript.migrated);
  });

  it('leave no node for parentheses, as typescript-estree does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth0-tokens-parentheses-'));
    try {
      fs.writeFileSync(path.join(dir, 'profile.ts'), PARENTHESISED);
      const files = [path.join(dir, 'profile.ts')];
      const options = { cwd: dir, environment: 'auto', metadataScope: 'update' } as const;
      const native = await analysed(true, files, options);
      const javascript = await analysed(false, files, options);
      expect(native.parsedNatively).toBeGreaterThan(0);
      expect(javascript.report.findings.map((finding) => finding.ruleId)).toContain(
        'auth0-tokens/no-id-token-for-management-api',
      );
      expect(native.report).toEqual(javascript.report);
      expect(native.migrated).toEqual(javascript.migrated);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
