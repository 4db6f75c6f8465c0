/** Project modules: each candidate text parsed and analysed, within the run's size limits, then linked and checked. */
import { CHECKS, RULE_NAMES } from '../analysis/checks';
import { projectPath } from '../analysis/environment';
import { moduleView, type ModuleView } from '../analysis/facts';
import type { FileFacts } from '../analysis/types';
import type { Located } from '../migration';
import { parseFile, ParseError, type ParsedUnit } from '../parse';
import { inheritEnvironments } from './environments';
import { linkModules } from './link';
import type { ProjectOptions } from './options';
import { overSizeLimit, relativePath } from './read';
import { ModuleResolver } from './resolve';
import type { FileError } from './types';

export interface Module {
  readonly file: string;
  readonly absolute: string;
  readonly text: string;
  readonly units: readonly { readonly unit: ParsedUnit; readonly view: ModuleView; facts: FileFacts }[];
}

export interface ProjectState {
  /** The modules kept for linking and reporting, in the order of the texts. */
  readonly modules: readonly Module[];
  /** The texts of the inert modules: analysed, found empty, and released unless a kept module imports them. */
  readonly inert: ReadonlyMap<string, string>;
  readonly errors: readonly FileError[];
  /** Located findings per module, from facts with every cross-file link applied. */
  readonly findings: ReadonlyMap<Module, Located[]>;
  /** Each linked module's flow: the modules joined by imports, shared storage keys and tokens, named by the first. */
  readonly flows: ReadonlyMap<Module, Module>;
  /** Resolves the modules' imports; kept for the migration rounds, whose files are the same. */
  readonly resolver: ModuleResolver;
}
/**
 * Parses and analyses each text, then links the modules (see `ModuleAnalysis`). The texts are those the first analysis
 * took, a migration round's edits included: no size limit may now drop a file that analysis kept.
 */
export function analyzeModules(
  texts: ReadonlyMap<string, string>,
  options: ProjectOptions,
  previous?: Pick<ProjectState, 'modules' | 'inert' | 'resolver'>,
): ProjectState {
  const analysis = new ModuleAnalysis({ ...options, maxFileBytes: undefined, maxTotalBytes: undefined }, previous);
  for (const [absolute, text] of texts) analysis.add(absolute, text);
  return analysis.finish(texts.keys());
}

export /**
 * Modules parsed and analysed one at a time, then linked. An inert module (most files the pre-filter lets through
 * only for a word like `idToken`) is not kept: its tree is released at once and parsed again only if another module
 * imports it. A migration round passes the `previous` state, so only the files it changed are parsed again.
 */
class ModuleAnalysis {
  private readonly parsed: ReadonlyMap<string, Module>;
  private readonly kept = new Map<string, Module>();
  private readonly inert = new Map<string, string>();
  private readonly errors: FileError[] = [];
  /** Bytes of source of the modules kept parsed so far (see `ProjectOptions.maxTotalBytes`). */
  private held = 0;

  constructor(
    private readonly options: ProjectOptions,
    private readonly previous?: Pick<ProjectState, 'modules' | 'inert' | 'resolver'>,
  ) {
    this.parsed = new Map(previous?.modules.map((module) => [module.absolute, module]));
  }

  /**
   * Parses and analyses a module, unless `provenInert` (the reader thread analysed it and found it inert). False when
   * the module is refused and reported: too large, or beyond the run's total; the caller then drops its text.
   */
  add(absolute: string, text: string, provenInert = false): boolean {
    const bytes = Buffer.byteLength(text);
    const refusal = this.refusal(bytes);
    if (refusal !== undefined) {
      this.errors.push({ file: relativePath(this.options.cwd, absolute), message: refusal });
      return false;
    }
    if (provenInert || this.previous?.inert.get(absolute) === text) {
      this.inert.set(absolute, text);
      return true;
    }
    const module = this.load(absolute, text);
    if (!module) return true;
    if (module.units.every(({ view }) => view.inert)) this.inert.set(absolute, text);
    else this.keep(module, bytes);
    return true;
  }

  /** Why a text of `bytes` is not analysed (see `ProjectOptions`), or undefined. */
  private refusal(bytes: number): string | undefined {
    const { maxFileBytes, maxTotalBytes } = this.options;
    if (overSizeLimit(bytes, maxFileBytes)) {
      return `too large to analyse (${megabytes(bytes)} MB; the limit is ${megabytes(maxFileBytes!)} MB): skipped; bundles and generated code are migrated through their sources`;
    }
    if (maxTotalBytes !== undefined && this.held + bytes > maxTotalBytes) {
      return `not analysed: the run already holds ${megabytes(this.held)} MB of Auth0-related code (the limit is ${megabytes(maxTotalBytes)} MB); analyse this path in a separate run or raise --max-total-size`;
    }
    return undefined;
  }

  /** Keeps a parsed module until the run ends: only these count toward the total, an inert module's tree is dropped. */
  private keep(module: Module, bytes: number): void {
    this.kept.set(module.absolute, module);
    this.held += bytes;
  }

  /** Links the modules, ordered as `order` lists them, and checks each. */
  finish(order: Iterable<string>): ProjectState {
    const resolver = this.previous?.resolver ?? new ModuleResolver();
    // An inert module imports nothing, so loading the ones kept modules import is enough.
    for (const module of [...this.kept.values()]) {
      for (const source of new Set(module.units.flatMap(({ view }) => view.importSources))) {
        const target = resolver.resolve(source, module.absolute);
        const text = target === undefined ? undefined : this.inert.get(target);
        if (text === undefined || this.kept.has(target!)) continue;
        const imported = this.load(target!, text);
        if (imported) this.keep(imported, Buffer.byteLength(text));
      }
    }
    const modules = [...order].flatMap((absolute) => this.kept.get(absolute) ?? []);
    const flows = linkModules(modules, resolver);
    inheritEnvironments(modules, (source, from) => resolver.resolve(source, from));
    const findings = new Map<Module, Located[]>();
    for (const module of modules) {
      const located: Located[] = [];
      for (const { unit, facts } of module.units) {
        for (const rule of RULE_NAMES)
          for (const finding of CHECKS[rule](facts, unit.text, this.options))
            located.push({ rule, finding, offset: unit.offset });
      }
      findings.set(
        module,
        located.sort((a, b) => a.offset + a.finding.node.range[0] - (b.offset + b.finding.node.range[0])),
      );
    }
    return { modules, inert: this.inert, errors: this.errors, findings, flows, resolver };
  }

  private load(absolute: string, text: string): Module | undefined {
    const file = relativePath(this.options.cwd, absolute);
    try {
      const reused = this.parsed.get(absolute);
      const units = (reused?.text === text ? reused.units.map(({ unit }) => unit) : parseFile(absolute, text)).map(
        (unit) => {
          const view = moduleView(unit.program, unit.text, unit.scopeManager, projectPath(absolute, this.options.cwd));
          return { unit, view, facts: view.facts };
        },
      );
      return { file, absolute, text, units };
    } catch (error) {
      // A bug in the analysis of one file is that file's error: the rest of the run still counts.
      this.errors.push({ file, message: analysisFailure(absolute, error) });
      return undefined;
    }
  }
}

/** Why a file could not be analysed, said for its reader: a parse error, a nesting too deep to follow, or a bug. */
function analysisFailure(absolute: string, error: unknown): string {
  if (error instanceof ParseError) return error.message.replace(`${absolute}: `, '');
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'nested too deeply to analyse: skipped';
  return `internal error while analysing: ${(error as Error).message}`;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
