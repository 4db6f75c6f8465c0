/**
 * Which files a run analyses: the paths given, walked with `.gitignore` files (nested ones too), `--ignore` patterns
 * and the default ignores (vendor folders, and the folders `.bowerrc` files name) applied, filtered by extension, and
 * split into shards. Missing paths, symbolic link loops and unreadable directories become per-file errors; the walk
 * goes on.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { errorText, relativePath } from '../project/read';
import type { FileError } from '../project/types';
import { isBackupName } from './backups';

export { relativePath };

export const DEFAULT_EXTENSIONS = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts', 'vue', 'html', 'htm'] as const;

/**
 * Gitignore-style patterns skipped unless `--no-default-ignores`: dependencies, vendored copies of libraries, build
 * output, minified bundles. Relative to each walked path; a pattern without an inner `/` matches at any depth.
 * `public/lib/` is not among them: it was MEAN.js's bower folder, but as often a project's own code, and a project
 * that installs there says so in its `.bowerrc` (read by the walker, see `readBowerrc`).
 */
export const DEFAULT_IGNORES = [
  'node_modules/',
  'bower_components/',
  'jspm_packages/',
  'vendor/',
  'vendors/',
  'third_party/',
  'third-party/',
  // Ionic 1 / Cordova's bower folder, wherever the app lies in the tree.
  '**/www/lib/',
  'dist/',
  'build/',
  'coverage/',
  '*.min.js',
  '*.min.mjs',
  '*.min.cjs',
  '*.bundle.js',
  '*-bundle.js',
  '*.chunk.js',
] as const;

/**
 * A bundler's output named by its content hash (`main.32fa654471932910.js`, `app.3f2a9c1e.js`): webpack's and
 * Angular's `[name].[contenthash].js`, wherever it was deployed (`docs/`, `public/`). Gitignore patterns cannot
 * count hexadecimal digits, so this one is a pattern of its own, applied with the default ignores.
 */
const CONTENT_HASHED_BUNDLE = /\.[0-9a-f]{8,}\.(?:m|c)?js$/i;

const LINK_LOOP = 'symbolic link loop; not followed';

export interface DiscoveryOptions {
  readonly cwd: string;
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  /** Gitignore-style patterns, relative to `cwd` (or to the walked path when it lies outside `cwd`). */
  readonly ignore: readonly string[];
  readonly gitignore: boolean;
  readonly defaultIgnores: boolean;
}

export interface Discovery {
  /** Absolute paths, ordered by their path relative to `cwd`. */
  readonly files: string[];
  /** Symbolic link loops and broken links met during the walk, and the missing paths. */
  readonly errors: FileError[];
  /** Paths given on the command line that do not exist (also in `errors`). */
  readonly missing: string[];
  /** Backups a killed `migrate` left beside the files (absolute), found whatever the ignore rules say. */
  readonly leftovers: string[];
}

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** Parses `--extensions` (`js,.ts, vue`) into lower-case extensions without dots. */
export function parseExtensions(values: readonly string[]): string[] {
  return [
    ...new Set(
      values
        .flatMap((value) => value.split(','))
        .map((value) => value.trim().replace(/^\./, '').toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** Parses `--shard i/n`; returns an error message for anything but whole numbers `1 <= i <= n` that count exactly. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  // Beyond the safe integers, `Number` rounds: `1/99999999999999999999` would name a shard no file falls into.
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    return `--shard must be i/n, whole numbers with 1 <= i <= n <= ${Number.MAX_SAFE_INTEGER} (got '${text}')`;
  }
  return { index, count };
}

/**
 * Whether a file belongs to a shard: FNV-1a of its `cwd`-relative POSIX path, mod the shard count. Every file is in
 * exactly one shard, the same one on every machine, and adding a file never moves another to a different shard.
 */
export function inShard(relative: string, shard: Shard): boolean {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(relative, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash % shard.count === shard.index - 1;
}

/**
 * Walks the given paths. A directory is walked with every ignore rule; a file named on the command line is taken
 * when its extension matches, whatever the ignore rules say (it was asked for by name).
 */
export function discoverFiles(paths: readonly string[], options: DiscoveryOptions): Discovery {
  const walker = new Walker(options);
  const missing: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(options.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      if (isCode(error, 'ENOENT')) {
        missing.push(given);
        walker.errors.push({
          file: relativePath(options.cwd, absolute),
          message: 'no such file or directory (given on the command line)',
        });
      } else
        walker.errors.push({
          file: relativePath(options.cwd, absolute),
          message: isCode(error, 'ELOOP') ? LINK_LOOP : errorText(error),
        });
      continue;
    }
    if (stat.isDirectory()) walker.walkRoot(absolute);
    else {
      walker.takeFile(absolute, stat);
      walker.findLeftoversOf(absolute);
    }
  }
  const files = [...walker.files]
    .map((file) => ({ file, key: relativePath(options.cwd, file) }))
    .sort((a, b) => compare(a.key, b.key))
    .map(({ file }) => file);
  // A path both named and walked has its error once.
  const errors = [...new Map(walker.errors.map((error) => [`${error.file}\0${error.message}`, error])).values()].sort(
    (a, b) => compare(a.file, b.file),
  );
  return { files, errors, missing, leftovers: [...walker.leftovers].sort(compare) };
}

interface IgnoreScope {
  /** Directory the patterns are relative to. */
  readonly base: string;
  readonly rules: Ignore;
}

const BOWERRC = '.bowerrc';

class Walker {
  readonly files = new Set<string>();
  readonly errors: FileError[] = [];
  readonly leftovers = new Set<string>();
  /** Real paths of files and directories already taken, so a file reached through two links is analysed once. */
  private readonly seen = new Set<string>();
  private readonly extensions: Set<string>;
  private readonly defaults = ignore().add([...DEFAULT_IGNORES]);
  private readonly userIgnores: Ignore;

  constructor(private readonly options: DiscoveryOptions) {
    this.extensions = new Set(options.extensions);
    this.userIgnores = ignore().add([...options.ignore]);
  }

  private hasExtension(file: string): boolean {
    return this.extensions.has(path.extname(file).slice(1).toLowerCase());
  }

  /**
   * Takes a file with a wanted extension; a FIFO or a device would block the read or never end, so it is an error.
   * `real` is its real path when known without asking the file system (a plain entry of a walked directory).
   */
  takeFile(file: string, kind: fs.Stats | fs.Dirent, real = realPath(file)): void {
    if (!this.hasExtension(file)) return;
    if (!kind.isFile()) {
      this.errors.push({
        file: relativePath(this.options.cwd, file),
        message: 'not a regular file (a FIFO, socket or device): skipped',
      });
      return;
    }
    if (this.seen.has(real)) return;
    this.seen.add(real);
    this.files.add(file);
  }

  /** The backups beside a file named on the command line. */
  findLeftoversOf(file: string): void {
    let names: string[];
    try {
      names = fs.readdirSync(path.dirname(file));
    } catch {
      return;
    }
    const prefix = `.${path.basename(file)}.`;
    for (const name of names)
      if (name.startsWith(prefix) && isBackupName(name)) this.leftovers.add(path.join(path.dirname(file), name));
  }

  walkRoot(root: string): void {
    const scopes = this.options.gitignore ? ancestorGitignores(root) : [];
    const bower = this.options.defaultIgnores ? ancestorBowerDirectories(root, this.options.cwd) : [];
    const real = realPath(root);
    this.walkDirectory(root, real, root, scopes, bower, new Set([real]));
  }

  /**
   * `real` is the directory's real path: only symbolic links need the file system to tell it. `bower` holds the
   * absolute folders the `.bowerrc` files above name (bower's install folders), skipped with everything in them.
   */
  private walkDirectory(
    directory: string,
    real: string,
    root: string,
    scopes: readonly IgnoreScope[],
    bower: readonly string[],
    ancestors: ReadonlySet<string>,
  ): void {
    if (this.seen.has(real)) return;
    this.seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      this.errors.push({
        file: relativePath(this.options.cwd, directory),
        message: `cannot read directory: ${errorText(error)}`,
      });
      return;
    }
    const own = this.options.gitignore ? readGitignore(directory) : undefined;
    const inScope = own ? [...scopes, own] : scopes;
    const bowerFolder =
      this.options.defaultIgnores && entries.some((entry) => entry.name === BOWERRC)
        ? readBowerrc(directory)
        : undefined;
    const inBower = bowerFolder ? [...bower, bowerFolder] : bower;
    const compiled = this.options.defaultIgnores ? compiledBesideSource(entries) : undefined;
    // Both are normalised absolute paths and an entry's name has no separator: joining needs no normalising.
    const prefix = withSeparator(directory);
    const realPrefix = withSeparator(real);
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
      if (entry.name === '.git' || compiled?.has(entry.name)) continue;
      const full = prefix + entry.name;
      if (entry.isFile() && isBackupName(entry.name)) {
        this.leftovers.add(full);
        continue;
      }
      let kind: fs.Stats | fs.Dirent = entry;
      if (entry.isSymbolicLink()) {
        try {
          kind = fs.statSync(full);
        } catch (error) {
          // A dangling link to something that is not source is no concern of this run.
          if (isCode(error, 'ELOOP'))
            this.errors.push({ file: relativePath(this.options.cwd, full), message: LINK_LOOP });
          else if (this.hasExtension(full))
            this.errors.push({
              file: relativePath(this.options.cwd, full),
              message: `broken symbolic link: ${errorText(error)}`,
            });
          continue;
        }
      }
      const isDirectory = kind.isDirectory();
      if (this.ignored(full, root, inScope, isDirectory) || inBower.some((folder) => isWithin(full, folder))) continue;
      const target = entry.isSymbolicLink() ? realPath(full) : real === directory ? full : realPrefix + entry.name;
      if (isDirectory) {
        if (ancestors.has(target)) {
          this.errors.push({
            file: relativePath(this.options.cwd, full),
            message: 'symbolic link loop (links to a directory that contains it); not followed',
          });
          continue;
        }
        this.walkDirectory(full, target, root, inScope, inBower, new Set([...ancestors, target]));
      } else this.takeFile(full, kind, target);
    }
  }

  private ignored(full: string, root: string, scopes: readonly IgnoreScope[], isDirectory: boolean): boolean {
    const suffix = isDirectory ? '/' : '';
    const fromRoot = () => relativePath(root, full) + suffix;
    if (
      this.options.defaultIgnores &&
      (this.defaults.ignores(fromRoot()) || (!isDirectory && CONTENT_HASHED_BUNDLE.test(full)))
    )
      return true;
    if (this.options.ignore.length > 0) {
      const fromCwd = relativePath(this.options.cwd, full);
      const outsideCwd = /^\.\.(\/|$)/.test(fromCwd) || path.isAbsolute(fromCwd);
      if (this.userIgnores.ignores(outsideCwd ? fromRoot() : fromCwd + suffix)) return true;
    }
    // The deepest .gitignore with an opinion wins, as in git: a nested `!pattern` re-includes what a parent excluded.
    for (let index = scopes.length - 1; index >= 0; index--) {
      const scope = scopes[index]!;
      const verdict = scope.rules.test(relativePath(scope.base, full) + suffix);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}

/**
 * The `.js` files of a directory that sit beside their TypeScript source (`app.component.js` next to
 * `app.component.ts`): compiled output, committed by early Angular and Ionic projects, whose findings would repeat
 * the source's and whose migration would be overwritten by the next build.
 */
function compiledBesideSource(entries: readonly fs.Dirent[]): Set<string> | undefined {
  const sources = new Set(
    entries
      .filter((entry) => /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => entry.name.replace(/\.tsx?$/, '')),
  );
  if (sources.size === 0) return undefined;
  return new Set(
    entries
      .filter((entry) => /\.jsx?$/.test(entry.name) && sources.has(entry.name.replace(/\.jsx?$/, '')))
      .map((entry) => entry.name),
  );
}

/**
 * The .gitignore files above `root` up to the repository's top (the nearest ancestor holding `.git`), top first.
 * Outside a repository only the .gitignore files inside the walked tree apply.
 */
function ancestorGitignores(root: string): IgnoreScope[] {
  const chain: string[] = [];
  for (let directory = root; !fs.existsSync(path.join(directory, '.git'));) {
    const parent = path.dirname(directory);
    if (parent === directory) return [];
    chain.unshift(parent);
    directory = parent;
  }
  return chain.flatMap((directory) => readGitignore(directory) ?? []);
}

function readGitignore(directory: string): IgnoreScope | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: directory, rules: ignore().add(text) };
}

/**
 * The folders named by the `.bowerrc` files above `root` that lie inside it (`scan www` with `www/lib` named at the
 * top). The files read are those up to the repository's top (the nearest ancestor holding `.git`), or outside a
 * repository up to `cwd` when `root` is beneath it. A folder that is `root` or holds it is not skipped: it was asked for.
 */
function ancestorBowerDirectories(root: string, cwd: string): string[] {
  const chain: string[] = [];
  let top: string | undefined;
  for (let directory = root; ;) {
    if (fs.existsSync(path.join(directory, '.git'))) {
      top = directory;
      break;
    }
    const parent = path.dirname(directory);
    if (parent === directory) break;
    chain.unshift(parent);
    directory = parent;
  }
  const resolvedCwd = path.resolve(cwd);
  if (top === undefined) top = isWithin(root, resolvedCwd) ? resolvedCwd : root;
  return chain
    .filter((directory) => isWithin(directory, top))
    .flatMap((directory) => readBowerrc(directory) ?? [])
    .filter((folder) => folder !== root && isWithin(folder, root));
}

/**
 * The folder a directory's `.bowerrc` names (`{ "directory": "www/lib" }`, relative to that directory), as an absolute
 * path strictly inside the directory. An unreadable or invalid file, a missing or empty `directory`, or one that
 * leaves the directory (`../x`, `.`, an absolute path elsewhere) names nothing.
 */
function readBowerrc(directory: string): string | undefined {
  let config: unknown;
  try {
    config = JSON.parse(fs.readFileSync(path.join(directory, BOWERRC), 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const named = (config as { directory?: unknown } | null)?.directory;
  if (typeof named !== 'string' || named.trim() === '') return undefined;
  const folder = path.resolve(directory, named.trim());
  return folder !== directory && isWithin(folder, directory) ? folder : undefined;
}

/** Whether `file` is `directory` or lies beneath it (both absolute and normalised). */
function isWithin(file: string, directory: string): boolean {
  return file === directory || file.startsWith(withSeparator(directory));
}

function withSeparator(directory: string): string {
  return directory.endsWith(path.sep) ? directory : directory + path.sep;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
