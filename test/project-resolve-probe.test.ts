/**
 * The resolver answers relative specifiers without an extension itself where no config file applies (so a run whose
 * imports are all of that kind never loads TypeScript): its answers must be TypeScript's, on every layout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ts } from 'ts-morph';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleResolver } from '../src/project/resolve';

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.vue', ''];
const SPECIFIERS = [
  './a',
  './a.js',
  './a.vue',
  './sub/a',
  './sub',
  './sub/',
  '.',
  '..',
  '../b/a',
  './a.service',
  './A',
];
const SPECIFIERS_THROUGH_LIBRARIES = ['./node_modules/a', './node_modules'];
const directories: string[] = [];

afterAll(() => {
  for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
});

/** What the resolver answered before it probed: TypeScript's resolution, then a `.vue` file as named. */
function typeScriptAnswer(specifier: string, from: string): string | undefined {
  const options = { allowJs: true, moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext };
  const resolved = ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule;
  if (resolved && !resolved.isExternalLibraryImport) return path.resolve(resolved.resolvedFileName);
  const direct = path.resolve(path.dirname(from), specifier);
  return /\.vue$/.test(direct) && fs.existsSync(direct) ? direct : undefined;
}

/** A project of the files `a<extension>` for each extension in `mask`, at its root, in `sub/` and in `node_modules/`. */
function layout(mask: number): string {
  const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'auth0-tokens-probe-')), 'b');
  directories.push(path.dirname(root));
  for (const folder of ['', 'sub', 'node_modules']) fs.mkdirSync(path.join(root, folder), { recursive: true });
  EXTENSIONS.forEach((extension, index) => {
    if (mask & (1 << index))
      for (const folder of ['', 'sub', 'node_modules']) fs.writeFileSync(path.join(root, folder, `a${extension}`), '');
  });
  if (mask & 1) fs.writeFileSync(path.join(root, 'sub', 'index.ts'), '');
  return root;
}

describe('module resolution without TypeScript', () => {
  it('answers as TypeScript does, for every combination of files', () => {
    for (let mask = 0; mask < 1 << EXTENSIONS.length; mask += 5) {
      const from = path.join(layout(mask), 'main.js');
      const resolver = new ModuleResolver();
      for (const specifier of [...SPECIFIERS, ...SPECIFIERS_THROUGH_LIBRARIES])
        expect([mask, specifier, resolver.resolve(specifier, from)]).toEqual([
          mask,
          specifier,
          typeScriptAnswer(specifier, from),
        ]);
    }
  });
});
