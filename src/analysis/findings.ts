/**
 * Findings per rule, derived from a file's facts: what to report, how certain it is, and the text edits that
 * fix it (applied by `--fix` and the codemod) or that a suggestion offers.
 */
import {
  compareCurrentUserScopes,
  findEndpoint,
  isAnyUserScope,
  isCurrentUserScope,
  isManagementAudience,
  loginVariant,
  managementAudienceOrigin,
  type HttpMethod,
} from '../catalog';
import { isFunction, isStringLiteral, unwrap } from './ast';
import { callRequestsOf } from './token-requests';
import {
  applyEdits,
  canSetOption,
  displayValue,
  eol,
  managementAudience,
  managementAudienceParts,
  setOption,
  stringLiteral,
  valueCode,
  type OptionName,
} from './edits';
import { writtenPlainly, writtenValueEdits } from './literal-text';
import type {
  AccessTokenAlternative,
  Certainty,
  CredentialUse,
  DetectedEnvironment,
  FileFacts,
  ManagementCall,
  Node,
  OptionValue,
  Provenance,
  SecretUse,
  TextEdit,
  TokenRequest,
  TokenRequestSdk,
} from './types';

export interface Suggestion {
  readonly messageId: string;
  readonly data?: Record<string, string>;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  readonly messageId: string;
  readonly data: Record<string, string>;
  readonly node: Node;
  readonly certainty: Certainty;
  /** Safe to apply without review (`--fix`, codemod). */
  readonly fix?: readonly TextEdit[];
  readonly suggestions?: readonly Suggestion[];
}

export type MetadataScope = 'update' | 'create' | 'both';

/** The Management calls this file makes with tokens whose `option` (audience, scope or response type) the request decides. */
export function linkedCalls(facts: FileFacts, request: TokenRequest, option: OptionName): ManagementCall[] {
  return callsByGoverningRequest(facts, option).get(request) ?? [];
}

/** Per file and option: the calls each request governs, in file order. Facts are never changed once made. */
const governedCalls = new WeakMap<FileFacts, Map<OptionName, Map<TokenRequest | undefined, ManagementCall[]>>>();

/**
 * Each call's governing request, found once per file and option: filtering every call for every request made a file
 * with hundreds of logins quadratic (a 900 KB file of repeated flows took 53 s).
 */
function callsByGoverningRequest(
  facts: FileFacts,
  option: OptionName,
): Map<TokenRequest | undefined, ManagementCall[]> {
  let byOption = governedCalls.get(facts);
  if (!byOption) governedCalls.set(facts, (byOption = new Map()));
  let byRequest = byOption.get(option);
  if (!byRequest) {
    byRequest = new Map();
    for (const call of facts.managementCalls) {
      const request = governingRequest(facts, call, option);
      const calls = byRequest.get(request);
      if (calls) calls.push(call);
      else byRequest.set(request, [call]);
    }
    byOption.set(option, byRequest);
  }
  return byRequest;
}

/**
 * The request whose written `option` decides the token a Management call sends. The token's issuer is the call-level
 * request whose callback or return value yields it (`checkSession(..., cb)`, `await getTokenSilently(...)`), else the
 * client whose result it is, else (a token from storage or a variable with no visible login) the file's single client
 * that is not a secondary login. A call that leaves the option out inherits it from its client (scope stays the
 * call's when it asks for its own audience: a separate token); a redirect that sets it decides it for the client's
 * shared result.
 */
function governingRequest(facts: FileFacts, call: ManagementCall, option: OptionName): TokenRequest | undefined {
  let request = issuingRequest(facts, call);
  if (
    request?.level === 'call' &&
    request.parent &&
    request[option] === undefined &&
    !(option === 'scope' && request.audience)
  )
    request = request.parent;
  // The client's redirects decide its shared result, in whichever module they are made.
  if (request?.level === 'client')
    request =
      callRequestsOf(request).find((redirect) => redirect.sharesClientResult && redirect[option] !== undefined) ??
      request;
  return request;
}

function issuingRequest(facts: FileFacts, call: ManagementCall): TokenRequest | undefined {
  const provenance = call.credential?.provenance;
  if (!provenance || provenance.kind === 'unknown') return undefined;
  const pinned = provenance.source && resultCall(facts, provenance.source);
  if (pinned) return pinned;
  if (provenance.issuer) return provenance.issuer;
  // An access token read off any other response (a machine-to-machine token from the app's backend or from a
  // client-credentials grant) is no login's business: only a login's own tokens, stored ones and guesses by name are.
  if (
    provenance.kind === 'access-token' &&
    provenance.certainty === 'proven' &&
    !provenance.fromLogin &&
    provenance.storageKey === undefined
  )
    return undefined;
  const clients = facts.tokenRequests.filter((candidate) => candidate.level === 'client' && !candidate.secondaryLogin);
  return clients.length === 1 ? clients[0] : undefined;
}

/** Per file: the call-level requests that return their own tokens, by call node. */
const resultCalls = new WeakMap<FileFacts, Map<Node, TokenRequest>>();

/**
 * The call-level request that returns a token source (`await client.getTokenSilently({...})`) or whose callback
 * declares the variable it is read from (`checkSession({...}, (err, result) => ... result.accessToken)`).
 */
function resultCall(facts: FileFacts, source: Node): TokenRequest | undefined {
  let calls = resultCalls.get(facts);
  if (!calls) {
    calls = new Map(
      facts.tokenRequests
        .filter((request) => request.level === 'call' && !request.sharesClientResult)
        .map((request) => [request.node, request]),
    );
    resultCalls.set(facts, calls);
  }
  const direct = calls.get(unwrap(source));
  if (direct) return direct;
  const name = rootName(source);
  if (name === undefined) return undefined;
  for (let node = source.parent; node; node = node.parent) {
    if (isFunction(node) && node.params.some((param) => declares(param, name)))
      return node.parent ? calls.get(node.parent) : undefined;
  }
  return undefined;
}

function rootName(node: Node): string | undefined {
  const target = unwrap(node);
  if (target.type === 'Identifier') return target.name;
  return target.type === 'MemberExpression' ? rootName(target.object) : undefined;
}

function declares(pattern: Node, name: string): boolean {
  switch (pattern.type) {
    case 'Identifier':
      return pattern.name === name;
    case 'AssignmentPattern':
      return declares(pattern.left, name);
    case 'RestElement':
      return declares(pattern.argument, name);
    case 'ArrayPattern':
      return pattern.elements.some((element) => !!element && declares(element, name));
    case 'ObjectPattern':
      return pattern.properties.some((property) =>
        declares(property.type === 'Property' ? property.value : property, name),
      );
    case 'TSParameterProperty':
      return declares(pattern.parameter, name);
    default:
      return false;
  }
}

/**
 * Whether a request's tokens are meant for the Management API: they reach calls a browser token can make (calls only a
 * backend can make are another rule's report, not a reason to migrate the login), or it asks for current_user scopes
 * or the api/v2 audience.
 */
function isManagementRequest(facts: FileFacts, request: TokenRequest, option: OptionName): boolean {
  const migratable = linkedCalls(facts, request, option).some(
    (call) => !call.endpoint || (!call.backendOnlyReason && call.endpoint.currentUserScope !== undefined),
  );
  return (
    migratable ||
    scopeList(request.scope?.value).some(isCurrentUserScope) ||
    isManagementAudience(request.audience?.pattern)
  );
}

/**
 * Whether the request's token can become a Management API token by changing its scope or response type: the SDK can ask
 * for an audience and the request (or, for a call that sets none, its client) asks for no other one.
 */
function canCarryManagementToken(request: TokenRequest): boolean {
  // Options built with spreads or helpers may hold any audience: no edit can be proven right.
  return request.supportsAudience && !request.dynamic && !asksForOtherAudience(request) && !audienceBlocked(request);
}

/**
 * The request (or, for a call that sets none, its client) lacks an audience that no edit can add: its domain is
 * unknown, or its options have no place the audience can be written. Its login stays as it is, and so do its calls.
 */
function audienceBlocked(request: TokenRequest): boolean {
  const owner = request.audience || request.level !== 'call' ? request : (request.parent ?? request);
  if (owner.audience) return false;
  return (owner.domain === undefined && owner.domainValue === undefined) || !canSetOption(owner, 'audience');
}

/** The request (or, for a call that sets none, its client) asks for a static audience that is not the Management API. */
function asksForOtherAudience(request: TokenRequest): boolean {
  const audience = requestedAudience(request);
  return audience?.value !== undefined && !isManagementAudience(audience.value);
}

/** The audience a request asks for: its own, or for a call that sets none, its client's. */
function requestedAudience(request: TokenRequest): OptionValue | undefined {
  return request.audience ?? (request.level === 'call' ? request.parent?.audience : undefined);
}

/** An audience the code computes (`process.env.REACT_APP_AUDIENCE`) that may be the app's own API as well as api/v2. */
function audienceUnknown(request: TokenRequest): boolean {
  const audience = requestedAudience(request);
  return !!audience && audience.value === undefined && !isManagementAudience(audience.pattern);
}

/** A client-level option that a redirect call on the client sets itself: the call's value is the one the login uses. */
function overriddenByRedirect(facts: FileFacts, request: TokenRequest, option: OptionName): boolean {
  return (
    request.level === 'client' &&
    facts.tokenRequests.some((call) => call.parent === request && call.sharesClientResult && call[option] !== undefined)
  );
}

export function scopeList(scope: string | undefined): string[] {
  return (scope ?? '').split(/[\s,]+/).filter(Boolean);
}

/** The exact current-user scopes the calls need, in catalog order. */
export function requiredScopes(calls: readonly ManagementCall[], metadataScope: MetadataScope): string[] {
  const scopes = new Set<string>();
  for (const call of calls) {
    const scope = call.endpoint?.currentUserScope;
    if (!scope || call.backendOnlyReason) continue;
    if (scope === 'update:current_user_metadata' && metadataScope !== 'update')
      scopes.add('create:current_user_metadata');
    if (scope !== 'update:current_user_metadata' || metadataScope !== 'create') scopes.add(scope);
  }
  return [...scopes].sort(compareCurrentUserScopes);
}

/** Keeps OIDC and custom scopes as written, drops current-user and any-user scopes no call needs, appends the missing ones. */
export function minimalScopeString(declared: readonly string[], required: readonly string[]): string {
  const kept = declared.filter(
    (scope) => (!isCurrentUserScope(scope) && !isAnyUserScope(scope)) || required.includes(scope),
  );
  const unique = [...new Set(kept)];
  for (const scope of required) if (!unique.includes(scope)) unique.push(scope);
  return unique.join(' ');
}

// ---------------------------------------------------------------------------------------------- rules

/** Whether a node runs on the server inside browser code (a Next.js page's `getServerSideProps`). */
export function inServerRegion(facts: FileFacts, node: Node): boolean {
  return (facts.serverRegions ?? []).some(([start, end]) => start <= node.range[0] && node.range[1] <= end);
}

export function idTokenCredentialFindings(
  facts: FileFacts,
  text: string,
  environment: DetectedEnvironment,
  metadataScope: MetadataScope,
): Finding[] {
  return facts.credentials
    .filter((credential) => credential.provenance.kind === 'id-token')
    .map((credential): Finding => {
      const server = environment === 'server' || inServerRegion(facts, credential.node);
      const provenance = credential.provenance;
      const source = provenance.description ?? sourceOf(credential.node, text);
      // On a server the fix is a machine-to-machine token, not the user's access token.
      const gate = server ? undefined : accessTokenGate(facts, credential, text, metadataScope);
      const switched = gate?.open ? accessTokenSwitch(provenance, text) : undefined;
      if (gate?.blocked) {
        const { reason, scopes } = gate.blocked;
        return {
          messageId: 'idTokenLoginBlocked',
          data: { source, reason, scopes: scopes.join(' ') || 'the current_user scopes the calls need' },
          node: credential.node,
          certainty: provenance.certainty,
          suggestions: [],
        };
      }
      return {
        // A stored token whose login this file cannot see: the next step is storing the access token at that login.
        messageId: server
          ? 'idTokenCredentialServer'
          : provenance.storageKey !== undefined && !switched
            ? 'idTokenFromStorage'
            : 'idTokenCredential',
        data: { source },
        node: credential.node,
        certainty: provenance.certainty,
        suggestions: switched
          ? [
              {
                messageId: switched.messageId,
                data: { replacement: switched.text, key: switched.key ?? '' },
                edits: switched.edits,
              },
            ]
          : [],
      };
    });
}

/**
 * Management calls whose credential the code does not show (a token from an unknown helper, a parameter nobody in view
 * passes, an HTTP layer that adds it): once the tenant stops accepting ID tokens they must send an access token, so
 * silence would not be safe. Server code is left out: its untraced tokens are machine-to-machine tokens.
 */
export function untracedCredentialFindings(facts: FileFacts, environment: DetectedEnvironment): Finding[] {
  if (environment === 'server') return [];
  const findings: Finding[] = [];
  const reported = new Set<Node>();
  for (const call of facts.managementCalls) {
    if (
      call.file !== undefined ||
      call.machineToMachine ||
      call.backendOnlyReason ||
      (call.endpoint && !call.endpoint.currentUserScope) ||
      inServerRegion(facts, call.node)
    )
      continue;
    const provenance = call.credential?.provenance;
    if (provenance && (provenance.kind !== 'unknown' || provenance.literal)) continue;
    const node = call.credential?.node ?? call.node;
    if (reported.has(node)) continue;
    reported.add(node);
    findings.push({ messageId: 'untracedCredential', data: { call: describe(call) }, node, certainty: 'needs-manual' });
  }
  return findings;
}

/**
 * Whether a credential may read its login's access token in this run. A credential never moves ahead of its login:
 * the requests that decide the token its calls send must have, or get from this run's edits, the Management audience,
 * a response type with `token` and every scope the calls need. `blocked` says what a person must fix in the login
 * first, where the login would do but for an option no edit can write.
 */
function accessTokenGate(
  facts: FileFacts,
  credential: CredentialUse,
  text: string,
  metadataScope: MetadataScope,
): { open: boolean; blocked?: LoginShortfall } {
  if (!switchReachesManagementApi(facts, credential)) return { open: false };
  const blocked = loginShortfall(facts, credential, text, metadataScope);
  return { open: blocked === undefined, blocked };
}

/** Why a login's access token would not do for some calls: a person's reason, and the scopes those calls need. */
interface LoginShortfall {
  readonly reason: string;
  readonly scopes: readonly string[];
}

/**
 * Whether the login's access token would reach the Management API: its audience is the Management API (or still to be
 * added), and some call it is sent with is one a current-user token can make (a backend-only call stays wrong with
 * either token).
 */
function switchReachesManagementApi(facts: FileFacts, credential: CredentialUse): boolean {
  const calls = callsWith(facts, credential);
  if (
    calls.length > 0 &&
    calls.every((call) => call.backendOnlyReason || (call.endpoint && !call.endpoint.currentUserScope))
  )
    return false;
  // With no call in sight, a login in this file that is not migrated would leave the credential reading no access token.
  const issuer = credential.provenance.issuer;
  if (
    calls.length === 0 &&
    issuer &&
    facts.tokenRequests.includes(issuer) &&
    !isManagementRequest(facts, issuer, 'audience')
  )
    return false;
  const requests = calls.length > 0 ? calls.map((call) => governingRequest(facts, call, 'audience')) : [issuer];
  return requests.every(
    (request) =>
      request !== undefined &&
      (isManagementAudience(request.audience?.pattern ?? request.audience?.value) ||
        (!request.audience && canCarryManagementToken(request))),
  );
}

function callsWith(facts: FileFacts, credential: CredentialUse): ManagementCall[] {
  return facts.managementCalls.filter((call) => call.credential === credential);
}

/**
 * What keeps the login from issuing, by the end of this run, an access token that carries every scope the
 * credential's calls need, with `token` in its response type; undefined when nothing does. With no call in sight only
 * the response type can be judged.
 */
function loginShortfall(
  facts: FileFacts,
  credential: CredentialUse,
  text: string,
  metadataScope: MetadataScope,
): LoginShortfall | undefined {
  const calls = callsWith(facts, credential);
  const scopes = requiredScopes(calls, metadataScope);
  const shortfall = (reason: string | undefined): LoginShortfall | undefined =>
    reason === undefined ? undefined : { reason, scopes };
  const issuer = credential.provenance.issuer;
  if (calls.length === 0) return issuer && shortfall(responseTypeShortfall(facts, issuer, text));
  for (const call of calls) {
    const scopeRequest = governingRequest(facts, call, 'scope');
    const responseTypeRequest = governingRequest(facts, call, 'responseType');
    const found =
      shortfall(scopeRequest && scopeShortfall(facts, scopeRequest, call, text, metadataScope)) ??
      shortfall(responseTypeRequest && responseTypeShortfall(facts, responseTypeRequest, text));
    if (found) return found;
  }
  return undefined;
}

/**
 * Why the login's scope will not hold every scope `call` needs once this run's edits are made; undefined when it
 * already does or the scope rule's edit adds them. A login in another module is that module's to edit: here only the
 * scope it asks for now counts, and the call waits for the next round.
 */
function scopeShortfall(
  facts: FileFacts,
  request: TokenRequest,
  call: ManagementCall,
  text: string,
  metadataScope: MetadataScope,
): string | undefined {
  const cannot = (why: string) => `the login's scope cannot be extended here: ${why}`;
  if (!call.endpoint) return `the scope that ${describe(call)} needs is not known`;
  const needed = requiredScopes([call], metadataScope);
  const declared = declaredScopes(request);
  const missing = needed.filter((scope) => !declared?.includes(scope));
  if (missing.length === 0) return undefined;
  if (!facts.tokenRequests.includes(request))
    return `the login, in another module, ${declared ? `does not ask for ${missing.join(' ')} yet` : 'computes its scope at run time'}`;
  const plan = scopePlan(facts, request, text, metadataScope);
  if (plan?.kind === 'change') return plan.edits ? undefined : cannot(unwritableReason(request, request.scope, text));
  if (plan?.kind === 'computed') return cannot(`${sourceOf(plan.valueNode, text)} is computed at run time`);
  if (plan?.kind === 'unknownEndpoint')
    return cannot('another call with its tokens goes to an endpoint whose scope is not known');
  return cannot(`it does not ask for ${missing.join(' ')}`);
}

/**
 * Why the login's response type will not include `token` once this run's edits are made; undefined when it already
 * does, the response-type rule's fix adds it, or the SDK (or the code, leaving the SDK's default) sets none.
 */
function responseTypeShortfall(facts: FileFacts, request: TokenRequest, text: string): string | undefined {
  const responseType = request.responseType;
  if (!request.hasResponseType || !responseType) return undefined;
  const { value } = responseType;
  const parts = responseTypeParts(value ?? '');
  if (parts.includes('token')) return undefined;
  // Another module's nodes do not index this file's text.
  if (!facts.tokenRequests.includes(request))
    return `the login, in another module, ${value === undefined ? 'computes its response type at run time' : `asks for response type '${value}'`}`;
  const cannot = (why: string) => `the login's response type cannot include 'token' here: ${why}`;
  if (value === undefined) return cannot(`${sourceOf(responseType.valueNode, text)} is computed at run time`);
  if (responseTypeFix(facts, request, text)?.edits) return undefined;
  if (parts.includes('code')) return cannot(`'${value}' is exchanged for tokens elsewhere`);
  return cannot(unwritableReason(request, responseType, text));
}

/** Why no edit writes a login's option: its options are built dynamically, have no place for it, or its value is written so that an edit would change more than it should. */
function unwritableReason(request: TokenRequest, option: OptionValue | undefined, text: string): string {
  // Options built with spreads or helpers may hold the option already: no edit can be proven right.
  if (request.dynamic) return 'its options are built dynamically';
  if (!option) return 'its options have no place where an edit can write it';
  const written = sourceOf(option.valueNode, text);
  return writtenPlainly(option.valueNode, text)
    ? `${written} is built from parts an edit cannot extend`
    : `${written} is written with escapes an edit would change`;
}

function sourceOf(node: Node, text: string): string {
  return text.slice(node.range[0], node.range[1]);
}

const STATEMENT_LISTS = new Set(['Program', 'BlockStatement', 'SwitchCase', 'StaticBlock', 'TSModuleBlock']);

/**
 * Reads the same login's access token instead, where the recogniser proved one is there: `authResult.idToken` ->
 * `authResult.accessToken`, `getItem('id_token')` -> `getItem('access_token')` (storing the access token beside the
 * ID token first when the file does not yet). Returns the edits, the source after them, and the suggestion's id.
 */
function accessTokenSwitch(
  provenance: Provenance,
  text: string,
): { edits: TextEdit[]; text: string; messageId: string; key?: string } | undefined {
  const alternative = provenance.accessTokenAlternative;
  const source = provenance.source;
  if (!alternative || !source) return undefined;
  const { node, name } = alternative;
  // A key written as a string changes only where it differs, its other characters staying as they are written.
  const reads = isStringLiteral(node)
    ? writtenValueEdits(node, node.value, name, text)
    : [{ range: node.range, text: name }];
  if (!reads) return undefined;
  const after = applyEdits(
    text.slice(source.range[0], source.range[1]),
    reads.map((edit) => ({
      ...edit,
      range: [edit.range[0] - source.range[0], edit.range[1] - source.range[0]] as const,
    })),
  );
  if (!alternative.storeBeside) return { edits: reads, text: after, messageId: 'useAccessToken' };
  return {
    edits: [...siblingWrites(alternative, text), ...reads],
    text: after,
    messageId: 'storeAccessToken',
    key: name,
  };
}

/** For each `storage.setItem(key, r.idToken)` of an alternative: a sibling write of `r.accessToken` under its key. */
export function siblingWrites(alternative: AccessTokenAlternative, text: string): TextEdit[] {
  const { name } = alternative;
  return (alternative.storeBeside ?? []).map(({ statement, keyNode, property, accessProperty }): TextEdit => {
    const swapped = [
      { range: keyNode.range, text: stringLiteral(name, text, keyNode) },
      { range: property.range, text: accessProperty },
    ].sort((a, b) => b.range[0] - a.range[0]);
    let sibling = text.slice(statement.range[0], statement.range[1]);
    for (const edit of swapped)
      sibling =
        sibling.slice(0, edit.range[0] - statement.range[0]) +
        edit.text +
        sibling.slice(edit.range[1] - statement.range[0]);
    // The body of an `if`/loop without braces: brace both writes so the new one stays under the same condition.
    if (!STATEMENT_LISTS.has(statement.parent?.type ?? '')) {
      return { range: statement.range, text: `{ ${text.slice(statement.range[0], statement.range[1])} ${sibling} }` };
    }
    const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    return { range: [statement.range[1], statement.range[1]], text: `${eol(text)}${indent}${sibling}` };
  });
}

export function audienceFindings(facts: FileFacts, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const request of facts.tokenRequests) {
    // A call without its own audience inherits the client's, which is checked on the client.
    if (request.level === 'call' && !request.audience) continue;
    if (overriddenByRedirect(facts, request, 'audience') || !isManagementRequest(facts, request, 'audience')) continue;
    const node = request.audience?.node ?? request.node;
    const parts = managementAudienceParts(request, text);
    const expected = parts ? displayValue(parts) : 'https://<your domain>/api/v2/';
    if (!request.supportsAudience) {
      findings.push({
        messageId: 'sdkCannotRequestAudience',
        data: { sdk: request.sdk },
        node,
        certainty: 'needs-manual',
      });
      continue;
    }
    const audience = request.audience;
    if (!audience) {
      if (request.dynamic) {
        findings.push({ messageId: 'dynamicOptions', data: {}, node, certainty: 'needs-manual' });
        continue;
      }
      const edits = parts && setOption(request, 'audience', parts, text);
      // As code: a template literal reads as one only in backticks.
      const code = parts ? valueCode(parts, text) : `'${expected}'`;
      findings.push({
        messageId: 'missingAudience',
        data: { audience: code },
        node,
        certainty: 'proven',
        suggestions: edits ? [{ messageId: 'addAudience', data: { audience: code }, edits }] : [],
      });
      continue;
    }
    const value = audience.value;
    const otherAudience = (audienceValue: string, certainty: Finding['certainty']): Finding => ({
      messageId: 'otherAudience',
      data: {
        audience: audienceValue,
        expected,
        route: secondTokenRoute(request.sdk, expected, requiredScopes(linkedCalls(facts, request, 'scope'), 'update')),
      },
      node,
      certainty,
    });
    if (unwrap(audience.valueNode).type === 'ArrayExpression' || (value !== undefined && /\s/.test(value.trim()))) {
      findings.push({ messageId: 'severalAudiences', data: {}, node, certainty: 'proven' });
    } else if (value === undefined) {
      if (!isManagementAudience(audience.pattern))
        findings.push({ messageId: 'dynamicOptions', data: {}, node, certainty: 'needs-manual' });
    } else if (!isManagementAudience(value)) {
      findings.push(otherAudience(value, 'proven'));
    } else if (parts && !expected.includes('${') && managementAudience(managementAudienceOrigin(value)!) !== expected) {
      // The api/v2 audience of another host: a custom domain or another tenant, which only a person can tell.
      findings.push(otherAudience(value, 'needs-manual'));
    }
  }
  return findings;
}

/** How this SDK gets a second token for the Management API next to the one for the app's own audience. */
function secondTokenRoute(sdk: TokenRequestSdk, audience: string, scopes: readonly string[]): string {
  const options = `audience: '${audience}', scope: '${scopes.join(' ') || '<current_user scopes>'}'`;
  const route = loginVariant(sdk).secondToken;
  if (!route) return `another token request for { ${options} }`;
  const nested = route.optionsPath.reduceRight((inner, key) => `${key}: { ${inner} }`, options);
  const extra = route.extra === undefined ? '' : `, ${route.extra}`;
  return `${route.method}({ ${nested}${extra} }${route.callback ? ', callback' : ''})`;
}

export function responseTypeFindings(facts: FileFacts, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const request of facts.tokenRequests) {
    const fix = responseTypeFix(facts, request, text);
    if (!fix) continue;
    findings.push({
      messageId: 'missingTokenResponseType',
      data: { responseType: fix.responseType.value!, fixed: fix.next },
      node: fix.responseType.node,
      certainty: 'proven',
      fix: fix.edits,
    });
  }
  return findings;
}

/**
 * What the response-type rule writes for a login whose tokens call the Management API but whose written response type
 * returns no access token: `token` added, and the edit when one can write it. Undefined where the rule leaves it.
 */
function responseTypeFix(
  facts: FileFacts,
  request: TokenRequest,
  text: string,
): { responseType: OptionValue; next: string; edits?: TextEdit[] } | undefined {
  const responseType = request.responseType;
  if (
    !request.hasResponseType ||
    !responseType ||
    responseType.value === undefined ||
    !canCarryManagementToken(request)
  )
    return undefined;
  if (overriddenByRedirect(facts, request, 'responseType') || !isManagementRequest(facts, request, 'responseType'))
    return undefined;
  const parts = responseTypeParts(responseType.value);
  // `code` flows exchange the code for tokens elsewhere: never touched.
  if (parts.includes('token') || parts.includes('code')) return undefined;
  const next = ['token', ...parts].join(' ');
  return { responseType, next, edits: setOption(request, 'responseType', next, text) };
}

function responseTypeParts(responseType: string): string[] {
  return responseType.split(/[\s+]+/).filter(Boolean);
}

/** What the SDK asks for when the code gives no scope, which a written scope must keep. */
function defaultScopes(request: TokenRequest): string[] {
  if (request.level === 'call')
    return request.parent
      ? request.parent.scope
        ? scopeList(request.parent.scope.value)
        : defaultScopes(request.parent)
      : [];
  return scopeList(loginVariant(request.sdk).defaultScope);
}

export function scopeFindings(facts: FileFacts, text: string, metadataScope: MetadataScope): Finding[] {
  const findings: Finding[] = [];
  for (const request of facts.tokenRequests) {
    if (!judgesScope(facts, request)) continue;
    const malformed = malformedScopeFinding(request, text);
    if (malformed) findings.push(malformed);
    const plan = scopePlan(facts, request, text, metadataScope);
    if (plan?.kind === 'unknownEndpoint')
      findings.push({
        messageId: 'unknownEndpoint',
        data: {},
        node: request.scope?.node ?? request.node,
        certainty: 'needs-manual',
      });
    if (plan?.kind === 'change') findings.push(...scopeChangeFindings(request, plan));
  }
  return findings;
}

/** Whether the scope rule judges a request's scope at all. */
function judgesScope(facts: FileFacts, request: TokenRequest): boolean {
  // A call inherits the client's scope unless it sets its own, or asks for its own audience (a separate token).
  if (request.level === 'call' && !request.scope && !request.audience) return false;
  // An SDK that cannot ask for the audience, or a login no edit can give it, gets no Management token whatever its
  // scope: the audience rule reports what blocks it, and the login is left as it is.
  return !overriddenByRedirect(facts, request, 'scope') && request.supportsAudience && !audienceBlocked(request);
}

/** A scope written with commas, which Auth0 does not split on: the finding that offers it with spaces. */
function malformedScopeFinding(request: TokenRequest, text: string): Finding | undefined {
  const scope = request.scope;
  const rawScope = scope?.value;
  if (!scope || rawScope === undefined || !/,/.test(rawScope)) return undefined;
  const normalised = scopeList(rawScope).join(' ');
  const edits = setOption(request, 'scope', normalised, text);
  return {
    messageId: 'malformedScope',
    data: { scope: rawScope },
    node: scope.node,
    certainty: 'proven',
    suggestions: edits ? [{ messageId: 'normaliseScope', data: { scope: normalised }, edits }] : [],
  };
}

/**
 * The scope rule's verdict on a login's scope, which the credential switch relies on too: calls whose endpoints are
 * unknown, a scope the code computes, or the change it makes (the scopes missing and unused, the scope that fixes them,
 * and its edit when one can write it). Undefined where the rule does not judge the scope or has nothing to change.
 */
type ScopePlan =
  | { readonly kind: 'unknownEndpoint' }
  | { readonly kind: 'computed'; readonly valueNode: Node }
  | {
      readonly kind: 'change';
      readonly calls: readonly ManagementCall[];
      readonly missing: readonly string[];
      readonly unused: readonly string[];
      readonly next: string;
      readonly edits?: TextEdit[];
    };

function scopePlan(
  facts: FileFacts,
  request: TokenRequest,
  text: string,
  metadataScope: MetadataScope,
): ScopePlan | undefined {
  if (!judgesScope(facts, request)) return undefined;
  const calls = linkedCalls(facts, request, 'scope');
  // A token for another API cannot carry Management scopes: the audience rule gives the second-token route.
  if (calls.length === 0 || asksForOtherAudience(request)) return undefined;
  if (calls.some((call) => !call.endpoint)) return { kind: 'unknownEndpoint' };
  const declared = declaredScopes(request);
  if (!declared) return { kind: 'computed', valueNode: request.scope!.valueNode };
  const required = requiredScopes(calls, metadataScope);
  const missing = required.filter((name) => !declared.includes(name));
  const unused = declared.filter((name) => isCurrentUserScope(name) && !required.includes(name));
  if (missing.length === 0 && unused.length === 0) return undefined;
  const next = minimalScopeString(declared, required);
  const edits = canCarryManagementToken(request) ? setOption(request, 'scope', next, text) : undefined;
  return { kind: 'change', calls, missing, unused, next, edits };
}

/** The scopes a request asks for: as written, else the SDK's default; undefined when the code computes them. */
function declaredScopes(request: TokenRequest): string[] | undefined {
  if (!request.scope) return defaultScopes(request);
  return request.scope.value === undefined ? undefined : scopeList(request.scope.value);
}

/** The missing and unused scopes of a plan, each a finding that offers the plan's scope. */
function scopeChangeFindings(
  request: TokenRequest,
  { calls, missing, unused, next, edits }: Extract<ScopePlan, { kind: 'change' }>,
): Finding[] {
  const findings: Finding[] = [];
  const because = calls
    .filter((call) => call.endpoint?.currentUserScope)
    .map((call) => `${call.method} /api/v2/${call.path}${call.file === undefined ? '' : ` in ${call.file}`}`);
  // With an audience the code computes, the token may be for the app's own API: its scopes are that API's to judge.
  const certainty: Certainty = audienceUnknown(request) ? 'needs-manual' : 'proven';
  const suggestions = edits && certainty === 'proven' ? [{ messageId: 'setScopes', data: { scope: next }, edits }] : [];
  const node = request.scope?.node ?? request.node;
  if (missing.length > 0)
    findings.push({
      messageId: 'missingScopes',
      data: { scopes: missing.join(' '), because: [...new Set(because)].join(', ') },
      node,
      certainty,
      suggestions,
    });
  if (unused.length > 0)
    findings.push({
      messageId: 'unusedScopes',
      data: { scopes: unused.join(' ') },
      node,
      certainty,
      suggestions: missing.length > 0 ? [] : suggestions,
    });
  return findings;
}

export function anyUserScopeFindings(
  facts: FileFacts,
  text: string,
  environment: DetectedEnvironment,
  metadataScope: MetadataScope,
): Finding[] {
  if (environment !== 'browser') return [];
  const findings: Finding[] = [];
  for (const request of facts.tokenRequests) {
    const scopes = scopeList(request.scope?.value);
    const anyUser = scopes.filter(isAnyUserScope);
    if (!request.scope || anyUser.length === 0) continue;
    // With the audience of the app's own API, `read:users` is that API's permission, not the Management API's.
    if (asksForOtherAudience(request)) continue;
    // A dynamic audience, or (for a call that sets none) a client this file does not show, may be that API's too.
    const unseenClient = request.level === 'call' && !request.audience && !request.parent;
    const certainty: Certainty = unseenClient || audienceUnknown(request) ? 'needs-manual' : 'proven';
    const required = requiredScopes(linkedCalls(facts, request, 'scope'), metadataScope);
    // Without the calls in view there is no current-user replacement to offer, only the report.
    const next = minimalScopeString(scopes, required);
    const edits = required.length > 0 ? setOption(request, 'scope', next, text) : undefined;
    findings.push({
      messageId: certainty === 'proven' ? 'anyUserScope' : 'anyUserScopeUnknownAudience',
      data: { scopes: anyUser.join(' '), replacement: required.join(' ') || 'the current_user scopes the calls need' },
      node: request.scope.node,
      certainty,
      suggestions: edits && certainty === 'proven' ? [{ messageId: 'setScopes', data: { scope: next }, edits }] : [],
    });
  }
  return findings;
}

export function backendOnlyFindings(facts: FileFacts, environment: DetectedEnvironment): Finding[] {
  if (environment !== 'browser') return [];
  const findings: Finding[] = [];
  for (const call of facts.managementCalls) {
    if (call.file !== undefined) continue; // reported in the module that makes it
    // An endpoint no current-user token can call is reported as such, whatever its body sends.
    if (call.endpoint && !call.endpoint.currentUserScope) {
      findings.push({
        messageId: 'backendOnlyEndpoint',
        data: { call: describe(call), scope: call.endpoint.anyUserScope },
        node: call.node,
        certainty: 'proven',
      });
    } else if (call.backendOnlyReason) {
      findings.push({
        messageId: 'backendOnlyBody',
        data: { call: describe(call), reason: call.backendOnlyReason },
        node: call.node,
        certainty: 'proven',
      });
    } else if (!call.endpoint && call.method && call.path !== undefined && !findEndpoint(call.method, call.path)) {
      findings.push({
        messageId: 'unknownEndpoint',
        data: { call: describe(call) },
        node: call.node,
        certainty: 'needs-manual',
      });
    } else if (!call.method && call.path !== undefined) {
      const scopes = backendOnlyPathScopes(call.path);
      if (scopes)
        findings.push({
          messageId: 'backendOnlyEndpoint',
          data: { call: describe(call), scope: scopes },
          node: call.node,
          certainty: 'proven',
        });
    }
  }
  return findings;
}

const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** For a call whose method the code computes: the any-user scopes when every catalogued method on the path is backend-only. */
function backendOnlyPathScopes(path: string): string | undefined {
  const endpoints = HTTP_METHODS.map((method) => findEndpoint(method, path)).filter(
    (endpoint) => endpoint !== undefined,
  );
  if (endpoints.length === 0 || endpoints.some((endpoint) => endpoint.currentUserScope)) return undefined;
  return [...new Set(endpoints.map((endpoint) => endpoint.anyUserScope))].join(' or ');
}

function isTemplate(node: Node): boolean {
  return node.type === 'TemplateLiteral';
}

function describe(call: ManagementCall): string {
  return `${call.method ?? '?'} /api/v2/${call.path ?? '…'}`;
}

export function secretFindings(facts: FileFacts, text: string, environment: DetectedEnvironment): Finding[] {
  if (environment !== 'browser') return [];
  const secrets: SecretUse[] = [...facts.secrets];
  // Tokens pasted into the code and used as a Management credential, reported once where they are written.
  const reported = new Set<Node>(secrets.map((secret) => secret.node));
  for (const credential of facts.credentials) {
    const source = credential.provenance.source;
    if (!credential.provenance.literal || !source || reported.has(source)) continue;
    reported.add(source);
    secrets.push({ node: source, kind: 'management-token' });
  }
  return secrets.map((secret): Finding => {
    // A token that is no string in the code is read from a variable the bundler writes in.
    const bundled = secret.kind === 'management-token' && !isStringLiteral(secret.node) && !isTemplate(secret.node);
    return {
      messageId: bundled ? 'bundled-management-token' : secret.kind,
      data: bundled ? { variable: sourceOf(secret.node, text) } : {},
      node: secret.node,
      certainty: secret.certainty ?? 'proven',
    };
  });
}

export function legacyApiFindings(facts: FileFacts): Finding[] {
  return facts.legacyApis.map((use) => ({
    messageId: 'legacyApi',
    data: { api: use.api, replacement: use.replacement },
    node: use.node,
    certainty: use.certainty ?? 'proven',
  }));
}
