/**
 * The robustness sweep on a bounded subset (`npm run sweep` runs it over every file): `scan`, `migrate --dry` and the
 * recogniser with the text pre-filter bypassed, over a few hundred real third-party files from `node_modules` that
 * never use Auth0. Nothing may crash and nothing may be found.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './cli/cli-helpers';

const SAMPLE = 300;

interface SweepResult {
  readonly files: number;
  readonly scan: {
    readonly crash?: string;
    readonly summary: { readonly filesScanned: number };
    readonly findings: string[];
    readonly recognised: string[];
  };
  readonly migrate: {
    readonly crash?: string;
    readonly summary: { readonly modified: number };
    readonly changes: string[];
  };
  readonly deep: {
    readonly files: number;
    readonly crashes: string[];
    readonly findings: string[];
    readonly recognised: string[];
  };
}

describe('robustness sweep over a node_modules subset', () => {
  let result: SweepResult;

  beforeAll(() => {
    ensureBuilt();
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bench/sweep.mjs'), '--sample', String(SAMPLE), '--deep', '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(run.stdout, run.stderr).not.toBe('');
    result = JSON.parse(run.stdout) as SweepResult;
  }, 120_000);

  it('covers the whole subset', () => {
    expect(result.files).toBe(SAMPLE);
    expect(result.scan.summary.filesScanned).toBe(SAMPLE);
    expect(result.deep.files).toBe(SAMPLE);
  });

  it('scan neither crashes nor finds anything', () => {
    expect(result.scan.crash).toBeUndefined();
    expect(result.scan.findings).toEqual([]);
    expect(result.scan.recognised).toEqual([]);
  });

  it('migrate --dry neither crashes nor would change anything', () => {
    expect(result.migrate.crash).toBeUndefined();
    expect(result.migrate.changes).toEqual([]);
    expect(result.migrate.summary.modified).toBe(0);
  });

  it('the recogniser, pre-filter bypassed, neither crashes nor finds anything', () => {
    expect(result.deep.crashes).toEqual([]);
    expect(result.deep.findings).toEqual([]);
    expect(result.deep.recognised).toEqual([]);
  });
});
