/**
 * Project-wide analysis: the per-file recogniser on every candidate file, then the links between modules that the
 * ESLint rules cannot see (a login in `auth.js`, the token stored or exported there, the Management call in
 * `profile.js`), so each token request is judged by every call its tokens reach. Feeds `scan`, `scopes` and `migrate`.
 */
import path from 'node:path';
import { CHECKS, RULE_NAMES, type CheckOptions } from '../analysis/checks';
import type { TSESTree } from '@typescript-eslint/utils';
import type { CrossFileFacts } from '../analysis/credentials';
import type { ManagementClient } from '../analysis/management-clients';
import { mightContainAuth0, moduleView, type ModuleView } from '../analysis/facts';
import { linkedCalls, requiredScopes, scopeList, siblingWrites } from '../analysis/findings';
import type { FileFacts, ManagementCall, Node, Provenance, TextEdit, TokenRequest } from '../analysis/types';
import { isAnyUserScope, isCurrentUserScope } from '../catalog';
import { annotate, applyEdits, message, migratingEdits, parsesTheSame, site, type Located } from '../migration';
import { parseFile, ParseError, type ParsedUnit } from '../parse';
import { readText } from './read';
import { ModuleResolver } from './resolve';
import type { CallSite, FileError, FileMigration, ManagementCallReport, ProjectAnalysis, ProjectFinding, ProjectReport, TokenRequestReport } from './types';

export type * from './types';

export interface ProjectOptions extends CheckOptions {
  /** Files are reported relative to this directory. */
  readonly cwd: string;
  /**
   * Auth0-related files over this many bytes are reported and not parsed: parsing costs hundreds of bytes of memory
   * per byte of source, and such files are bundles or generated code. No limit when undefined.
   */
  readonly maxFileBytes?: number;
}

const MAX_ROUNDS = 3;

/** Analyses the given files (absolute paths) as one project. Bad files become `errors`, never exceptions. */
export function analyzeProject(files: readonly string[], options: ProjectOptions, onProgress?: (done: number, total: number) => void): ProjectAnalysis {
  const texts = new Map<string, string>();
  const errors: FileError[] = [];
  for (const file of files) {
    const text = readText(file, relative(options.cwd, file), errors);
    if (text !== undefined) texts.set(file, text);
  }
  // Progress counts analysed files: parsing, not reading, is where the time goes.
  const state = analyzeTexts(texts, options, onProgress);
  return {
    report: { ...buildReport(state, options), errors: [...errors, ...state.errors] },
    migrate: ({ annotate: withTodos }) => migrateProject(texts, state, options, withTodos),
  };
}

interface Module {
  readonly file: string;
  readonly absolute: string;
  readonly text: string;
  readonly units: readonly { readonly unit: ParsedUnit; readonly view: ModuleView; facts: FileFacts }[];
}

interface ProjectState {
  readonly modules: readonly Module[];
  readonly errors: readonly FileError[];
  readonly skipped: readonly string[];
  readonly scanned: readonly string[];
  /** Located findings per module, from facts with every cross-file link applied. */
  readonly findings: ReadonlyMap<Module, Located[]>;
}

function analyzeTexts(texts: ReadonlyMap<string, string>, options: ProjectOptions, onProgress?: (done: number, total: number) => void): ProjectState {
  const modules: Module[] = [];
  const errors: FileError[] = [];
  const skipped: string[] = [];
  let done = 0;
  const candidates = withNeighbours(texts);
  for (const [absolute, text] of texts) {
    onProgress?.(++done, texts.size);
    const file = relative(options.cwd, absolute);
    if (!candidates.has(absolute)) {
      skipped.push(file);
      continue;
    }
    if (options.maxFileBytes !== undefined && Buffer.byteLength(text) > options.maxFileBytes) {
      errors.push({ file, message: `too large to analyse (${megabytes(Buffer.byteLength(text))} MB; the limit is ${megabytes(options.maxFileBytes)} MB): skipped; bundles and generated code are migrated through their sources` });
      continue;
    }
    try {
      const units = parseFile(absolute, text).map((unit) => {
        const view = moduleView(unit.program, unit.text, unit.scopeManager);
        return { unit, view, facts: view.facts };
      });
      modules.push({ file, absolute, text, units });
    } catch (error) {
      // A bug in the analysis of one file is that file's error: the rest of the run still counts.
      const message = error instanceof ParseError ? error.message.replace(`${absolute}: `, '') : `internal error while analysing: ${(error as Error).message}`;
      errors.push({ file, message });
    }
  }
  linkModules(modules);
  const findings = new Map<Module, Located[]>();
  for (const module of modules) {
    const located: Located[] = [];
    for (const { unit, facts } of module.units) {
      for (const rule of RULE_NAMES) for (const finding of CHECKS[rule](facts, unit.text, options)) located.push({ rule, finding, offset: unit.offset });
    }
    findings.set(module, located.sort((a, b) => a.offset + a.finding.node.range[0] - (b.offset + b.finding.node.range[0])));
  }
  return { modules, errors, skipped, scanned: [...texts.keys()].map((file) => relative(options.cwd, file)), findings };
}

const IMPORT_SPECIFIER = /\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\b(?:require|import)\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
const RESOLVED_SUFFIXES = ['', '.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.vue', '/index.js', '/index.ts', '/index.jsx', '/index.tsx'];

/**
 * The files worth parsing: those the text pre-filter selects, and the modules they import or that import them by a
 * relative path (a page calling `management.getUser` on a client another module exports, a helper that takes the
 * token as a parameter, may mention nothing Auth0-related).
 */
function withNeighbours(texts: ReadonlyMap<string, string>): Set<string> {
  const selected = [...texts].filter(([, text]) => mightContainAuth0(text)).map(([file]) => file);
  const candidates = new Set(selected);
  const imports = (file: string, text: string): string[] =>
    [...text.matchAll(IMPORT_SPECIFIER)].map((match) => {
      const target = path.resolve(path.dirname(file), match[1] ?? match[2]!);
      return RESOLVED_SUFFIXES.map((suffix) => target + suffix).find((candidate) => texts.has(candidate)) ?? target;
    });
  for (const [file, text] of texts) {
    if (!candidates.has(file) && imports(file, text).some((target) => selected.includes(target))) candidates.add(file);
  }
  for (const file of selected) for (const target of imports(file, texts.get(file)!)) if (texts.has(target)) candidates.add(target);
  return candidates;
}

/**
 * Re-analyses every module with what the others tell about its imports and storage reads, then gives each token
 * request the Management calls other modules make with its tokens.
 */
function linkModules(modules: readonly Module[]): void {
  const byPath = new Map(modules.map((module) => [module.absolute, module]));
  const resolver = new ModuleResolver();
  const stored = storedTokens(modules);
  const targets = (module: Module, source: string): ModuleView[] => {
    const resolved = resolver.resolve(source, module.absolute);
    return (resolved === undefined ? undefined : byPath.get(resolved)?.units.map((unit) => unit.view)) ?? [];
  };
  // Twice: the second pass sees what the first taught each module about its own imports (chains of modules).
  for (let pass = 0; pass < 2; pass++) {
    // What callers in other modules pass to each exported function, argument by argument.
    const passed = new Map<TSESTree.FunctionLike, Map<string, Provenance[]>>();
    for (const module of modules) {
      for (const { view } of module.units) {
        for (const { source, imported, index, property, provenance } of view.importedCallArguments()) {
          const fn = targets(module, source).map((target) => target.exportedFunction(imported)).find(Boolean);
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
          const views = targets(module, binding.source);
          const client = views.map((view) => view.exportedClient(binding.imported)).find(Boolean);
          if (client) clients.set(binding.holderKey, client);
          const management = views.map((view) => view.exportedManagementClient(binding.imported)).find(Boolean);
          if (management) managementClients.set(binding.holderKey, management);
        }
        const crossFile: CrossFileFacts = {
          clients,
          managementClients,
          importedToken: (source, imported) => targets(module, source).map((view) => view.exportedToken(imported)).find(Boolean),
          storedToken: (key) => stored.get(key),
          passedToken: (fn, index, property) => agreeing(passed.get(fn)?.get(`${index}:${property ?? ''}`) ?? []),
          contextValueToken: (source, imported, key) => targets(module, source).map((view) => view.exportedContextValue(imported, key)).find(Boolean),
          classMemberToken: (source, imported, member) => targets(module, source).map((view) => view.exportedClassMember(imported, member)).find(Boolean),
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
        if (home && home !== module) external.set(home, [...(external.get(home) ?? []), { ...call, file: module.file }]);
      }
    }
  }
  for (const [module, calls] of external) {
    for (const entry of module.units) entry.facts = { ...entry.facts, managementCalls: [...entry.facts.managementCalls, ...calls] };
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

function migrateProject(original: ReadonlyMap<string, string>, first: ProjectState, options: ProjectOptions, withTodos: boolean): FileMigration[] {
  const texts = new Map(original);
  const changed = new Map<string, FileMigration['changed'][number][]>();
  let state = first;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = new Map<Module, TextEdit[]>();
    for (const module of state.modules) {
      const { edits: own, applied } = migratingEdits(state.findings.get(module) ?? []);
      if (own.length > 0) edits.set(module, [...(edits.get(module) ?? []), ...own]);
      const sites = applied.map((entry) => site(module.text, entry));
      if (sites.length > 0) changed.set(module.file, [...(changed.get(module.file) ?? []), ...sites.map(({ line, rule, message: text }) => ({ line, rule, message: text }))]);
      for (const entry of applied) storeBesideWriter(state, entry, edits);
    }
    if (edits.size === 0) break;
    for (const [module, moduleEdits] of edits) texts.set(module.absolute, applyEdits(module.text, dedupe(moduleEdits)));
    state = analyzeTexts(texts, options);
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
    if (before !== after || manual.length > 0) migrations.push({ file: module.file, before, after, changed: changed.get(module.file) ?? [], manual });
  }
  return migrations;
}

/**
 * A stored ID token switched to its access-token key in a module with no login of its own: the module that stores
 * the ID token stores the access token beside it.
 */
function storeBesideWriter(state: ProjectState, entry: Located, edits: Map<Module, TextEdit[]>): void {
  if (entry.rule !== 'no-id-token-for-management-api' || entry.finding.suggestions?.[0]?.messageId !== 'useAccessToken') return;
  const key = entry.finding.data.source?.match(/^storage key '(.*)'$/)?.[1];
  if (key === undefined) return;
  for (const module of state.modules) {
    for (const { view, unit } of module.units) {
      const written = view.storedTokens().find((token) => token.key === key);
      if (!written?.alternative?.storeBeside) continue;
      const sibling = siblingWrites(written.alternative, unit.text).map((edit) => shift(edit, unit.offset));
      edits.set(module, [...(edits.get(module) ?? []), ...sibling]);
    }
  }
}

function shift(edit: TextEdit, offset: number): TextEdit {
  return { range: [edit.range[0] + offset, edit.range[1] + offset], text: edit.text };
}

function dedupe(edits: readonly TextEdit[]): TextEdit[] {
  return edits.filter((edit, index) => edits.findIndex((other) => other.range[0] === edit.range[0] && other.range[1] === edit.range[1] && other.text === edit.text) === index);
}

// ------------------------------------------------------------------------------------------------ report

function buildReport(state: ProjectState, options: ProjectOptions): Omit<ProjectReport, 'errors'> {
  const findings: ProjectFinding[] = [];
  const tokenRequests: TokenRequestReport[] = [];
  const managementCalls: ManagementCallReport[] = [];
  for (const module of state.modules) {
    for (const entry of state.findings.get(module) ?? []) {
      const start = position(module.text, entry.offset + entry.finding.node.range[0]);
      const end = position(module.text, entry.offset + entry.finding.node.range[1]);
      findings.push({
        ruleId: `auth0-tokens/${entry.rule}`,
        certainty: entry.finding.certainty,
        message: message(entry.rule, entry.finding),
        file: module.file,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        related: relatedSites(state, module, entry),
      });
    }
    for (const { unit, facts } of module.units) {
      const at = (node: Node): number => position(module.text, unit.offset + node.range[0]).line;
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
          requiredScopes: required.map((scope) => ({ scope, because: calls.filter((call) => needs(call, scope)).map((call) => callSite(call, call.file ?? module.file, state)) })),
          missingScopes: request.scope?.value === undefined && request.scope ? [] : required.filter((scope) => !declared.includes(scope)),
          excessScopes: declared.filter((scope) => (isCurrentUserScope(scope) || isAnyUserScope(scope)) && !required.includes(scope)),
        });
      }
      for (const call of facts.managementCalls) {
        if (call.file !== undefined) continue;
        managementCalls.push({
          ...callSite(call, module.file, state),
          currentUserScope: call.endpoint?.currentUserScope ?? null,
          anyUserScope: call.endpoint?.anyUserScope ?? null,
          credential: call.credential?.provenance.kind ?? 'unknown',
        });
      }
    }
  }
  return {
    findings,
    tokenRequests,
    managementCalls,
    filesScanned: state.scanned.length,
    filesSkipped: state.skipped.length,
    scannedFiles: state.scanned,
    skippedFiles: state.skipped,
  };
}

/**
 * Other modules' places behind a finding: the calls that make a login's options wrong, or the login that issued a
 * token sent as a credential here.
 */
function relatedSites(state: ProjectState, module: Module, entry: Located): ProjectFinding['related'] {
  const unit = module.units.find((candidate) => candidate.unit.offset === entry.offset);
  if (!unit) return [];
  const node = entry.finding.node;
  const within = (outer: Node): boolean => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
  const request = unit.facts.tokenRequests.find((candidate) => within(candidate.node));
  if (request) {
    return linkedCalls(unit.facts, request, 'scope')
      .filter((call) => call.file !== undefined)
      .map((call) => {
        const where = callSite(call, call.file!, state);
        return { file: where.file, line: where.line, message: `${where.method ?? '?'} ${where.path ?? '/api/v2/…'} (${where.via}) is called with this login's token` };
      });
  }
  const credential = unit.facts.credentials.find((candidate) => candidate.node === node);
  const issuer = credential?.provenance.issuer;
  const home = issuer && state.modules.find((candidate) => candidate !== module && candidate.units.some(({ facts }) => facts.tokenRequests.includes(issuer)));
  if (!home || !issuer) return [];
  const homeUnit = home.units.find(({ facts }) => facts.tokenRequests.includes(issuer))!;
  return [{ file: home.file, line: position(home.text, homeUnit.unit.offset + issuer.node.range[0]).line, message: 'the login that issues this token' }];
}

function needs(call: ManagementCall, scope: string): boolean {
  return call.endpoint?.currentUserScope === scope || (scope === 'create:current_user_metadata' && call.endpoint?.currentUserScope === 'update:current_user_metadata');
}

function callSite(call: ManagementCall, file: string, state: ProjectState): CallSite {
  const module = state.modules.find((candidate) => candidate.file === file);
  const unit = module?.units.find(({ facts }) => facts.managementCalls.some((candidate) => candidate.node === call.node));
  const line = module ? position(module.text, (unit?.unit.offset ?? 0) + call.node.range[0]).line : 0;
  return { file, line, via: call.via, method: call.method, path: call.path === undefined ? undefined : `/api/v2/${call.path}` };
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function relative(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}
