/**
 * Management API URLs built in code: concatenation, template literals, base constants plus suffixes, `new URL`,
 * `urljoin(...)`, bases kept on `this` and small URL-building helpers. Normalised to a path template under
 * `/api/v2/` with the query dropped, and accepted only on an Auth0 host.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isAuth0TenantHost, isAuth0TenantHostTemplate, placeholderName } from '../catalog';
import { calleePath, enclosingClassBody, memberName, propertyName, returnedValues, unwrap } from './ast';
import { mergeText, type FileContext, type StringPart } from './file-context';
import { valuesWrittenTo } from './holder-writes';
import { holderKey } from './sdk';
import type { Node } from './types';

export interface ManagementUrl {
  /** Path template under `/api/v2/` (`users/{}/identities`), or `undefined` when the code builds it dynamically. */
  readonly path?: string;
}

/** Config names that hold the Auth0 tenant domain: `AUTH0_DOMAIN`, `auth0Domain`, `config.auth0.domain`, `__AUTH0_DOMAIN__`. */
const AUTH0_DOMAIN_NAME = /auth0.*domain|domain.*auth0/i;
/** Stands for a computed part in a URL's text. */
const COMPUTED = '\u0000';
/** How deep URL pieces kept in helpers, `this` members and `new URL` objects are followed. */
const MAX_DEPTH = 6;

/**
 * Knows which host expressions are the Auth0 tenant: literal `*.auth0.com` hosts, names like `AUTH0_DOMAIN`, and
 * whatever the file passes as `domain` to an Auth0 SDK (by source text, resolved node or static value).
 */
export class Auth0Hosts {
  private readonly texts = new Set<string>();
  private readonly nodes = new Set<Node>();
  private readonly values = new Set<string>();

  constructor(private readonly context: FileContext) {}

  /** The hosts a file's Auth0 logins and clients are configured with (their `domain`), and Auth0's own. */
  static configuredIn(context: FileContext, configured: Iterable<{ readonly domain?: Node }>): Auth0Hosts {
    const hosts = new Auth0Hosts(context);
    for (const { domain } of configured) if (domain) hosts.addDomain(domain);
    return hosts;
  }

  addDomain(domain: Node): void {
    this.texts.add(normaliseSource(this.context.source(domain)));
    this.nodes.add(this.context.resolve(domain));
    const value = this.context.staticString(domain);
    if (value) this.values.add(stripScheme(value).toLowerCase());
  }

  /** Whether the parts before `/api/v2/` name an Auth0 tenant. */
  isAuth0Host(parts: readonly StringPart[]): boolean {
    const holes = parts.filter((part): part is { hole: Node } => 'hole' in part);
    const text = parts.map((part) => ('text' in part ? part.text : COMPUTED)).join('');
    const host = stripScheme(text).replace(/\/+$/, '');
    if (holes.length === 0) return this.isAuth0HostText(host);
    // `https://${tenant}.auth0.com`: a computed tenant label in front of Auth0's own suffix.
    const [label, ...rest] = host.split('.');
    if (
      label?.includes(COMPUTED) &&
      !rest.join('.').includes(COMPUTED) &&
      isAuth0TenantHost(`tenant.${rest.join('.')}`)
    )
      return true;
    return holes.some((part) => this.isAuth0Domain(part.hole));
  }

  /**
   * Whether the parts before an Auth0 path (`/authorize`, `/oauth/token`, `/tokeninfo`) are a tenant's origin and
   * nothing more: an optional scheme, then an Auth0 host; a computed label in front of `.auth0.com` is the tenant's name.
   */
  isAuth0Origin(parts: readonly StringPart[]): boolean {
    const text = parts.map((part) => ('text' in part ? part.text : COMPUTED)).join('');
    const host = /^(?:https?:)?(?:\/\/)?([^/?#]+)$/i.exec(text)?.[1];
    return host !== undefined && (isAuth0TenantHost(host.replaceAll(COMPUTED, 'tenant')) || this.isAuth0Host(parts));
  }

  /** Whether an expression (a host, an origin or a whitelisted-domain entry) names the Auth0 tenant. */
  isAuth0HostExpression(node: Node): boolean {
    const target = unwrap(node);
    if (target.type === 'Literal' && 'regex' in target && target.regex)
      return /auth0(app)?\\?\.com/i.test(target.regex.pattern);
    return this.isAuth0Host(this.context.stringParts(target));
  }

  /**
   * Whether a host written out in full is the tenant: an Auth0 host, one with a placeholder tenant label
   * (`<MY_DOMAIN>.auth0.com`), a placeholder named for the Auth0 domain (`{{AUTH0_DOMAIN}}`), or a domain the file
   * configures an Auth0 SDK with (`YOUR_DOMAIN` too, when the login is configured with that placeholder).
   */
  private isAuth0HostText(host: string): boolean {
    if (isAuth0TenantHost(host) || isAuth0TenantHostTemplate(host)) return true;
    if (this.values.has(host.toLowerCase())) return true;
    return AUTH0_DOMAIN_NAME.test(placeholderName(host) ?? '');
  }

  private isAuth0Domain(node: Node): boolean {
    const path = calleePath(node);
    if (
      path?.some((name) => AUTH0_DOMAIN_NAME.test(name)) ||
      (path && path.length > 1 && /auth0/i.test(path.join('.')) && /domain/i.test(path[path.length - 1]!))
    )
      return true;
    // `AUTH_CONFIG.domain` of `import { AUTH_CONFIG } from './auth0-variables'`: the module is named for Auth0.
    if (path && /domain/i.test(path[path.length - 1]!) && this.isFromAuth0Module(node)) return true;
    // `import.meta.env.VITE_AUTH0_DOMAIN` has no callee path; its last member still names it.
    if (AUTH0_DOMAIN_NAME.test(memberName(node) ?? '')) return true;
    if (this.texts.has(normaliseSource(this.context.source(node)))) return true;
    if (this.nodes.has(this.context.resolve(node))) return true;
    const value = this.context.staticString(node);
    return value !== undefined && this.isAuth0HostText(stripScheme(value).replace(/\/+$/, ''));
  }

  /** Whether the object a member chain starts from is imported or required from a module whose file names Auth0. */
  private isFromAuth0Module(node: Node): boolean {
    let root = unwrap(node);
    while (root.type === 'MemberExpression') root = unwrap(root.object);
    if (root.type !== 'Identifier') return false;
    const binding = this.context.binding(root);
    const source =
      binding.kind === 'import'
        ? binding.source
        : binding.kind === 'value'
          ? requiredModule(binding.node)
          : binding.kind === 'property' && binding.object
            ? requiredModule(binding.object)
            : undefined;
    // The file's own name, not its folder: `./auth0/config` says nothing about the file, `./auth0-config` does.
    return source !== undefined && /auth0/i.test(source.split('/').pop() ?? '');
  }
}

/** `require('./auth0-variables')` -> `./auth0-variables`. */
function requiredModule(node: Node): string | undefined {
  const target = unwrap(node);
  if (target.type !== 'CallExpression' || target.callee.type !== 'Identifier' || target.callee.name !== 'require')
    return undefined;
  const [argument] = target.arguments;
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : undefined;
}

/**
 * The Management path an URL expression targets, or `undefined` when it is not a Management API URL on an
 * Auth0 host. `base` is a client's base URL (axios `baseURL`, request `baseUrl`), which a relative `url` extends.
 */
export function managementUrl(
  context: FileContext,
  hosts: Auth0Hosts,
  url: Node,
  base?: Node,
): ManagementUrl | undefined {
  const urlParts = urlStringParts(context, url);
  const parts = base && !isAbsolute(urlParts) ? joinPaths([urlStringParts(context, base), urlParts]) : urlParts;
  const split = splitAtApiV2(parts);
  if (!split || !hosts.isAuth0Host(split.host)) return undefined;
  return { path: pathTemplate(split.path) };
}

/**
 * The value a holder keeps: what `context.resolve` proves, or for `this.x` the single value the class or
 * constructor function ever assigns to it (field initialiser or `this.x = ...`).
 */
export function storedValue(context: FileContext, node: Node): Node {
  const resolved = context.resolve(node);
  if (resolved.type !== 'MemberExpression' || unwrap(resolved.object).type !== 'ThisExpression') return resolved;
  const key = holderKey(context, resolved);
  const name = propertyName(resolved.property, resolved.computed);
  if (key === undefined || name === undefined) return resolved;
  const values = valuesWrittenTo(context, key);
  for (const element of enclosingClassBody(resolved)?.body ?? []) {
    if (element.type === 'PropertyDefinition' && element.value && propertyName(element.key, element.computed) === name)
      values.push(element.value);
  }
  return values.length === 1 ? context.resolve(values[0]!) : resolved;
}

/** The string parts of an URL expression, looking into `new URL`, `urljoin`, `this` members and URL-building helpers. */
function urlStringParts(context: FileContext, url: Node, depth = 0): StringPart[] {
  const target = storedValue(context, url);
  if (depth > MAX_DEPTH) return [{ hole: target }];
  const next = (node: Node): StringPart[] => urlStringParts(context, node, depth + 1);
  // `url.href`, `url.toString()` of an URL object.
  if (target.type === 'MemberExpression' && memberName(target) === 'href') return next(target.object);
  if (target.type === 'CallExpression' && target.arguments.length === 0 && memberName(target.callee) === 'toString')
    return next((unwrap(target.callee) as TSESTree.MemberExpression).object);
  if (
    target.type === 'NewExpression' &&
    target.callee.type === 'Identifier' &&
    target.callee.name === 'URL' &&
    target.arguments[0]
  ) {
    const [path, base] = target.arguments;
    return base ? resolveAgainst(next(path!), next(base)) : next(path!);
  }
  if (
    target.type === 'CallExpression' &&
    target.callee.type === 'Identifier' &&
    /^url-?join$/i.test(target.callee.name)
  ) {
    return joinPaths(target.arguments.map((argument) => next(argument)));
  }
  const evaluated = context.stringParts(target);
  if (
    target.type === 'CallExpression' &&
    evaluated.length === 1 &&
    'hole' in evaluated[0]! &&
    evaluated[0].hole === target
  )
    return helperReturn(context, target, next);
  // Holes `stringParts` leaves may still be URL pieces kept elsewhere: `this.base`, `userUrl(id)`, `new URL(...)`.
  return mergeText(
    evaluated.flatMap((part) =>
      'hole' in part && part.hole !== target && isContainer(part.hole) ? next(part.hole) : [part],
    ),
  );
}

function isContainer(node: Node): boolean {
  return node.type === 'MemberExpression' || node.type === 'NewExpression' || node.type === 'CallExpression';
}

/** `userUrl(id)` where `userUrl` returns one expression: that expression's parts (its parameters stay holes). */
function helperReturn(
  context: FileContext,
  call: TSESTree.CallExpression,
  next: (node: Node) => StringPart[],
): StringPart[] {
  const helper = unwrap(call.callee).type === 'Identifier' ? context.functionOf(call.callee) : undefined;
  // Only a helper that is nothing but its `return`: statements before it may change what the pieces mean.
  const returned =
    helper && (helper.body?.type !== 'BlockStatement' || helper.body.body.length === 1)
      ? returnedValues(helper, { nested: false, valuesOnly: false })
      : [];
  return returned.length === 1 ? next(returned[0]!) : [{ hole: call }];
}

function isAbsolute(parts: readonly StringPart[]): boolean {
  const first = parts[0];
  return !!first && 'text' in first && /^([a-z][a-z0-9+.-]*:)?\/\//i.test(first.text);
}

/** Joins URL pieces with single slashes, as `urljoin` and axios' `baseURL` do. */
function joinPaths(pieces: readonly (readonly StringPart[])[]): StringPart[] {
  const joined = pieces.flatMap((piece, index): StringPart[] => [
    ...(index > 0 ? [{ text: '/' }] : []),
    ...piece.map((part, partIndex): StringPart => {
      if (!('text' in part)) return part;
      let text = part.text;
      if (index > 0 && partIndex === 0) text = text.replace(/^\/+/, '');
      if (index < pieces.length - 1 && partIndex === piece.length - 1) text = text.replace(/\/+$/, '');
      return { text };
    }),
  ]);
  return mergeText(joined);
}

/** `new URL(path, base)`: an absolute path wins, `/x` replaces the base's path, `x` extends the base's directory. */
function resolveAgainst(path: readonly StringPart[], base: readonly StringPart[]): StringPart[] {
  if (isAbsolute(path)) return [...path];
  const first = path[0];
  const rooted = !!first && 'text' in first && first.text.startsWith('/');
  const pathStart = pathStartOf(base);
  let prefix: StringPart[];
  if (!pathStart) prefix = [...base, { text: rooted ? '' : '/' }];
  else if (rooted)
    prefix = [
      ...base.slice(0, pathStart.index),
      { text: (base[pathStart.index] as { text: string }).text.slice(0, pathStart.offset) },
    ];
  else prefix = directoryOf(base, pathStart);
  return mergeText([...prefix, ...path]);
}

/** Where the path of a base URL starts (after `scheme://authority`, or after a bare host); `undefined` for a bare origin. */
function pathStartOf(base: readonly StringPart[]): { index: number; offset: number } | undefined {
  for (let index = 0; index < base.length; index++) {
    const part = base[index]!;
    if (!('text' in part)) continue;
    const authority = index === 0 ? (/^([a-z][a-z0-9+.-]*:)?\/\//i.exec(part.text)?.[0].length ?? 0) : 0;
    const end = part.text.slice(authority).search(/[/?#]/);
    if (end !== -1) return { index, offset: authority + end };
  }
  return undefined;
}

/** The base up to and including the last slash of its path (query and fragment dropped). */
function directoryOf(base: readonly StringPart[], pathStart: { index: number; offset: number }): StringPart[] {
  for (let index = base.length - 1; index >= pathStart.index; index--) {
    const part = base[index]!;
    if (!('text' in part)) continue;
    const from = index === pathStart.index ? pathStart.offset : 0;
    const query = part.text.slice(from).search(/[?#]/);
    const pathText = part.text.slice(0, query === -1 ? undefined : from + query);
    const slash = pathText.lastIndexOf('/');
    if (slash >= from) return [...base.slice(0, index), { text: pathText.slice(0, slash + 1) }];
  }
  return [
    ...base.slice(0, pathStart.index),
    { text: (base[pathStart.index] as { text: string }).text.slice(0, pathStart.offset) + '/' },
  ];
}

/** Splits parts into the host part (before `/api/v2`) and the path part (after `/api/v2/`). */
function splitAtApiV2(parts: readonly StringPart[]): { host: StringPart[]; path: StringPart[] } | undefined {
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (!('text' in part)) continue;
    const match = /\/api\/v2(\/|$)/.exec(part.text);
    if (!match) continue;
    const before = part.text.slice(0, match.index);
    const after = part.text.slice(match.index + match[0].length);
    const host = [...parts.slice(0, index), ...(before ? [{ text: before }] : [])];
    const rest = parts.slice(index + 1);
    // `/api/v2` + `'/users'`: the slash may come in the next part.
    const path = [...(after ? [{ text: after }] : []), ...rest];
    if (match[1] === '' && rest.length > 0) {
      const next = rest[0]!;
      if ('text' in next) path[0] = { text: next.text.replace(/^\//, '') };
      else return undefined;
    }
    return { host, path };
  }
  return undefined;
}

/** `users/` + id + `/identities?x=1` -> `users/{}/identities`; `undefined` when a hole spans segments. */
function pathTemplate(parts: readonly StringPart[]): string | undefined {
  const segments: string[] = [];
  let current = '';
  let currentHasHole = false;
  let currentHasText = false;
  for (const part of parts) {
    if ('hole' in part) {
      current += '{}';
      currentHasHole = true;
      continue;
    }
    const text = part.text;
    const end = text.search(/[?#]/);
    const pathText = end === -1 ? text : text.slice(0, end);
    const pieces = pathText.split('/');
    pieces.forEach((piece, index) => {
      if (index > 0) {
        segments.push(segment(current, currentHasHole, currentHasText));
        current = '';
        currentHasHole = false;
        currentHasText = false;
      }
      current += piece;
      if (piece) currentHasText = true;
    });
    if (end !== -1) {
      segments.push(segment(current, currentHasHole, currentHasText));
      return finish(segments);
    }
  }
  if (current || currentHasHole) segments.push(segment(current, currentHasHole, currentHasText));
  // A trailing hole right after a slash with nothing else may be a whole sub-path (`base + path`): unknown.
  const last = parts[parts.length - 1];
  if (last && 'hole' in last && segments.length === 1 && !currentHasText) return undefined;
  return finish(segments);
}

function segment(text: string, hasHole: boolean, hasText: boolean): string {
  return hasHole && !hasText ? '{}' : text;
}

function finish(segments: string[]): string {
  return segments
    .filter((piece, index) => piece !== '' || index < segments.length - 1)
    .join('/')
    .replace(/\/+$/, '');
}

function stripScheme(text: string): string {
  return text.replace(/^[a-z]+:\/\//i, '').replace(/^\/\//, '');
}

function normaliseSource(text: string): string {
  return text.replace(/\s+/g, '').replace(/^this\./, '');
}
