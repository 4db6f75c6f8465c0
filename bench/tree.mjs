/**
 * Deterministic benchmark trees, no network: real JS/TS files from the project's own `node_modules` (code that never
 * uses Auth0) plus generated legacy Auth0 files at `legacyShare` of the tree, or, for the dense tree, whole copies of
 * every JS/TS file of `fixtures/` (the codemod's inputs and outputs and the demo app) at `denseShare`. The same seed
 * gives the same tree; a smaller tree's real files are a prefix of a larger one's, so the sizes differ only in how
 * many files they hold.
 *
 *   node bench/tree.mjs <dir> <size> [--seed N] [--dense]   builds one tree and prints its manifest
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom, legacyFiles } from './legacy.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built CLI every benchmark runs. */
export const BIN = path.join(ROOT, 'bin/auth0-tokens.js');
/** The extensions every measured tool is given (the CLI's defaults minus `.vue`, which the baselines cannot parse). */
export const EXTENSIONS = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts'];
/**
 * Real files above this size are left out of the trees: `node_modules` holds a few multi-megabyte bundles and lib
 * typings (TypeScript's own 9 MB `typescript.js`) that application source trees do not, and sampling them with
 * replacement would let a handful of files decide every figure. The sweep covers them.
 */
export const MAX_REAL_FILE_BYTES = 256 * 1024;
export const DEFAULT_SEED = 20240601;
export const LEGACY_SHARE = 0.015;
/** The dense tree's share of fixture copies: every shape the tool knows, far denser than real apps' Auth0 code. */
export const DENSE_SHARE = 0.02;
/** Where the dense tree's Auth0 code comes from: every fixture, and the demo app (`fixtures/legacy-app`). */
const FIXTURES = path.join(ROOT, 'fixtures');
/**
 * The folders the fixture copies go under, so that they sit at depths and under names an application's source has
 * (cross-file links only ever point within one copy, whose layout is kept).
 */
const DENSE_PARENTS = [
  'src/features',
  'packages/*/src',
  'apps/*/client',
  'web/static/js',
  'modules/*',
  'client/src/legacy',
];
const DENSE_NAMES = ['billing', 'profile', 'admin', 'portal', 'notes', 'account', 'store', 'support', 'reports'];

/** Every regular JS/TS file under `directory` (symbolic links not followed), as sorted paths relative to it. */
export function sourceFiles(directory, extensions = EXTENSIONS) {
  const wanted = new Set(extensions.map((extension) => `.${extension}`));
  const found = [];
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && wanted.has(path.extname(entry.name).toLowerCase()))
        found.push(path.relative(directory, full));
    }
  };
  walk(directory);
  return found.sort();
}

/** The real files a tree may use: text files under the size cap, and how many were left out and why. */
export function realFilePool(nodeModules = path.join(ROOT, 'node_modules')) {
  const pool = [];
  let tooLarge = 0;
  let binary = 0;
  for (const file of sourceFiles(nodeModules)) {
    const absolute = path.join(nodeModules, file);
    const size = fs.statSync(absolute).size;
    if (size > MAX_REAL_FILE_BYTES) tooLarge++;
    else if (fs.readFileSync(absolute).includes(0)) binary++;
    else pool.push({ source: absolute, file });
  }
  return { pool, tooLarge, binary };
}

function shuffled(items, random) {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.int(index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/**
 * `node_modules/a/node_modules/b.js` -> `vendor/a/vendor/b.js`: ESLint skips `node_modules` whatever its config, and
 * every tool must see the same files. `copy` > 1 places a file sampled again under its own directory.
 */
function treePath(file, copy) {
  const parts = file.split(path.sep).map((part) => (part === 'node_modules' ? 'vendor' : part));
  return path.join(copy > 1 ? `vendor-copy${copy}` : 'vendor', ...parts);
}

/**
 * The root of each fixture copy, relative to the tree: `packages/billing/src/copy-3`, `web/static/js/copy-1`, ... A
 * copy's number keeps every root distinct.
 */
function denseRoots(random, copies) {
  const roots = [];
  for (let copy = 1; copy <= copies; copy++) {
    const parent = random.pick(DENSE_PARENTS).replace('*', random.pick(DENSE_NAMES));
    roots.push(`${parent}/copy-${copy}`);
  }
  return roots;
}

/**
 * The dense tree's Auth0 files: `copies` whole copies of every JS/TS file of `fixtures/`, each copy under a root of
 * its own, as `{ path, source }` with paths relative to the tree.
 */
function denseFiles(random, copies) {
  const fixtures = sourceFiles(FIXTURES);
  const roots = denseRoots(random, copies);
  return {
    roots,
    files: roots.flatMap((root) =>
      fixtures.map((file) => ({ path: path.join(root, file), source: path.join(FIXTURES, file) })),
    ),
  };
}

/** How many whole copies of the fixtures make `share` of a tree of `size` files: at least one. */
function denseCopies(size, share) {
  return Math.max(1, Math.round((size * share) / sourceFiles(FIXTURES).length));
}

/**
 * Builds a tree of `size` files in `directory` (emptied first). When the pool holds fewer real files than the tree
 * needs, files are sampled again (with replacement) under distinct paths; the manifest says how many. With
 * `denseShare`, whole copies of the fixtures take that share of the tree (the nearest whole number of copies) in
 * place of the generated legacy files.
 */
export function buildTree(
  directory,
  size,
  { seed = DEFAULT_SEED, legacyShare = LEGACY_SHARE, denseShare = 0, realPool = realFilePool() } = {},
) {
  fs.rmSync(directory, { recursive: true, force: true });
  const dense = denseShare > 0 ? denseFiles(createRandom(seed + 3), denseCopies(size, denseShare)) : undefined;
  const legacyCount = dense ? 0 : Math.max(1, Math.round(size * legacyShare));
  const realCount = size - legacyCount - (dense?.files.length ?? 0);
  const order = shuffled(realPool.pool, createRandom(seed));
  const resample = createRandom(seed + 1);
  const copies = new Map();
  let bytes = 0;
  let resampled = 0;
  for (let index = 0; index < realCount; index++) {
    const entry = index < order.length ? order[index] : order[resample.int(order.length)];
    if (index >= order.length) resampled++;
    const copy = (copies.get(entry) ?? 0) + 1;
    copies.set(entry, copy);
    const target = path.join(directory, treePath(entry.file, copy));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(entry.source, target);
    bytes += fs.statSync(target).size;
  }
  const legacy = legacyFiles(createRandom(seed + 2), legacyCount);
  for (const file of legacy) {
    const target = path.join(directory, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.text);
    bytes += Buffer.byteLength(file.text);
  }
  for (const file of dense?.files ?? []) {
    const target = path.join(directory, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file.source, target);
    bytes += fs.statSync(target).size;
  }
  const shapes = {};
  for (const file of legacy) shapes[file.shape] = (shapes[file.shape] ?? 0) + 1;
  return {
    size,
    seed,
    realFiles: realCount,
    distinctRealFiles: Math.min(realCount, order.length),
    resampledRealFiles: resampled,
    legacyFiles: legacy.length,
    legacyShapes: shapes,
    denseFiles: dense?.files.length ?? 0,
    denseRoots: dense?.roots ?? [],
    bytes,
    pool: {
      files: realPool.pool.length,
      leftOutTooLarge: realPool.tooLarge,
      leftOutBinary: realPool.binary,
      maxFileBytes: MAX_REAL_FILE_BYTES,
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [directory, size] = process.argv.slice(2);
  const seedIndex = process.argv.indexOf('--seed');
  if (!directory || !Number(size)) {
    console.error('usage: node bench/tree.mjs <dir> <size> [--seed N] [--dense]');
    process.exit(2);
  }
  const manifest = buildTree(path.resolve(directory), Number(size), {
    ...(seedIndex === -1 ? {} : { seed: Number(process.argv[seedIndex + 1]) }),
    ...(process.argv.includes('--dense') ? { denseShare: DENSE_SHARE } : {}),
  });
  console.log(JSON.stringify(manifest, null, 2));
}
