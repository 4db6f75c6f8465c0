/**
 * Finds SDK knowledge written into analysis code: string, template and regex literals and declared names that name
 * an SDK module, global, entity, method, option or result property the catalog describes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import * as catalog from '../../src/catalog';

/** Words the catalog holds that are protocol or JavaScript vocabulary, not one SDK's knowledge. */
const SHARED_WORDS = new Set([
  // OAuth/OIDC protocol and HTTP
  'audience',
  'scope',
  'responseType',
  'response_type',
  'domain',
  'token',
  'id_token',
  'access_token',
  'idToken',
  'accessToken',
  'grant_type',
  'client_id',
  'clientId',
  'clientID',
  'login',
  'authorize',
  'Authorization',
  'Bearer',
  'openid',
  'GET',
  'POST',
  'PATCH',
  'PUT',
  'DELETE',
  // JavaScript
  'default',
  'get',
  'set',
  'on',
  'then',
  'json',
  'init',
  'config',
  'use',
  'create',
  'list',
  'update',
  'delete',
  'method',
  'call',
  'client',
  'constructor',
  'type',
  'options',
  'callback',
  // HTTP
  'bearer',
  'auth',
  'request',
  'url',
  'uri',
  'form',
  'body',
  'data',
  'headers',
]);

/**
 * SDK names any analysis file could be tempted to write, whether or not the catalog holds them yet: the public API
 * of the login SDKs, Management SDKs and HTTP layers the tool reads (`../shared/reference/auth0-api-surface.md`).
 */
const SDK_VOCABULARY = [
  'auth0-js',
  'auth0-lock',
  'auth0-lock-passwordless',
  '@auth0/auth0-spa-js',
  '@auth0/auth0-react',
  '@auth0/auth0-angular',
  '@auth0/auth0-vue',
  'angular-auth0',
  'angular-lock',
  'react-native-auth0',
  'passport-auth0',
  'angular2-jwt',
  '@auth0/angular-jwt',
  'angular-jwt',
  'auth0',
  'Auth0',
  'Auth0Lock',
  'Auth0LockPasswordless',
  'WebAuth',
  'Authentication',
  'Management',
  'ManagementClient',
  'AuthenticationClient',
  'Auth0Client',
  'createAuth0Client',
  'createAuth0',
  'Auth0Provider',
  'useAuth0',
  'AuthService',
  'AuthModule',
  'provideAuth0',
  'angularAuth0',
  'angularAuth0Provider',
  'lockProvider',
  'lockPasswordless',
  'authManager',
  'AuthHttp',
  'AuthConfig',
  'provideAuth',
  'AUTH_PROVIDERS',
  'JwtModule',
  'JwtHelperService',
  'jwtInterceptorProvider',
  'jwtOptionsProvider',
  'tokenGetter',
  'tokenName',
  'allowedDomains',
  'whitelistedDomains',
  'whiteListedDomains',
  'getTokenSilently',
  'getTokenWithPopup',
  'getAccessTokenSilently',
  'getAccessTokenWithPopup',
  'getIdTokenClaims',
  'idTokenClaims',
  'idTokenClaims$',
  '__raw',
  'handleRedirectCallback',
  'loginWithRedirect',
  'loginWithPopup',
  'checkSession',
  'renewAuth',
  'parseHash',
  'resumeAuth',
  'showSignin',
  'showSignup',
  'emailcode',
  'magiclink',
  'getClient',
  'getProfile',
  'getUserInfo',
  'userInfo',
  'delegation',
  'getDelegationToken',
  'refreshToken',
  'renewIdToken',
  'loginWithResourceOwner',
  'loginWithCredentials',
  'loginWithDefaultDirectory',
  'oauthToken',
  'clientCredentialsGrant',
  'passwordGrant',
  'authorizationParams',
  'authParams',
  'oidcConformant',
  'callbackURL',
  'callbackOnLocationHash',
  'detailedResponse',
  'redirectUri',
  'redirect_uri',
  'getCredentials',
  'credentialsManager',
  '$auth0',
];

/** Catalog exports that hold the Management API's own vocabulary (paths, scopes), which analysis may name. */
const API_VOCABULARY = new Set([
  'MANAGEMENT_ENDPOINTS',
  'CURRENT_USER_PATCHABLE_KEYS',
  'OIDC_SCOPES',
  'CURRENT_USER_SCOPES',
  'ANY_USER_SCOPES',
]);

/** Fields whose values are descriptor grammar (`kind: 'constructor'`) or Management API paths, not SDK names. */
const GRAMMAR_FIELDS = new Set(['kind', 'path']);

/**
 * Names in catalog data: string values that are names rather than prose, and the keys of records (objects whose
 * values share one type, outside lists; the fields of an entry type hold values of different types).
 */
function catalogNames(value: unknown, names: Set<string>, seen: Set<unknown>, isRow = false): void {
  if (typeof value === 'string') {
    if (!/\s/.test(value)) names.add(value);
  } else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    const entries = Object.entries(value);
    // The entries of a list are rows of one entry type, whose keys are field names.
    if (!Array.isArray(value) && !isRow && new Set(entries.map(([, inner]) => typeof inner)).size === 1)
      for (const [key] of entries) names.add(key);
    for (const [key, inner] of entries)
      if (!GRAMMAR_FIELDS.has(key)) catalogNames(inner, names, seen, Array.isArray(value));
  }
}

/** Every SDK name the catalog holds, split into the tokens code would write. */
export function denySet(): Set<string> {
  const names = new Set<string>();
  for (const [name, value] of Object.entries(catalog))
    if (!API_VOCABULARY.has(name)) catalogNames(value, names, new Set());
  const words = new Set<string>();
  for (const name of [...names, ...SDK_VOCABULARY])
    for (const token of [name, ...name.split(/[^A-Za-z0-9_$@/.-]+/)])
      if (/[A-Za-z]/.test(token) && token.length > 2 && !SHARED_WORDS.has(token)) words.add(token);
  return words;
}

/** The rule message and description tables are prose for users, which may name the SDKs they advise about. */
const PROSE_TABLES = new Set(['RULE_MESSAGES', 'RULE_DESCRIPTIONS']);

function isUserProse(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent)
    if (current.type === 'VariableDeclarator' && current.id.type === 'Identifier' && PROSE_TABLES.has(current.id.name))
      return true;
  return false;
}

/** An SDK family, as the words of a declared name (`lockShape`, `isUseAuth0Member`, `SPA_JS`). */
const SDK_WORDS =
  /\b(lock|web auth|spa js|use auth0|auth0 (react|angular|vue)|angular auth0|passport|auth http|jwt module)\b/;

function words(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_$]+/g, ' ')
    .toLowerCase();
}

/** The name a declaration introduces: a variable, function, class, type, parameter or property key. */
function isDeclaration(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'VariableDeclarator':
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ClassDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSEnumMember':
      return parent.id === node;
    case 'Property':
    case 'PropertyDefinition':
    case 'MethodDefinition':
    case 'TSPropertySignature':
      return parent.key === node;
    default:
      return false;
  }
}

/** A pattern may match the vendor's name, as tenant hosts (`*.auth0.com`) and the prefilter do. */
const VENDOR_NAMES = new Set(['auth0', 'Auth0']);

const GENERIC_NAMES = ['qzxv', 'Qzxv', 'qzxv.wq', 'qz-xv'];

export interface Offender {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export function offenders(directory: string, deny: Set<string>): Offender[] {
  const found: Offender[] = [];
  for (const name of readdirSync(directory)
    .filter((file) => file.endsWith('.ts'))
    .sort()) {
    const source = readFileSync(join(directory, name), 'utf8');
    const ast = parse(source, { loc: true, range: true, comment: false });
    const reported = new Set<string>();
    const report = (node: TSESTree.Node, text: string) => {
      const key = `${node.range[0]} ${text}`;
      if (reported.has(key) || isUserProse(node)) return;
      reported.add(key);
      found.push({ file: name, line: node.loc.start.line, text });
    };
    simpleTraverse(
      ast,
      {
        enter(node) {
          if (node.type === 'Literal' && typeof node.value === 'string') {
            for (const token of [node.value, ...node.value.split(/[^A-Za-z0-9_$@/.-]+/)])
              if (deny.has(token)) report(node, token);
          } else if (node.type === 'TemplateElement') {
            for (const token of (node.value.cooked ?? '').split(/[^A-Za-z0-9_$@/.-]+/))
              if (deny.has(token)) report(node, token);
          } else if (node.type === 'Identifier' && isDeclaration(node) && SDK_WORDS.test(words(node.name))) {
            report(node, node.name);
          } else if (node.type === 'Literal' && 'regex' in node && node.regex) {
            const pattern = new RegExp(`^(?:${node.regex.pattern})$`, node.regex.flags.replace('g', ''));
            // A pattern that matches any name (`^[A-Za-z_$][\w$]*$`) names no SDK.
            if (GENERIC_NAMES.some((name) => pattern.test(name))) return;
            for (const word of deny)
              if (!VENDOR_NAMES.has(word) && pattern.test(word))
                report(node, `/${node.regex.pattern}/ matches ${word}`);
          }
        },
      },
      true,
    );
  }
  return found;
}
