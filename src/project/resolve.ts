/**
 * Module resolution for cross-file analysis, through ts-morph's TypeScript: relative imports and `tsconfig.json` /
 * `jsconfig.json` `paths`/`baseUrl`, with `allowJs`. Only specifiers are resolved; no source file is loaded into a
 * ts-morph project, so the cost stays with the files the text pre-filter selected.
 */
import fs from 'node:fs';
import path from 'node:path';

type Ts = typeof import('ts-morph').ts;

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
/** The files TypeScript tries, in its order, for a relative specifier without an extension (`allowJs`, no config). */
const PROBED_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];
/** A specifier ending in an extension TypeScript knows, which it maps (`.js` to `.ts`, ...) before trying. */
const KNOWN_EXTENSION = /\.(?:[cm]?[jt]sx?|json)$/i;

export class ModuleResolver {
  private ts: Ts | undefined;
  private readonly options = new Map<string, import('ts-morph').ts.CompilerOptions>();
  /** The nearest config file by directory, and whether a config maps bare specifiers: asked for every import. */
  private readonly configs = new Map<string, string | undefined>();
  private readonly mapsSpecifiers = new Map<string, boolean>();
  /** Answers by directory and specifier: every import is asked for by up to three passes of each migration round. */
  private readonly answers = new Map<string, string | undefined>();

  /** The absolute file `specifier` refers to from `containingFile`, or `undefined` (packages, unresolvable). */
  resolve(specifier: string, containingFile: string): string | undefined {
    const key = `${path.dirname(containingFile)}\0${specifier}`;
    if (this.answers.has(key)) return this.answers.get(key);
    const answer = this.lookUp(specifier, containingFile);
    this.answers.set(key, answer);
    return answer;
  }

  private lookUp(specifier: string, containingFile: string): string | undefined {
    if (!specifier.startsWith('.') && !specifier.startsWith('/') && !this.hasPaths(containingFile)) return undefined;
    const resolved = (this.probe(specifier, containingFile) ?? this.typeScriptLookUp(specifier, containingFile)).file;
    if (resolved) return resolved;
    // TypeScript does not resolve `.vue` single-file components.
    const direct = path.resolve(path.dirname(containingFile), specifier);
    return /\.vue$/.test(direct) && fs.existsSync(direct) ? direct : undefined;
  }

  private typeScriptLookUp(specifier: string, containingFile: string): { readonly file: string | undefined } {
    // Loaded only when some candidate imports another module the probe cannot answer for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.ts ??= (require('ts-morph') as typeof import('ts-morph')).ts;
    const resolved = this.ts.resolveModuleName(
      specifier,
      containingFile,
      this.compilerOptions(containingFile),
      this.ts.sys,
    ).resolvedModule;
    return {
      file: resolved && !resolved.isExternalLibraryImport ? path.resolve(resolved.resolvedFileName) : undefined,
    };
  }

  /**
   * TypeScript's answer without TypeScript (loading it costs half a second), where it is certain: a relative specifier
   * with no extension, where no config file applies. TypeScript tries the name plus each of `PROBED_EXTENSIONS`, in
   * that order, then the name as a directory; under `node_modules` what it finds is a library's (no project file).
   * `file` is undefined when TypeScript finds no project file; the answer is undefined when only TypeScript can tell
   * (an extension, a directory, `paths` and the other options of a config).
   */
  private probe(specifier: string, containingFile: string): { readonly file: string | undefined } | undefined {
    const name = specifier.slice(specifier.lastIndexOf('/') + 1);
    // `./dir/`, `.` and `..` name directories only; TypeScript reads `\` as `/`.
    if (!specifier.startsWith('.') || ['', '.', '..'].includes(name) || specifier.includes('\\')) return undefined;
    if (KNOWN_EXTENSION.test(specifier) || this.nearestConfig(path.dirname(containingFile))) return undefined;
    const candidate = path.resolve(path.dirname(containingFile), specifier);
    const found = PROBED_EXTENSIONS.map((extension) => candidate + extension).find(isFile);
    if (found === undefined && fs.statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return undefined;
    return { file: candidate.split(path.sep).includes('node_modules') ? undefined : found };
  }

  /** Whether bare specifiers may map to project files; read as text first so packages never load TypeScript. */
  private hasPaths(containingFile: string): boolean {
    const config = this.nearestConfig(path.dirname(containingFile));
    if (!config) return false;
    let maps = this.mapsSpecifiers.get(config);
    if (maps === undefined) {
      const options = /"(paths|baseUrl|extends)"/.test(fs.readFileSync(config, 'utf8'))
        ? this.configFor(containingFile)
        : undefined;
      maps = options !== undefined && (options.paths !== undefined || options.baseUrl !== undefined);
      this.mapsSpecifiers.set(config, maps);
    }
    return maps;
  }

  private compilerOptions(containingFile: string): import('ts-morph').ts.CompilerOptions {
    return {
      allowJs: true,
      moduleResolution: this.ts!.ModuleResolutionKind.Bundler,
      module: this.ts!.ModuleKind.ESNext,
      ...this.configFor(containingFile),
    };
  }

  /** Compiler options of the nearest `tsconfig.json` / `jsconfig.json` above a file (`extends` followed). */
  private configFor(file: string): import('ts-morph').ts.CompilerOptions | undefined {
    const config = this.nearestConfig(path.dirname(file));
    if (!config) return undefined;
    const cached = this.options.get(config);
    if (cached) return cached;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.ts ??= (require('ts-morph') as typeof import('ts-morph')).ts;
    const read = this.ts.readConfigFile(config, this.ts.sys.readFile);
    const parsed = this.ts.parseJsonConfigFileContent(
      read.config ?? {},
      this.ts.sys,
      path.dirname(config),
      undefined,
      config,
    );
    const options = { ...parsed.options, allowJs: true };
    this.options.set(config, options);
    return options;
  }

  /** The nearest `tsconfig.json` / `jsconfig.json` at or above a directory. */
  private nearestConfig(directory: string): string | undefined {
    if (this.configs.has(directory)) return this.configs.get(directory);
    const own = CONFIG_NAMES.map((name) => path.join(directory, name)).find((candidate) => fs.existsSync(candidate));
    const parent = path.dirname(directory);
    const found = own ?? (parent === directory ? undefined : this.nearestConfig(parent));
    this.configs.set(directory, found);
    return found;
  }
}

function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}
