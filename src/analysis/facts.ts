/** Runs the recognisers over one file and assembles its facts; memoised per AST so every rule shares one pass. */
import type { TSESTree } from '@typescript-eslint/utils';
import { CredentialTracer } from './credentials';
import { FileContext, type ScopeManagerLike } from './file-context';
import { recogniseHttpCalls } from './http-calls';
import { recogniseLegacyApis, recogniseSecrets } from './legacy-and-secrets';
import { recogniseClientCalls, recogniseManagementClients } from './management-clients';
import { Auth0Hosts } from './management-urls';
import { moduleNamespace } from './sdk';
import { recogniseTokenRequests } from './token-requests';
import type { CredentialUse, Environment, FileFacts, TokenRequest } from './types';

/** Text that any file worth parsing for Auth0 patterns contains; everything else is skipped unparsed. */
const PREFILTER = /auth0|api\/v2|id_?token|idtoken|\/authorize|oauth\/(token|ro)|tokeninfo|delegation|Auth0Lock/i;

export function mightContainAuth0(text: string): boolean {
  return PREFILTER.test(text);
}

const EMPTY: FileFacts = { environment: 'browser', tokenRequests: [], managementCalls: [], credentials: [], legacyApis: [], secrets: [] };
const cache = new WeakMap<TSESTree.Program, FileFacts>();

/** The facts of a file. `scopeManager` is the parser's (ESLint's `sourceCode.scopeManager`, or scope-manager's `analyze`). */
export function analyzeFile(program: TSESTree.Program, text: string, scopeManager: ScopeManagerLike | null): FileFacts {
  const cached = cache.get(program);
  if (cached) return cached;
  const facts = mightContainAuth0(text) ? buildFacts(new FileContext(program, text, scopeManager)) : EMPTY;
  cache.set(program, facts);
  return facts;
}

function buildFacts(context: FileContext): FileFacts {
  const tokenRequests = recogniseTokenRequests(context);
  const clients = new Map<string, TokenRequest>();
  for (const request of tokenRequests) if (request.level === 'client' && request.clientKey) clients.set(request.clientKey, request);
  const tracer = new CredentialTracer(context, clients);
  const managementClients = recogniseManagementClients(context, tracer);
  const hosts = new Auth0Hosts(context);
  for (const request of tokenRequests) if (request.domain) hosts.addDomain(request.domain);
  for (const client of managementClients) if (client.domain) hosts.addDomain(client.domain);
  const http = recogniseHttpCalls(context, hosts, tracer);
  const managementCalls = [...recogniseClientCalls(context, managementClients), ...http.calls];
  const credentials = new Set<CredentialUse>();
  for (const client of managementClients) if (client.credential) credentials.add(client.credential);
  for (const call of managementCalls) if (call.credential) credentials.add(call.credential);
  // Interceptors (angular-jwt, `$.ajaxSetup`, ...) are credential sites even when no call in this file goes through them.
  for (const interceptor of http.interceptors) credentials.add(interceptor);
  return {
    environment: environmentOf(context),
    tokenRequests,
    managementCalls: managementCalls.sort((a, b) => a.node.range[0] - b.node.range[0]),
    credentials: [...credentials],
    legacyApis: recogniseLegacyApis(context),
    secrets: recogniseSecrets(context, managementClients),
  };
}

const BROWSER_MODULES = new Set(['auth0-js', 'auth0-lock', 'auth0-lock-passwordless', 'auth0-spa-js', 'auth0-react', 'auth0-angular', 'auth0-vue', 'angular-auth0', 'angular-lock']);
const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'XMLHttpRequest', 'Auth0Lock', 'Auth0LockPasswordless', 'angular', 'jQuery', '$'];
const SERVER_MODULES = /^(node:|fs$|https?$|path$|crypto$|child_process$|express$|koa$|fastify$|hapi$|@hapi\/|passport|request(-promise.*)?$|auth0$|auth0\/legacy$)/;

/** Browser when the file uses a browser SDK or global; server when it only uses Node modules. */
function environmentOf(context: FileContext): Environment {
  const modules = [
    ...context.imports.map((declaration) => String(declaration.source.value)),
    ...context.calls.filter((call) => call.callee.type === 'Identifier' && call.callee.name === 'require' && call.arguments[0]?.type === 'Literal').map((call) => String((call.arguments[0] as TSESTree.Literal).value)),
  ];
  if (modules.some((source) => BROWSER_MODULES.has(moduleNamespace(source) ?? '')) || BROWSER_GLOBALS.some((name) => context.globals.has(name)) || context.jsxElements.length > 0) return 'browser';
  if (modules.some((source) => SERVER_MODULES.test(source)) || context.globals.has('__dirname') || context.globals.has('module')) return 'server';
  return 'browser';
}
