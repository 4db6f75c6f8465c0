/**
 * The package as users install it: the built `dist/` loaded through the package's own name (self-reference), from
 * CommonJS and from ESM, in a separate node process so nothing from the test runner leaks in.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules';

const ROOT = path.join(__dirname, '..');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  types: string;
  exports: Record<string, Record<string, string> | string>;
  scripts: Record<string, string>;
  files: string[];
};
const RULE_NAMES = Object.keys(rules).sort();

interface LoadedPlugin {
  keys: string[];
  meta: { name: string; version: string };
  rules: string[];
  configs: string[];
  /** Modules from the `typescript` package that loading the plugin pulled in. */
  typescriptModules: string[];
}

/** What a node process sees after loading the plugin with `loader` (CommonJS `require` or ESM `import`). */
function loadInNode(loader: 'require' | 'import'): LoadedPlugin {
  const load =
    loader === 'require'
      ? `const plugin = require('${PACKAGE.name}');`
      : `const { default: plugin } = await import('${PACKAGE.name}'); const require = (await import('node:module')).createRequire(import.meta.url);`;
  const script = `${load}
    console.log(JSON.stringify({
      keys: Object.keys(plugin),
      meta: plugin.meta,
      rules: Object.keys(plugin.rules).sort(),
      configs: Object.keys(plugin.configs).sort(),
      typescriptModules: Object.keys(require.cache).filter((file) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]/.test(file)),
    }));`;
  const args = loader === 'require' ? ['-e', script] : ['--input-type=module', '-e', script];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })) as LoadedPlugin;
}

describe('package', () => {
  it('is built: main, types and every export target exist (`prepare` builds on npm ci / npm install)', () => {
    expect(PACKAGE.scripts.prepare).toMatch(/\bnpm run build\b|tsc -p tsconfig\.build\.json/);
    expect(PACKAGE.scripts.build).toBe('tsc -p tsconfig.build.json');
    const targets = [
      PACKAGE.main,
      PACKAGE.types,
      ...Object.values(PACKAGE.exports).flatMap((target) =>
        typeof target === 'string' ? [target] : Object.values(target),
      ),
    ];
    for (const target of targets)
      expect(fs.existsSync(path.join(ROOT, target)), `${target} exists (run npm run build)`).toBe(true);
  });

  it.each(['require', 'import'] as const)('%s() by package name returns the plugin object', (loader) => {
    const loaded = loadInNode(loader);
    expect(loaded.keys.sort()).toEqual(['configs', 'meta', 'rules']);
    expect(loaded.meta).toEqual({ name: PACKAGE.name, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(loaded.rules).toEqual(RULE_NAMES);
    expect(loaded.configs).toEqual(['legacy-recommended', 'recommended', 'strict']);
  });

  it.each(['require', 'import'] as const)(
    '%s() does not load the typescript module (JS-only projects lint without it)',
    (loader) => {
      expect(loadInNode(loader).typescriptModules).toEqual([]);
    },
  );

  it('publishes dist, the CLI launcher, the rule docs and the README, and nothing else', () => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const files = (JSON.parse(output) as [{ files: { path: string }[] }])[0].files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'package.json',
        'bin/auth0-tokens.js',
        'dist/src/cli/index.js',
        'dist/src/index.js',
        'dist/src/index.d.ts',
        ...RULE_NAMES.map((name) => `docs/rules/${name}.md`),
      ]),
    );
    const unexpected = files.filter(
      (file) =>
        !/^(bin\/auth0-tokens\.js$|dist\/|docs\/|README\.md$|package\.json$|LICENSE)/.test(file) ||
        /\.test\.|^dist\/test\//.test(file),
    );
    expect(unexpected).toEqual([]);
  });
});
