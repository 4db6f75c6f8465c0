/**
 * Management API URLs built in code: concatenation, template literals, base constants plus suffixes, `new URL`.
 * Normalised to a path template under `/api/v2/` with the query dropped, and accepted only on an Auth0 host.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { calleePath, unwrap } from './ast';
import type { FileContext, StringPart } from './file-context';
import type { Node } from './types';

export interface ManagementUrl {
  /** Path template under `/api/v2/` (`users/{id}/identities`), or `undefined` when the code builds it dynamically. */
  readonly path?: string;
}

const AUTH0_HOST = /(^|[/.@])[a-z0-9-]+(\.[a-z]{2,})?\.(auth0|auth0app)\.com(:\d+)?$/i;
/** Config names that hold the Auth0 tenant domain: `AUTH0_DOMAIN`, `auth0Domain`, `config.auth0.domain`, `__AUTH0_DOMAIN__`. */
const AUTH0_DOMAIN_NAME = /auth0.*domain|domain.*auth0/i;

/**
 * Knows which host expressions are the Auth0 tenant: literal `*.auth0.com` hosts, names like `AUTH0_DOMAIN`, and
 * whatever the file passes as `domain` to an Auth0 SDK (by source text, resolved node or static value).
 */
export class Auth0Hosts {
  private readonly texts = new Set<string>();
  private readonly nodes = new Set<Node>();
  private readonly values = new Set<string>();

  constructor(private readonly context: FileContext) {}

  addDomain(domain: Node): void {
    this.texts.add(normaliseSource(this.context.source(domain)));
    this.nodes.add(this.context.resolve(domain));
    const value = this.context.staticString(domain);
    if (value) this.values.add(stripScheme(value).toLowerCase());
  }

  /** Whether the parts before `/api/v2/` name an Auth0 tenant. */
  isAuth0Host(parts: readonly StringPart[]): boolean {
    const holes = parts.filter((part): part is { hole: Node } => 'hole' in part);
    const text = parts.map((part) => ('text' in part ? part.text : '\u0000')).join('');
    const host = stripScheme(text).replace(/\/+$/, '');
    if (holes.length === 0) return AUTH0_HOST.test(host) || this.values.has(host.toLowerCase());
    return holes.some((part) => this.isAuth0Domain(part.hole));
  }

  private isAuth0Domain(node: Node): boolean {
    const path = calleePath(node);
    if (path?.some((name) => AUTH0_DOMAIN_NAME.test(name)) || (path && path.length > 1 && /auth0/i.test(path.join('.')) && /domain/i.test(path[path.length - 1]!))) return true;
    if (this.texts.has(normaliseSource(this.context.source(node)))) return true;
    if (this.nodes.has(this.context.resolve(node))) return true;
    const value = this.context.staticString(node);
    return value !== undefined && (AUTH0_HOST.test(stripScheme(value)) || this.values.has(stripScheme(value).toLowerCase()));
  }
}

/**
 * The Management path an URL expression targets, or `undefined` when it is not a Management API URL on an
 * Auth0 host. `new URL(path, base)` is read as base + path.
 */
export function managementUrl(context: FileContext, hosts: Auth0Hosts, url: Node): ManagementUrl | undefined {
  const parts = urlParts(context, url);
  const split = splitAtApiV2(parts);
  if (!split || !hosts.isAuth0Host(split.host)) return undefined;
  return { path: pathTemplate(split.path) };
}

function urlParts(context: FileContext, url: Node): StringPart[] {
  const target = unwrap(url);
  if (target.type === 'NewExpression' && target.callee.type === 'Identifier' && target.callee.name === 'URL' && target.arguments.length >= 1) {
    const [path, base] = target.arguments as TSESTree.Expression[];
    const pathParts = context.stringParts(path!);
    const first = pathParts[0];
    if (!base || (first && 'text' in first && /^https?:/i.test(first.text))) return pathParts;
    return [...context.stringParts(base).map((part) => ('text' in part ? { text: part.text.replace(/\/+$/, '') } : part)), ...pathParts];
  }
  return context.stringParts(target);
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
  return segments.filter((piece, index) => piece !== '' || index < segments.length - 1).join('/').replace(/\/+$/, '');
}

function stripScheme(text: string): string {
  return text.replace(/^[a-z]+:\/\//i, '').replace(/^\/\//, '');
}

function normaliseSource(text: string): string {
  return text.replace(/\s+/g, '').replace(/^this\./, '');
}
