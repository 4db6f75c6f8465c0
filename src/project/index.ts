/**
 * Project-wide analysis: the per-file recogniser on every candidate file, then the links between modules that the
 * ESLint rules cannot see (a login in `auth.js`, the token stored or exported there, the Management call in
 * `profile.js`), so each token request is judged by every call its tokens reach. Feeds `scan`, `scopes` and `migrate`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { CHECKS, RULE_NAMES, type CheckOptions } from '../analysis/checks';
import type { TSESTree } from '@typescript-eslint/utils';
import type { CrossFileFacts } from '../analysis/credentials';
import type { ManagementClient } from '../analysis/management-clients';
import { applyEdits } from '../analysis/edits';
import { moduleView, type ModuleView } from '../analysis/facts';
import { linkedCalls, requiredScopes, scopeList, siblingWrites } from '../analysis/findings';
import type { FileFacts, ManagementCall, Node, Provenance, TextEdit, TokenRequest } from '../analysis/types';
import { isAnyUserScope, isCurrentUserScope } from '../catalog';
import { annotate, message, migratingEdits, parsesTheSame, site, type Located } from '../migration';
import { parseFile, ParseError, type ParsedUnit } from '../parse';
import { nextMessage } from '../thread-messages';
import { projectPath } from '../analysis/environment';
import { inheritEnvironments } from './environments';
import { firstRead, readText, relativeImports, relativePath, type FirstRead } from './read';
import type { ReaderData } from './reader';
import { ModuleResolver } from './resolve';
import type { CallSite, FileError, FileMigration, ManagementCallReport, ProjectAnalysis, ProjectFinding, ProjectReport, TokenRequestReport } from './types';

export type * from './types';

export interface ProjectOptions extends CheckOptions {
  /** Files are reported relative to this directory. */
  readonly cwd: string;
  /**
   * Auth0-related files over this many bytes are reported and not parsed: a file costs 100 to 150 bytes of memory per
   * byte of source while it is analysed, and such files are bundles or generated code. No limit when undefined.
   */
  readonly maxFileBytes?: number;
  /**
   * The most source, in bytes, of the modules one run keeps parsed: modules with something to check or link stay
   * parsed until the run ends, at 100 to 150 bytes of memory per byte of source (an inert module's tree is dropped).
   * A file that would take the total beyond this is reported and not analysed, so memory stays bounded however many
   * there are. No limit when undefined.
   */
  readonly maxTotalBytes?: number;
}

const MAX_ROUNDS = 3;

/** Analyses the given files (absolute paths) as one project. Bad files become `errors`, never exceptions. */
export function analyzeProject(files: readonly string[], options: ProjectOptions, onProgress?: (done: number, total: number) => void): ProjectAnalysis {
  const errors: FileError[] = [];
  const { texts, scanned, skipped, state } = analyseCandidates(files, options, errors, onProgress);
  // Handed to the first `migrate` and forgotten here, so a migration can release what it re-analyses.
  let analysed: ProjectState | undefined = state;
  const take = (): ProjectState => {
    const state = analysed ?? analyzeModules(texts, options);
    analysed = undefined;
    return state;
  };
  return {
    report: {
      ...buildReport(state, options),
      errors: [...errors, ...state.errors],
      scannedFiles: scanned,
      skippedFiles: skipped,
      filesScanned: scanned.length,
      filesSkipped: skipped.length,
    },
    migrate: ({ annotate: withTodos }) => migrateProject(texts, take, options, withTodos),
  };
}

interface Module {
  readonly file: string;
  readonly absolute: string;
  readonly text: string;
  readonly units: readonly { readonly unit: ParsedUnit; readonly view: ModuleView; facts: FileFacts }[];
}

interface ProjectState {
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

interface Candidates {
  /** The texts of the files worth parsing, by absolute path, in the order given. */
  readonly texts: ReadonlyMap<string, string>;
  /** Every readable file, and those of them not worth parsing; `cwd`-relative. */
  readonly scanned: readonly string[];
  readonly skipped: readonly string[];
}

const RESOLVED_SUFFIXES = ['', '.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.vue', '/index.js', '/index.ts', '/index.jsx', '/index.tsx'];
/** Below this many files a reader thread costs more to start than it saves. */
const READER_THREAD_MIN_FILES = 2000;
/** Below the main thread's 984 KB (V8's default): what overflows there overflows on the reader thread first. */
const READER_STACK_MB = 0.9;
/** The reader thread's script: the build's; a run from the TypeScript sources (the tests) reads on the main thread. */
const READER_SCRIPT = path.join(__dirname, 'reader.js');

/**
 * The first analysis: selected files are parsed as they are read, while the reader thread (on large runs) reads on.
 * A function of its own so that nothing outlives it but what it returns: a closure over the analysis would keep every
 * first-pass tree alive through the migration that replaces them.
 */
function analyseCandidates(files: readonly string[], options: ProjectOptions, errors: FileError[], onProgress?: (done: number, total: number) => void): Candidates & { readonly state: ProjectState } {
  const analysis = new ModuleAnalysis(options);
  const candidates = readCandidates(files, options, errors, (file, text, inert) => analysis.add(file, text, inert), onProgress);
  return { ...candidates, state: analysis.finish(candidates.texts.keys()) };
}

/**
 * Reads every file once and keeps only the texts worth parsing: those the text pre-filter selects, and the modules
 * they import or that import them by a relative path (a page calling `management.getUser` on a client another module
 * exports, a helper that takes the token as a parameter, may mention nothing Auth0-related). Other texts are dropped
 * as soon as their imports are known, so memory follows the Auth0-related code, not the tree. `onCandidate` gets each
 * text worth parsing as soon as it is known: a selected file as it is read (`inert` if the reader thread proved that
 * analysing it finds nothing), the neighbours once all are read. It returns false for a file the analysis refused
 * (and reported): its text is dropped at once, and the file is neither a candidate nor skipped.
 */
function readCandidates(files: readonly string[], options: ProjectOptions, errors: FileError[], onCandidate: (file: string, text: string, inert: boolean) => boolean, onProgress?: (done: number, total: number) => void): Candidates {
  /** Each readable file's absolute path and its name in reports. */
  const readable = new Map<string, string>();
  const selected = new Map<string, string>();
  const refused = new Set<string>();
  const importsOf = new Map<string, string>();
  readFirst(files, options.maxFileBytes, (index, read) => {
    onProgress?.(index + 1, files.length);
    const file = files[index]!;
    const name = relativePath(options.cwd, file);
    if (read.kind === 'error') {
      errors.push({ file: name, message: read.message });
      return;
    }
    readable.set(file, name);
    if (read.kind === 'selected') {
      if (onCandidate(file, read.text, read.inert === true)) selected.set(file, read.text);
      else refused.add(file);
    } else if (read.imports !== '') importsOf.set(file, read.imports);
  });
  const resolved = (file: string, specifier: string): string | undefined => {
    const target = path.resolve(path.dirname(file), specifier);
    return RESOLVED_SUFFIXES.map((suffix) => target + suffix).find((candidate) => readable.has(candidate));
  };
  // Most files import dozens of relative paths and no selected file: only a path whose last segment names one
  // (`./auth`, `./auth.js`, `./auth/` for `auth/index.js`) is worth resolving.
  const selectedNames = new Set([...selected.keys()].flatMap((file) => importNames(file)));
  const mayNameSelected = (specifier: string): boolean => {
    const last = specifier.split('/').filter(Boolean).at(-1)!;
    return last === '.' || last === '..' || importNames(last).some((name) => selectedNames.has(name));
  };
  const neighbours = new Set<string>();
  for (const [file, specifiers] of importsOf) {
    if (specifiers.split('\n').some((specifier) => mayNameSelected(specifier) && selected.has(resolved(file, specifier) ?? ''))) neighbours.add(file);
  }
  for (const [file, text] of selected) {
    for (const specifier of relativeImports(text)) {
      const neighbour = resolved(file, specifier);
      if (neighbour !== undefined && !selected.has(neighbour)) neighbours.add(neighbour);
    }
  }
  const texts = new Map<string, string>();
  const skipped: string[] = [];
  for (const [file, name] of readable) {
    const text = selected.get(file);
    if (text !== undefined) texts.set(file, text);
    else if (refused.has(file)) continue;
    else if (!neighbours.has(file)) skipped.push(name);
    else {
      // A neighbour is read again: keeping every text until the neighbours are known would hold the whole tree.
      const neighbour = readText(file, name, errors);
      if (neighbour !== undefined && onCandidate(file, neighbour, false)) texts.set(file, neighbour);
    }
  }
  return { texts, scanned: [...readable.values()], skipped };
}

/**
 * Gives each file's first read to `onRead`, in order. A large run reads on a thread of its own, so that reading and
 * pre-filtering the tree overlap with parsing what it selects; this thread waits for each batch on a shared counter.
 */
function readFirst(files: readonly string[], maxFileBytes: number | undefined, onRead: (index: number, read: FirstRead) => void): void {
  if (files.length < READER_THREAD_MIN_FILES || !fs.existsSync(READER_SCRIPT)) {
    files.forEach((file, index) => onRead(index, firstRead(file)));
    return;
  }
  const posted = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const data: ReaderData = { files, maxFileBytes, posted, port: port2 };
  // A small young generation: the reader's texts die young, and the thread should add little to the peak memory.
  // A stack smaller than this thread's: code nested too deeply for this thread is never proven inert there.
  const reader = new Worker(READER_SCRIPT, { workerData: data, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 4, stackSizeMb: READER_STACK_MB } });
  // A thread that died (out of memory, say) says so only once this thread is back in its event loop, after the silence
  // below has handed its work to this thread; unheard, the event would end the process.
  reader.on('error', () => undefined);
  let index = 0;
  try {
    while (index < files.length) {
      const received = nextMessage<FirstRead[] | { readonly failure: string }>(port1, posted);
      // A silent thread is taken for gone: this thread reads the rest.
      if (!received) break;
      const { message } = received;
      if (!Array.isArray(message)) throw new Error(`the reader thread failed: ${message.failure}`);
      for (const read of message) onRead(index++, read);
    }
  } finally {
    port1.close();
    void reader.terminate();
  }
  for (; index < files.length; index++) onRead(index, firstRead(files[index]!));
}

/** The names an import of a file may end with: `auth.js`, `auth`, and `auth` for `auth/index.js`. */
function importNames(file: string): string[] {
  const segments = file.split(/[\\/]/);
  const last = segments.at(-1)!;
  const stem = last.replace(/\.[^.]*$/, '');
  return stem === 'index' && segments.length > 1 ? [last, stem, segments.at(-2)!] : [last, stem];
}

/**
 * Parses and analyses each text, then links the modules (see `ModuleAnalysis`). The texts are those the first analysis
 * took, a migration round's edits included: no size limit may now drop a file that analysis kept.
 */
function analyzeModules(texts: ReadonlyMap<string, string>, options: ProjectOptions, previous?: Pick<ProjectState, 'modules' | 'inert' | 'resolver'>): ProjectState {
  const analysis = new ModuleAnalysis({ ...options, maxFileBytes: undefined, maxTotalBytes: undefined }, previous);
  for (const [absolute, text] of texts) analysis.add(absolute, text);
  return analysis.finish(texts.keys());
}

/**
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
    if (maxFileBytes !== undefined && bytes > maxFileBytes) {
      return `too large to analyse (${megabytes(bytes)} MB; the limit is ${megabytes(maxFileBytes)} MB): skipped; bundles and generated code are migrated through their sources`;
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
        for (const rule of RULE_NAMES) for (const finding of CHECKS[rule](facts, unit.text, this.options)) located.push({ rule, finding, offset: unit.offset });
      }
      findings.set(module, located.sort((a, b) => a.offset + a.finding.node.range[0] - (b.offset + b.finding.node.range[0])));
    }
    return { modules, inert: this.inert, errors: this.errors, findings, flows, resolver };
  }

  private load(absolute: string, text: string): Module | undefined {
    const file = relativePath(this.options.cwd, absolute);
    try {
      const reused = this.parsed.get(absolute);
      const units = (reused?.text === text ? reused.units.map(({ unit }) => unit) : parseFile(absolute, text)).map((unit) => {
        const view = moduleView(unit.program, unit.text, unit.scopeManager, projectPath(absolute, this.options.cwd));
        return { unit, view, facts: view.facts };
      });
      return { file, absolute, text, units };
    } catch (error) {
      // A bug in the analysis of one file is that file's error: the rest of the run still counts.
      this.errors.push({ file, message: analysisFailure(absolute, error) });
      return undefined;
    }
  }
}

/**
 * Re-analyses every module with what the others tell about its imports and storage reads, then gives each token
 * request the Management calls other modules make with its tokens. Returns the flows: modules joined by any link.
 */
function linkModules(modules: readonly Module[], resolver: ModuleResolver): Map<Module, Module> {
  const byPath = new Map(modules.map((module) => [module.absolute, module]));
  const stored = storedTokens(modules);
  const flows = new Flows(modules);
  /** What the module `source` names exports, as `pick` reads it; a module that gives something joins the importer's flow. */
  const exported = <T>(module: Module, source: string, pick: (view: ModuleView) => T | undefined): T | undefined => {
    const resolved = resolver.resolve(source, module.absolute);
    const target = resolved === undefined ? undefined : byPath.get(resolved);
    const found = target?.units.map(({ view }) => pick(view)).find((value) => value !== undefined && value !== null);
    if (found !== undefined) flows.join(module, target!);
    return found;
  };
  const keyHolders = new Map<string, Module>();
  const touchKey = (module: Module, key: string) => flows.join(module, keyHolders.get(key) ?? keyHolders.set(key, module).get(key)!);
  for (const module of modules) for (const { view } of module.units) for (const { key } of view.storedTokens()) touchKey(module, key);
  // Twice: the second pass sees what the first taught each module about its own imports (chains of modules).
  for (let pass = 0; pass < 2; pass++) {
    // What callers in other modules pass to each exported function, argument by argument.
    const passed = new Map<TSESTree.FunctionLike, Map<string, Provenance[]>>();
    for (const module of modules) {
      for (const { view } of module.units) {
        for (const { source, imported, index, property, provenance } of view.importedCallArguments()) {
          const fn = exported(module, source, (target) => target.exportedFunction(imported));
          if (!fn) continue;
          const byArgument = passed.get(fn) ?? new Map<string, Provenance[]>();
          const key = `${index}:${property ?? ''}`;
          byArgument.set(key, [...(byArgument.get(key) ?? []), provenance]);
          passed.set(fn, byArgument);
        }
      }
    }
    for (const module of modules) {
      for (const entry of module.units) {
        const clients = new Map<string, TokenRequest>();
        const managementClients = new Map<string, ManagementClient>();
        for (const binding of entry.view.imports) {
          const client = exported(module, binding.source, (view) => view.exportedClient(binding.imported));
          if (client) clients.set(binding.holderKey, client);
          const management = exported(module, binding.source, (view) => view.exportedManagementClient(binding.imported));
          if (management) managementClients.set(binding.holderKey, management);
        }
        const crossFile: CrossFileFacts = {
          clients,
          managementClients,
          importedToken: (source, imported) => exported(module, source, (view) => view.exportedToken(imported)),
          storedToken: (key) => {
            touchKey(module, key);
            return stored.get(key);
          },
          passedToken: (fn, index, property) => agreeing(passed.get(fn)?.get(`${index}:${property ?? ''}`) ?? []),
          contextValueToken: (source, imported, key) => exported(module, source, (view) => view.exportedContextValue(imported, key)),
          classMemberToken: (source, imported, member) => exported(module, source, (view) => view.exportedClassMember(imported, member)),
        };
        entry.facts = entry.view.withCrossFile(crossFile);
      }
    }
  }
  const owner = new Map<TokenRequest, Module>();
  for (const module of modules) for (const { facts } of module.units) for (const request of facts.tokenRequests) owner.set(request, module);
  const external = new Map<Module, ManagementCall[]>();
  for (const module of modules) {
    for (const { facts } of module.units) {
      for (const call of facts.managementCalls) {
        const issuer = call.credential?.provenance.issuer;
        const home = issuer && owner.get(issuer);
        if (!home || home === module) continue;
        external.set(home, [...(external.get(home) ?? []), { ...call, file: module.file }]);
        flows.join(home, module);
      }
    }
  }
  for (const [module, calls] of external) {
    for (const entry of module.units) entry.facts = { ...entry.facts, managementCalls: [...entry.facts.managementCalls, ...calls] };
  }
  return flows.representatives();
}

/** Modules joined into flows (union-find): a migration writes a flow's files together or not at all. */
class Flows {
  private readonly parent = new Map<Module, Module>();
  private readonly order: Map<Module, number>;

  constructor(private readonly modules: readonly Module[]) {
    this.order = new Map(modules.map((module, index) => [module, index]));
  }

  join(a: Module, b: Module): void {
    const [rootA, rootB] = [this.root(a), this.root(b)];
    if (rootA === rootB) return;
    // The module listed first names the flow.
    const [first, second] = this.order.get(rootA)! <= this.order.get(rootB)! ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(second, first);
  }

  representatives(): Map<Module, Module> {
    return new Map(this.modules.map((module) => [module, this.root(module)]));
  }

  private root(module: Module): Module {
    let root = module;
    while (this.parent.has(root)) root = this.parent.get(root)!;
    // Path compression keeps later lookups short.
    for (let at = module; at !== root; ) {
      const next = this.parent.get(at)!;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }
}

/**
 * What each storage key holds across the project, when exactly one kind of token from one login is written to it,
 * and the key its access token is (or, once migrated, will be) stored under.
 */
function storedTokens(modules: readonly Module[]): Map<string, { provenance: Provenance; accessTokenKey?: string }> {
  const writers = new Map<string, { provenance: Provenance; accessTokenKey?: string }[]>();
  for (const module of modules) {
    for (const { view } of module.units) {
      for (const { key, provenance, alternative } of view.storedTokens()) {
        const migratable = !provenance.issuer || (provenance.issuer.supportsAudience && isManagementAudienceOrNone(provenance.issuer));
        writers.set(key, [...(writers.get(key) ?? []), { provenance, accessTokenKey: migratable ? alternative?.name : undefined }]);
      }
    }
  }
  const stored = new Map<string, { provenance: Provenance; accessTokenKey?: string }>();
  for (const [key, entries] of writers) {
    const [first] = entries;
    if (first && entries.every((entry) => entry.provenance.kind === first.provenance.kind && entry.provenance.issuer === first.provenance.issuer)) {
      stored.set(key, { provenance: first.provenance, accessTokenKey: entries.every((entry) => entry.accessTokenKey === first.accessTokenKey) ? first.accessTokenKey : undefined });
    }
  }
  return stored;
}

/** Tokens several callers pass: one kind from one login, or nothing provable. */
function agreeing(provenances: readonly Provenance[]): Provenance | undefined {
  const [first] = provenances;
  return first && provenances.every((provenance) => provenance.kind === first.kind && provenance.issuer === first.issuer) ? first : undefined;
}

function isManagementAudienceOrNone(request: TokenRequest): boolean {
  const audience = request.audience?.value ?? request.audience?.pattern;
  return request.audience === undefined || (audience !== undefined && /\/api\/v2\/?$/.test(audience));
}

// ------------------------------------------------------------------------------------------------ migration

const NO_STATE: ProjectState = { modules: [], inert: new Map(), errors: [], findings: new Map(), flows: new Map(), resolver: new ModuleResolver() };

function migrateProject(original: ReadonlyMap<string, string>, take: () => ProjectState, options: ProjectOptions, withTodos: boolean): FileMigration[] {
  // Taken here, not passed in: the caller's frame would hold an argument, and every first-pass tree with it, to the end.
  let state = take();
  const texts = new Map(original);
  const changed = new Map<string, FileMigration['changed'][number][]>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edited = applyRound(state, texts, changed);
    if (edited.size === 0) break;
    // Only the unchanged modules are carried into the next analysis. Dropping the state before it starts releases
    // the trees of the edited ones before it parses their new texts.
    const previous = { inert: state.inert, resolver: state.resolver, modules: state.modules.filter((module) => !edited.has(module.absolute)) };
    state = NO_STATE;
    state = analyzeModules(texts, options, previous);
  }
  const migrations: FileMigration[] = [];
  for (const module of state.modules) {
    const left = state.findings.get(module) ?? [];
    let after = module.text;
    if (withTodos && left.length > 0) {
      const annotated = annotate(after, left);
      if (parsesTheSame(module.absolute, annotated)) after = annotated;
    }
    const before = original.get(module.absolute)!;
    const manual = left.map((entry) => ({ ...site(module.text, entry) }));
    const flow = (state.flows.get(module) ?? module).file;
    if (before !== after || manual.length > 0) migrations.push({ file: module.file, flow, before, after, changed: changed.get(module.file) ?? [], manual });
  }
  return migrations;
}

/** Applies one round of fixes and suggestions to `texts`, notes what each changed, and returns the files edited. */
function applyRound(state: ProjectState, texts: Map<string, string>, changed: Map<string, FileMigration['changed'][number][]>): Set<string> {
  const edits = new Map<Module, TextEdit[]>();
  const add = (module: Module, more: readonly TextEdit[]) => {
    if (more.length > 0) edits.set(module, [...(edits.get(module) ?? []), ...more]);
  };
  let writers: Map<string, { module: Module; edits: TextEdit[] }[]> | undefined;
  for (const module of state.modules) {
    const { edits: own, applied } = migratingEdits(state.findings.get(module) ?? []);
    add(module, own);
    const sites = applied.map((entry) => site(module.text, entry));
    if (sites.length > 0) changed.set(module.file, [...(changed.get(module.file) ?? []), ...sites.map(({ line, rule, message: text }) => ({ line, rule, message: text }))]);
    for (const entry of applied) {
      const key = storageKeySwitched(entry);
      if (key === undefined) continue;
      writers ??= storageWriters(state);
      for (const writer of writers.get(key) ?? []) add(writer.module, writer.edits);
    }
  }
  for (const [module, moduleEdits] of edits) texts.set(module.absolute, applyEdits(module.text, dedupe(moduleEdits)));
  return new Set([...edits.keys()].map((module) => module.absolute));
}

/**
 * The storage key of a stored ID token switched to its access-token key: in a module with no login of its own, the
 * module that stores the ID token must store the access token beside it.
 */
function storageKeySwitched(entry: Located): string | undefined {
  if (entry.rule !== 'no-id-token-for-management-api' || entry.finding.suggestions?.[0]?.messageId !== 'useAccessToken') return undefined;
  return entry.finding.data.source?.match(/^storage key '(.*)'$/)?.[1];
}

/** By storage key, the modules that store an ID token there and the edits that store the access token beside it. */
function storageWriters(state: ProjectState): Map<string, { module: Module; edits: TextEdit[] }[]> {
  const writers = new Map<string, { module: Module; edits: TextEdit[] }[]>();
  for (const module of state.modules) {
    for (const { view, unit } of module.units) {
      const firstWrites = new Map(view.storedTokens().reverse().map((written) => [written.key, written]));
      for (const written of firstWrites.values()) {
        if (!written.alternative?.storeBeside) continue;
        const edits = siblingWrites(written.alternative, unit.text).map((edit) => shift(edit, unit.offset));
        writers.set(written.key, [...(writers.get(written.key) ?? []), { module, edits }]);
      }
    }
  }
  return writers;
}

function shift(edit: TextEdit, offset: number): TextEdit {
  return { ...edit, range: [edit.range[0] + offset, edit.range[1] + offset] };
}

function dedupe(edits: readonly TextEdit[]): TextEdit[] {
  return edits.filter((edit, index) => edits.findIndex((other) => other.range[0] === edit.range[0] && other.range[1] === edit.range[1] && other.text === edit.text) === index);
}

// ------------------------------------------------------------------------------------------------ report

function buildReport(state: ProjectState, options: ProjectOptions): Pick<ProjectReport, 'findings' | 'tokenRequests' | 'managementCalls'> {
  const findings: ProjectFinding[] = [];
  const tokenRequests: TokenRequestReport[] = [];
  const managementCalls: ManagementCallReport[] = [];
  const index = new ReportIndex(state.modules);
  for (const module of state.modules) {
    for (const entry of state.findings.get(module) ?? []) {
      const start = index.position(module, entry.offset + entry.finding.node.range[0]);
      const end = index.position(module, entry.offset + entry.finding.node.range[1]);
      findings.push({
        ruleId: `auth0-tokens/${entry.rule}`,
        certainty: entry.finding.certainty,
        message: message(entry.rule, entry.finding),
        file: module.file,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        related: relatedSites(index, module, entry),
      });
    }
    for (const { unit, facts } of module.units) {
      const at = (node: Node): number => index.position(module, unit.offset + node.range[0]).line;
      for (const request of facts.tokenRequests) {
        if (request.level === 'call' && !request.scope && !request.audience) continue;
        const calls = linkedCalls(facts, request, 'scope').filter((call) => call.endpoint?.currentUserScope && !call.backendOnlyReason);
        const required = requiredScopes(calls, options.metadataScope);
        const declared = scopeList(request.scope?.value);
        tokenRequests.push({
          file: module.file,
          line: at(request.node),
          sdk: request.sdk,
          audience: request.audience?.value ?? request.audience?.pattern ?? null,
          responseType: request.responseType?.value ?? null,
          declaredScopes: declared,
          requiredScopes: required.map((scope) => ({ scope, because: calls.filter((call) => needs(call, scope)).map((call) => index.callSite(call, call.file ?? module.file)) })),
          missingScopes: request.scope?.value === undefined && request.scope ? [] : required.filter((scope) => !declared.includes(scope)),
          excessScopes: declared.filter((scope) => (isCurrentUserScope(scope) || isAnyUserScope(scope)) && !required.includes(scope)),
        });
      }
      for (const call of facts.managementCalls) {
        if (call.file !== undefined) continue;
        managementCalls.push({
          ...index.callSite(call, module.file),
          currentUserScope: call.endpoint?.currentUserScope ?? null,
          anyUserScope: call.endpoint?.anyUserScope ?? null,
          credential: call.credential?.provenance.kind ?? 'unknown',
          environment: facts.environment,
          environmentEvidence: facts.environmentEvidence ?? null,
        });
      }
    }
  }
  return {
    findings,
    tokenRequests,
    managementCalls,
  };
}

/**
 * What the report looks up for every finding and call, indexed once: modules by file, the module and unit of each
 * token request and call, and each text's line starts. Searching the modules for each instead made a report of many
 * modules quadratic.
 */
class ReportIndex {
  private readonly byFile = new Map<string, Module>();
  private readonly owners = new Map<TokenRequest, { readonly module: Module; readonly offset: number }>();
  private readonly callOffsets = new Map<Node, number>();
  private readonly lineStarts = new Map<Module, number[]>();

  constructor(modules: readonly Module[]) {
    for (const module of modules) {
      this.byFile.set(module.file, module);
      for (const { unit, facts } of module.units) {
        for (const request of facts.tokenRequests) this.owners.set(request, { module, offset: unit.offset });
        for (const call of facts.managementCalls) if (call.file === undefined) this.callOffsets.set(call.node, unit.offset);
      }
    }
  }

  owner(request: TokenRequest): { readonly module: Module; readonly offset: number } | undefined {
    return this.owners.get(request);
  }

  /** Where a call is made: `file` is the module whose text holds its node. */
  callSite(call: ManagementCall, file: string): CallSite {
    const module = this.byFile.get(file);
    const line = module ? this.position(module, (this.callOffsets.get(call.node) ?? 0) + call.node.range[0]).line : 0;
    return { file, line, via: call.via, method: call.method, path: call.path === undefined ? undefined : `/api/v2/${call.path}` };
  }

  /** The 1-based line and column of an offset in a module's text. */
  position(module: Module, offset: number): { line: number; column: number } {
    let starts = this.lineStarts.get(module);
    if (!starts) {
      starts = [0];
      for (let at = module.text.indexOf('\n'); at !== -1; at = module.text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts.set(module, starts);
    }
    // The last line start at or before the offset.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

/**
 * Other modules' places behind a finding: the calls that make a login's options wrong, or the login that issued a
 * token sent as a credential here.
 */
function relatedSites(index: ReportIndex, module: Module, entry: Located): ProjectFinding['related'] {
  const unit = module.units.find((candidate) => candidate.unit.offset === entry.offset);
  if (!unit) return [];
  const node = entry.finding.node;
  const within = (outer: Node): boolean => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
  const request = unit.facts.tokenRequests.find((candidate) => within(candidate.node));
  if (request) {
    return linkedCalls(unit.facts, request, 'scope')
      .filter((call) => call.file !== undefined)
      .map((call) => {
        const where = index.callSite(call, call.file!);
        return { file: where.file, line: where.line, message: `${where.method ?? '?'} ${where.path ?? '/api/v2/…'} (${where.via}) is called with this login's token` };
      });
  }
  const credential = unit.facts.credentials.find((candidate) => candidate.node === node);
  const home = credential?.provenance.issuer && index.owner(credential.provenance.issuer);
  if (!home || home.module === module) return [];
  return [{ file: home.module.file, line: index.position(home.module, home.offset + credential!.provenance.issuer!.node.range[0]).line, message: 'the login that issues this token' }];
}

function needs(call: ManagementCall, scope: string): boolean {
  return call.endpoint?.currentUserScope === scope || (scope === 'create:current_user_metadata' && call.endpoint?.currentUserScope === 'update:current_user_metadata');
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
