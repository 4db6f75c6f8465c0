/** Runs the recognisers over one file and assembles its facts; memoised per AST so every rule shares one pass. */
import type { TSESTree } from '@typescript-eslint/utils';
import { CredentialTracer, type CrossFileFacts } from './credentials';
import { environmentOf, hasLibraryBanner, isTestCode } from './environment';
import { FileContext, type ScopeManagerLike } from './file-context';
import { mightContainAuth0 } from './prefilter';
import { recogniseHttpCalls } from './http-calls';
import { recogniseLegacyApis, recogniseSecrets } from './legacy-and-secrets';
import { recogniseClientCalls, recogniseManagementClients, type ManagementClient } from './management-clients';
import { Auth0Hosts } from './management-urls';
import { holderKey } from './sdk';
import { recogniseTokenRequests } from './token-requests';
import type { CredentialUse, FileFacts, Provenance, TokenRequest } from './types';

export { mightContainAuth0 };

const EMPTY: FileFacts = {
  environment: 'unknown',
  tokenRequests: [],
  managementCalls: [],
  credentials: [],
  legacyApis: [],
  secrets: [],
};
const cache = new WeakMap<TSESTree.Program, FileFacts>();
/** What test code and vendored libraries are analysed as: nothing. */
const EMPTY_PROGRAM = {
  type: 'Program',
  body: [],
  sourceType: 'script',
  range: [0, 0],
  comments: [],
  tokens: [],
} as unknown as TSESTree.Program;

/**
 * The facts of a file. `scopeManager` is the parser's (ESLint's `sourceCode.scopeManager`, or scope-manager's
 * `analyze`); `file` is its path relative to the project root, POSIX style, which tells test code, API routes and build
 * scripts apart. Test code and vendored libraries have no facts: they are never judged.
 */
export function analyzeFile(
  program: TSESTree.Program,
  text: string,
  scopeManager: ScopeManagerLike | null,
  file?: string,
): FileFacts {
  const cached = cache.get(program);
  if (cached) return cached;
  const context = mightContainAuth0(text) ? judgedContext(program, text, scopeManager, file) : undefined;
  const facts = context ? analyse(context, file).facts : EMPTY;
  cache.set(program, facts);
  return facts;
}

/** The file's context, unless it is test code or a vendored library. */
function judgedContext(
  program: TSESTree.Program,
  text: string,
  scopeManager: ScopeManagerLike | null,
  file: string | undefined,
): FileContext | undefined {
  if (hasLibraryBanner(text)) return undefined;
  const context = new FileContext(program, text, scopeManager);
  return isTestCode(context, file) ? undefined : context;
}

/** An import of a binding from another module, keyed as the recogniser keys the local variable. */
export interface ImportedBinding {
  readonly source: string;
  readonly imported: string;
  readonly holderKey: string;
}

/** One module as the project analysis sees it: its own facts, and what it offers and takes across modules. */
export interface ModuleView {
  readonly facts: FileFacts;
  readonly imports: readonly ImportedBinding[];
  /** Every module specifier the module imports from. */
  readonly importSources: readonly string[];
  /**
   * Nothing found, and nothing another module could change or read but through an import of this module: no imports,
   * no storage writes, and an analysis that never asked other modules anything.
   */
  readonly inert: boolean;
  /** Re-analyses the module with what other modules tell about its imports and storage reads. */
  withCrossFile(crossFile: CrossFileFacts): FileFacts;
  /** The client an export holds (`export const webAuth = new auth0.WebAuth(...)`). */
  exportedClient(name: string): TokenRequest | undefined;
  /** What an export yields as a token (`export const getToken = () => localStorage.getItem('id_token')`). */
  exportedToken(name: string): Provenance | undefined;
  /** What `this.<member>` of an exported class holds (`@Injectable() export class AuthService { idToken ... }`). */
  exportedClassMember(name: string, member: string): Provenance | undefined;
  /** What the `<Context.Provider value>` of an exported React context provides under `key`. */
  exportedContextValue(name: string, key: string): Provenance | undefined;
  /** The function an export is (`export function saveMetadata(token, ...)`). */
  exportedFunction(name: string): TSESTree.FunctionLike | undefined;
  /** The Management client an export holds (`export const management = new auth0.Management(...)`). */
  exportedManagementClient(name: string): ManagementClient | undefined;
  storedTokens(): ReturnType<CredentialTracer['storedTokens']>;
  /** What this module passes to functions it imports, argument by argument. */
  importedCallArguments(): ReturnType<CredentialTracer['importedCallArguments']>;
}

/** A module's view for cross-file analysis. Token requests are recognised once, so they keep their identity. */
export function moduleView(
  program: TSESTree.Program,
  text: string,
  scopeManager: ScopeManagerLike,
  file?: string,
): ModuleView {
  const context = judgedContext(program, text, scopeManager, file) ?? new FileContext(EMPTY_PROGRAM, '', null);
  // The first analysis asks a cross-file source that knows nothing and notes whether it was asked at all: a module
  // that never asks, and imports no client, gets the same facts whatever other modules hold.
  let asksOtherModules = false;
  const nothing = (): undefined => {
    asksOtherModules = true;
    return undefined;
  };
  const unknowing: CrossFileFacts = {
    clients: new Map(),
    managementClients: new Map(),
    importedToken: nothing,
    storedToken: nothing,
    classMemberToken: nothing,
    contextValueToken: nothing,
    passedToken: nothing,
  };
  // The latest analysis: re-analysing with cross-file facts refines what the module exports (chains of modules).
  let latest = analyse(context, file, unknowing);
  const exported = exportedBindings(program);
  const keyOf = (name: string): string | undefined => {
    const local = exported.get(name);
    return local && holderKey(context, local);
  };
  const { facts } = latest;
  const found =
    facts.tokenRequests.length +
      facts.managementCalls.length +
      facts.credentials.length +
      facts.legacyApis.length +
      facts.secrets.length >
    0;
  return {
    get facts() {
      return latest.facts;
    },
    imports: importedBindings(context),
    importSources: context.imports.map((declaration) => String(declaration.source.value)),
    inert: !found && !asksOtherModules && context.imports.length === 0 && latest.tracer.storedTokens().length === 0,
    withCrossFile: (crossFile) => {
      if (!asksOtherModules && crossFile.clients.size === 0 && crossFile.managementClients.size === 0)
        return latest.facts;
      latest = analyse(context, file, crossFile, latest.facts.tokenRequests);
      return latest.facts;
    },
    exportedClient: (name) => clientsOf(latest.facts.tokenRequests).get(keyOf(name) ?? ''),
    exportedToken: (name) => {
      const local = exported.get(name);
      const provenance = local && latest.tracer.exportedToken(local);
      return provenance && provenance.kind !== 'unknown' ? provenance : undefined;
    },
    exportedClassMember: (name, member) => {
      const local = exported.get(name);
      return local && latest.tracer.classMemberToken(local, member);
    },
    exportedContextValue: (name, key) => {
      const local = exported.get(name);
      return local && latest.tracer.providedToken(local.name, key);
    },
    exportedFunction: (name) => {
      const local = exported.get(name);
      return local && context.functionOf(local);
    },
    exportedManagementClient: (name) =>
      latest.managementClients.find((client) => client.key !== undefined && client.key === keyOf(name)),
    storedTokens: () => latest.tracer.storedTokens(),
    importedCallArguments: () => latest.tracer.importedCallArguments(),
  };
}

function clientsOf(tokenRequests: readonly TokenRequest[]): Map<string, TokenRequest> {
  const clients = new Map<string, TokenRequest>();
  for (const request of tokenRequests)
    if (request.level === 'client' && request.clientKey) clients.set(request.clientKey, request);
  return clients;
}

function analyse(
  context: FileContext,
  file: string | undefined,
  crossFile?: CrossFileFacts,
  recognised?: readonly TokenRequest[],
): { facts: FileFacts; tracer: CredentialTracer; managementClients: ManagementClient[] } {
  const tokenRequests = recognised ?? recogniseTokenRequests(context);
  const clients = new Map([...(crossFile?.clients ?? []), ...clientsOf(tokenRequests)]);
  const tracer = new CredentialTracer(context, clients, crossFile, tokenRequests);
  const managementClients = recogniseManagementClients(context, tracer);
  const hosts = Auth0Hosts.configuredIn(context, [...tokenRequests, ...managementClients]);
  const http = recogniseHttpCalls(context, hosts, tracer);
  // Clients other modules export are called here too; their credential (and its report) stays in their module.
  const imported = [...(crossFile?.managementClients ?? [])].map(([key, client]) => ({ ...client, key }));
  const managementCalls = [...recogniseClientCalls(context, [...managementClients, ...imported]), ...http.calls];
  const credentials = new Set<CredentialUse>();
  for (const client of managementClients) if (client.credential) credentials.add(client.credential);
  const foreign = new Set(imported.map((client) => client.credential));
  for (const call of managementCalls)
    if (call.credential && !foreign.has(call.credential)) credentials.add(call.credential);
  // Interceptors (angular-jwt, `$.ajaxSetup`, ...) are credential sites even when no call in this file goes through them.
  for (const interceptor of http.interceptors) credentials.add(interceptor);
  const { environment, evidence, serverRegions } = environmentOf(context, file);
  const facts: FileFacts = {
    environment,
    environmentEvidence: evidence,
    serverRegions,
    tokenRequests: [...tokenRequests],
    managementCalls: managementCalls.sort((a, b) => a.node.range[0] - b.node.range[0]),
    credentials: [...credentials],
    legacyApis: recogniseLegacyApis(context, hosts),
    secrets: recogniseSecrets(context, managementClients),
  };
  return { facts, tracer, managementClients };
}

/** `export const x`, `export function x`, `export { a as x }`, `export default x`: exported name -> local identifier. */
function exportedBindings(program: TSESTree.Program): Map<string, TSESTree.Identifier> {
  const exported = new Map<string, TSESTree.Identifier>();
  for (const statement of program.body) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration;
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations)
          if (declarator.id.type === 'Identifier') exported.set(declarator.id.name, declarator.id);
      } else if (
        (declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') &&
        declaration.id
      ) {
        exported.set(declaration.id.name, declaration.id);
      }
      if (!statement.source) {
        for (const specifier of statement.specifiers) {
          if (specifier.local.type === 'Identifier')
            exported.set(
              specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value),
              specifier.local,
            );
        }
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      if (declaration.type === 'Identifier') exported.set('default', declaration);
      else if (
        (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') &&
        declaration.id
      )
        exported.set('default', declaration.id);
    }
  }
  return exported;
}

function importedBindings(context: FileContext): ImportedBinding[] {
  const imports: ImportedBinding[] = [];
  for (const declaration of context.imports) {
    for (const specifier of declaration.specifiers) {
      const imported =
        specifier.type === 'ImportDefaultSpecifier'
          ? 'default'
          : specifier.type === 'ImportNamespaceSpecifier'
            ? '*'
            : specifier.imported.type === 'Identifier'
              ? specifier.imported.name
              : String(specifier.imported.value);
      const key = holderKey(context, specifier.local);
      if (key !== undefined) imports.push({ source: String(declaration.source.value), imported, holderKey: key });
    }
  }
  return imports;
}
