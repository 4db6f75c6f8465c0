/**
 * oxc's trees against typescript-estree's: over every fixture (TypeScript, TSX, and the JavaScript and Vue files
 * beside them, whose modules they link to), the analysis and the migration must come out the same whichever parsed.
 */
import fs from 'node:fs';
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

/** The report and the migrated texts of all fixtures, and how many units oxc parsed (none when `native` is off). */
async function analysed(native: boolean) {
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
  const analysis = analyzeProject(FILES, OPTIONS);
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
});
