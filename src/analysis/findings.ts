/**
 * Findings per rule, derived from a file's facts: what to report, how certain it is, and the text edits that
 * fix it (applied by `--fix` and the codemod) or that a suggestion offers.
 */
import { compareCurrentUserScopes, findEndpoint, isAnyUserScope, isCurrentUserScope } from '../catalog';
import { memberName, unwrap } from './ast';
import { audienceExpression, managementAudience, replaceString, setOption, stringLiteral } from './edits';
import type { Certainty, Environment, FileFacts, ManagementCall, Node, TextEdit, TokenRequest } from './types';

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

/** The requests whose tokens reach this file's Management calls, with those calls. */
export function linkedCalls(facts: FileFacts, request: TokenRequest): ManagementCall[] {
  const client = request.level === 'call' && request.parent ? request.parent : request;
  const clients = facts.tokenRequests.filter((candidate) => candidate.level === 'client');
  return facts.managementCalls.filter((call) => {
    const provenance = call.credential?.provenance;
    if (!provenance || provenance.kind === 'unknown') return false;
    if (provenance.issuer) return provenance.issuer === client;
    // The token comes from storage or a variable with no visible login: only a file's single client can have issued it.
    return clients.length === 1 && clients[0] === client;
  });
}

/** Whether a request's tokens are meant for the Management API: they reach its calls, or it asks for current_user scopes. */
function isManagementRequest(facts: FileFacts, request: TokenRequest): boolean {
  return linkedCalls(facts, request).length > 0 || scopeList(request.scope?.value).some(isCurrentUserScope) || request.audience?.value?.endsWith('/api/v2/') === true;
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
    if (scope === 'update:current_user_metadata' && metadataScope !== 'update') scopes.add('create:current_user_metadata');
    if (scope !== 'update:current_user_metadata' || metadataScope !== 'create') scopes.add(scope);
  }
  return [...scopes].sort(compareCurrentUserScopes);
}

/** Keeps OIDC and custom scopes as written, drops current-user and any-user scopes no call needs, appends the missing ones. */
export function minimalScopeString(declared: readonly string[], required: readonly string[]): string {
  const kept = declared.filter((scope) => (!isCurrentUserScope(scope) && !isAnyUserScope(scope)) || required.includes(scope));
  const unique = [...new Set(kept)];
  for (const scope of required) if (!unique.includes(scope)) unique.push(scope);
  return unique.join(' ');
}

// ---------------------------------------------------------------------------------------------- rules

export function idTokenCredentialFindings(facts: FileFacts, text: string): Finding[] {
  return facts.credentials
    .filter((credential) => credential.provenance.kind === 'id-token')
    .map((credential) => {
      const source = credential.provenance.source;
      const switched = source && accessTokenSwitch(source, text);
      return {
        messageId: facts.environment === 'server' ? 'idTokenCredentialServer' : 'idTokenCredential',
        data: { source: credential.provenance.description ?? text.slice(credential.node.range[0], credential.node.range[1]) },
        node: credential.node,
        certainty: credential.provenance.certainty,
        suggestions: switched && facts.environment === 'browser' ? [{ messageId: 'useAccessToken', data: { replacement: switched.text }, edits: [switched.edit] }] : [],
      };
    });
}

/** `authResult.idToken` -> `authResult.accessToken`, `result.id_token` -> `result.access_token`. */
function accessTokenSwitch(source: Node, text: string): { edit: TextEdit; text: string } | undefined {
  const target = unwrap(source);
  if (target.type !== 'MemberExpression') return undefined;
  const name = memberName(target);
  const replacement = name === 'idToken' ? 'accessToken' : name === 'id_token' ? 'access_token' : undefined;
  if (!replacement) return undefined;
  const property = target.property;
  const code = target.computed ? stringLiteral(replacement, text, property) : replacement;
  const edit = { range: property.range, text: code } as const;
  return { edit, text: text.slice(target.range[0], property.range[0]) + code + text.slice(property.range[1], target.range[1]) };
}

export function audienceFindings(facts: FileFacts, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const request of facts.tokenRequests) {
    if (request.level === 'call' && !request.audience) continue;
    if (!isManagementRequest(facts, request)) continue;
    const node = request.audience?.node ?? request.node;
    const expected = request.domain ? audienceExpression(request, text) : undefined;
    const expectedText = request.domain && textOfDomain(request, text);
    if (!request.supportsAudience) {
      findings.push({ messageId: 'sdkCannotRequestAudience', data: { sdk: request.sdk }, node, certainty: 'needs-manual' });
      continue;
    }
    if (!request.audience) {
      if (request.dynamic) {
        findings.push({ messageId: 'dynamicOptions', data: {}, node, certainty: 'needs-manual' });
        continue;
      }
      const edits = expected ? setOption(request, 'audience', expected, text) : undefined;
      findings.push({
        messageId: 'missingAudience',
        data: { audience: expectedText ?? 'https://<your domain>/api/v2/' },
        node,
        certainty: 'proven',
        suggestions: edits ? [{ messageId: 'addAudience', data: { audience: expected! }, edits }] : [],
      });
      continue;
    }
    const valueNode = unwrap(request.audience.valueNode);
    if (valueNode.type === 'ArrayExpression') {
      findings.push({ messageId: 'severalAudiences', data: {}, node, certainty: 'proven' });
      continue;
    }
    const value = request.audience.value;
    if (value === undefined) continue;
    if (!value.replace(/\/?$/, '/').endsWith('/api/v2/')) {
      findings.push({ messageId: 'otherAudience', data: { audience: value, expected: expectedText ?? 'https://<your domain>/api/v2/' }, node, certainty: 'proven' });
    } else if (expectedText && !expectedText.includes('${') && managementAudience(value.replace(/\/api\/v2\/?$/, '')) !== expectedText) {
      findings.push({ messageId: 'otherAudience', data: { audience: value, expected: expectedText }, node, certainty: 'needs-manual' });
    }
  }
  return findings;
}

function textOfDomain(request: TokenRequest, text: string): string | undefined {
  const domain = request.domain && unwrap(request.domain);
  if (!domain) return undefined;
  if (domain.type === 'Literal' && typeof domain.value === 'string') return managementAudience(domain.value);
  return `https://\${${text.slice(domain.range[0], domain.range[1])}}/api/v2/`;
}

export function responseTypeFindings(facts: FileFacts, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const request of facts.tokenRequests) {
    if (!request.hasResponseType || !request.responseType || !isManagementRequest(facts, request)) continue;
    const value = request.responseType.value;
    if (value === undefined) continue;
    const parts = value.split(/[\s+]+/).filter(Boolean);
    if (parts.includes('token') || parts.includes('code')) continue;
    const next = ['token', ...parts].join(' ');
    findings.push({
      messageId: 'missingTokenResponseType',
      data: { responseType: value, fixed: next },
      node: request.responseType.node,
      certainty: 'proven',
      fix: [replaceString(request.responseType, next, text)],
    });
  }
  return findings;
}

export function scopeFindings(facts: FileFacts, text: string, metadataScope: MetadataScope): Finding[] {
  const findings: Finding[] = [];
  for (const request of facts.tokenRequests) {
    if (request.level === 'call' && !request.scope) continue;
    const calls = linkedCalls(facts, request);
    const rawScope = request.scope?.value;
    if (request.scope && rawScope !== undefined && /,/.test(rawScope)) {
      const normalised = scopeList(rawScope).join(' ');
      findings.push({
        messageId: 'malformedScope',
        data: { scope: rawScope },
        node: request.scope.node,
        certainty: 'proven',
        suggestions: [{ messageId: 'normaliseScope', data: { scope: normalised }, edits: [replaceString(request.scope, normalised, text)] }],
      });
    }
    if (calls.length === 0) continue;
    if (calls.some((call) => !call.endpoint)) {
      findings.push({ messageId: 'unknownEndpoint', data: {}, node: request.scope?.node ?? request.node, certainty: 'needs-manual' });
      continue;
    }
    if (request.scope && rawScope === undefined) continue;
    const declared = scopeList(rawScope ?? (request.scope ? '' : 'openid profile email'));
    const required = requiredScopes(calls, metadataScope);
    const missing = required.filter((scope) => !declared.includes(scope));
    const unused = declared.filter((scope) => isCurrentUserScope(scope) && !required.includes(scope));
    if (missing.length === 0 && unused.length === 0) continue;
    const next = minimalScopeString(declared, required);
    const edits = request.scope ? [replaceString(request.scope, next, text)] : request.dynamic ? undefined : setOption(request, 'scope', stringLiteral(next, text), text);
    const because = calls.filter((call) => call.endpoint?.currentUserScope).map((call) => `${call.method} /api/v2/${call.path}`);
    const suggestions = edits ? [{ messageId: 'setScopes', data: { scope: next }, edits }] : [];
    const node = request.scope?.node ?? request.node;
    if (missing.length > 0) findings.push({ messageId: 'missingScopes', data: { scopes: missing.join(' '), because: [...new Set(because)].join(', ') }, node, certainty: 'proven', suggestions });
    if (unused.length > 0) findings.push({ messageId: 'unusedScopes', data: { scopes: unused.join(' ') }, node, certainty: 'proven', suggestions: missing.length > 0 ? [] : suggestions });
  }
  return findings;
}

export function anyUserScopeFindings(facts: FileFacts, text: string, environment: Environment, metadataScope: MetadataScope): Finding[] {
  if (environment !== 'browser') return [];
  const findings: Finding[] = [];
  for (const request of facts.tokenRequests) {
    const scopes = scopeList(request.scope?.value);
    const anyUser = scopes.filter(isAnyUserScope);
    if (!request.scope || anyUser.length === 0) continue;
    const required = requiredScopes(linkedCalls(facts, request), metadataScope);
    const next = minimalScopeString(scopes, required);
    findings.push({
      messageId: 'anyUserScope',
      data: { scopes: anyUser.join(' '), replacement: required.join(' ') || 'the read:current_user-style scope the calls need' },
      node: request.scope.node,
      certainty: 'proven',
      suggestions: [{ messageId: 'setScopes', data: { scope: next }, edits: [replaceString(request.scope, next, text)] }],
    });
  }
  return findings;
}

export function backendOnlyFindings(facts: FileFacts, environment: Environment): Finding[] {
  if (environment !== 'browser') return [];
  const findings: Finding[] = [];
  for (const call of facts.managementCalls) {
    if (call.backendOnlyReason) {
      findings.push({ messageId: 'backendOnlyBody', data: { call: describe(call), reason: call.backendOnlyReason }, node: call.node, certainty: 'proven' });
    } else if (call.endpoint && !call.endpoint.currentUserScope) {
      findings.push({ messageId: 'backendOnlyEndpoint', data: { call: describe(call), scope: call.endpoint.anyUserScope }, node: call.node, certainty: 'proven' });
    } else if (!call.endpoint && call.method && call.path !== undefined && !findEndpoint(call.method, call.path)) {
      findings.push({ messageId: 'unknownEndpoint', data: { call: describe(call) }, node: call.node, certainty: 'needs-manual' });
    }
  }
  return findings;
}

function describe(call: ManagementCall): string {
  return `${call.method ?? '?'} /api/v2/${call.path ?? '…'}`;
}

export function secretFindings(facts: FileFacts, environment: Environment): Finding[] {
  if (environment !== 'browser') return [];
  return facts.secrets.map((secret) => ({ messageId: secret.kind, data: {}, node: secret.node, certainty: 'proven' as const }));
}

export function legacyApiFindings(facts: FileFacts): Finding[] {
  return facts.legacyApis.map((use) => ({ messageId: 'legacyApi', data: { api: use.api, replacement: use.replacement }, node: use.node, certainty: 'proven' as const }));
}
