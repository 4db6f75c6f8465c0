/**
 * Credential provenance: whether an expression yields an ID token, an access token, or something the code cannot
 * tell, following data flow inside the file (consts, destructuring, parameters and their call sites, class fields
 * and getters, helper functions that return a token, storage written from a token).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { calleePath, isFunction, memberName, propertyName, unwrap } from './ast';
import type { FileContext } from './file-context';
import { holderKey } from './sdk';
import type { Node, Provenance, TokenKind, TokenRequest } from './types';

const ID_TOKEN_PROPERTIES = new Set(['idToken', 'id_token', 'rawIdToken']);
const ACCESS_TOKEN_PROPERTIES = new Set(['accessToken', 'access_token']);
/** Calls that return an access token for the audience they are asked for. */
const ACCESS_TOKEN_GETTERS = new Set(['getTokenSilently', 'getAccessTokenSilently', 'getTokenWithPopup', 'getAccessTokenWithPopup']);
/** Client methods whose callback receives an Auth0 `authResult`, and the argument index of that callback. */
const RESULT_CALLBACKS: Record<string, number> = {
  parseHash: -1,
  checkSession: -1,
  renewAuth: -1,
  authorize: -1,
  login: -1,
  oauthToken: -1,
  loginWithCredentials: -1,
  show: -1,
  on: 1,
};
const STORAGE_OBJECTS = new Set(['localStorage', 'sessionStorage', 'store', 'storage', '$localStorage', '$sessionStorage', 'localStorageService']);

const UNKNOWN: Provenance = { kind: 'unknown', certainty: 'needs-manual' };

/** What a storage key or variable name says it holds. */
export function kindFromName(name: string): TokenKind {
  const normalised = name.toLowerCase().replace(/[^a-z]/g, '');
  if (normalised.includes('idtoken')) return 'id-token';
  if (normalised.includes('accesstoken')) return 'access-token';
  return 'unknown';
}

/** The token operand of an Authorization value: `'Bearer ' + t`, `` `Bearer ${t}` `` -> `t`; anything else as is. */
export function bearerOperand(context: FileContext, value: Node): Node {
  const target = unwrap(value);
  if (target.type === 'BinaryExpression' && target.operator === '+' && /^\s*bearer\s*$/i.test(context.staticString(target.left as Node) ?? '')) {
    return target.right;
  }
  if (target.type === 'TemplateLiteral' && target.expressions.length === 1 && /^\s*bearer\s*$/i.test(target.quasis[0]!.value.cooked ?? '')) {
    return target.expressions[0]!;
  }
  return target;
}

export class CredentialTracer {
  private storageWrites: Map<string, Node[]> | undefined;

  constructor(
    private readonly context: FileContext,
    /** Token requests by the key of the client variable that holds them. */
    private readonly clients: ReadonlyMap<string, TokenRequest>,
  ) {}

  provenance(node: Node): Provenance {
    return this.trace(node, new Set(), 0);
  }

  private trace(node: Node, seen: Set<Node>, depth: number): Provenance {
    const target = unwrap(node);
    if (seen.has(target) || depth > 10) return UNKNOWN;
    seen.add(target);
    const next = (child: Node): Provenance => this.trace(child, seen, depth + 1);
    switch (target.type) {
      case 'AwaitExpression':
        return next(target.argument);
      case 'LogicalExpression':
      case 'ConditionalExpression': {
        const [a, b] = target.type === 'LogicalExpression' ? [target.left, target.right] : [target.consequent, target.alternate];
        return agree([next(a), next(b)]);
      }
      case 'BinaryExpression':
      case 'TemplateLiteral': {
        const operand = bearerOperand(this.context, target);
        return operand === target ? UNKNOWN : next(operand);
      }
      case 'MemberExpression':
        return this.member(target, seen, depth);
      case 'Identifier':
        return this.identifier(target, seen, depth);
      case 'CallExpression':
        return this.call(target, seen, depth);
      default:
        return UNKNOWN;
    }
  }

  private member(target: TSESTree.MemberExpression, seen: Set<Node>, depth: number): Provenance {
    const name = propertyName(target.property, target.computed);
    if (name === undefined) return UNKNOWN;
    if (ID_TOKEN_PROPERTIES.has(name)) return this.found('id-token', target, this.issuerOfResult(target.object));
    if (ACCESS_TOKEN_PROPERTIES.has(name)) return this.found('access-token', target, this.issuerOfResult(target.object));
    // spa-js / auth0-react / auth0-angular: `(await getIdTokenClaims()).__raw` is the encoded ID token.
    if (name === '__raw') return this.found('id-token', target);
    if (this.isStorage(target.object)) return this.storageRead(name, target, seen, depth);
    const resolved = this.context.resolve(target);
    if (resolved !== target) return this.trace(resolved, seen, depth + 1);
    if (target.object.type === 'ThisExpression') return this.classMember(target, seen, depth);
    return UNKNOWN;
  }

  private identifier(target: TSESTree.Identifier, seen: Set<Node>, depth: number): Provenance {
    const binding = this.context.binding(target);
    switch (binding.kind) {
      case 'value':
        return isFunction(binding.node) ? UNKNOWN : this.trace(binding.node, seen, depth + 1);
      case 'property': {
        const kind = propertyKind(binding.key);
        if (kind !== 'unknown') return this.found(kind, target, binding.object && this.issuerOfResult(binding.object));
        return UNKNOWN;
      }
      case 'parameter':
        return this.parameter(binding.fn, binding.index, target, seen, depth);
      default:
        return this.byName(target, target.name);
    }
  }

  private parameter(fn: TSESTree.FunctionLike, index: number, target: TSESTree.Identifier, seen: Set<Node>, depth: number): Provenance {
    // Lock 9 / auth0.js v6 callbacks are positional: (err, profile, id_token, access_token, ...).
    const sdkCallback = this.sdkCallbackClient(fn);
    if (sdkCallback !== undefined) {
      const kind = propertyKind(target.name);
      if (kind !== 'unknown') return this.found(kind, target, sdkCallback ?? undefined);
    }
    const argumentsAtCalls = this.callSitesOf(fn).map((call) => call.arguments[index]);
    if (argumentsAtCalls.length > 0 && argumentsAtCalls.every((argument): argument is TSESTree.CallExpressionArgument => !!argument)) {
      return agree(argumentsAtCalls.map((argument) => this.trace(argument, seen, depth + 1)));
    }
    return this.byName(target, target.name);
  }

  private call(target: TSESTree.CallExpression, seen: Set<Node>, depth: number): Provenance {
    const path = calleePath(target.callee);
    const method = path?.[path.length - 1];
    if (method && ACCESS_TOKEN_GETTERS.has(method)) return this.found('access-token', target);
    if (method && (method === 'getItem' || method === 'get') && target.callee.type === 'MemberExpression' && this.isStorage(target.callee.object)) {
      const key = target.arguments[0] && this.context.staticString(target.arguments[0]);
      return key === undefined ? UNKNOWN : this.storageRead(key, target, seen, depth);
    }
    const fn = this.context.functionOf(target.callee);
    if (fn) {
      const returned = returnedValues(fn);
      if (returned.length > 0) return agree(returned.map((value) => this.trace(value, seen, depth + 1)));
    }
    return method ? this.byName(target, method) : UNKNOWN;
  }

  /** `this.token` inside a class or constructor function: every value assigned to it, or what its getter returns. */
  private classMember(target: TSESTree.MemberExpression, seen: Set<Node>, depth: number): Provenance {
    const key = holderKey(this.context, target);
    const name = propertyName(target.property, target.computed);
    if (!key || name === undefined) return UNKNOWN;
    const values: Node[] = [];
    for (const assignment of this.context.assignments) {
      if (assignment.operator === '=' && assignment.left !== target && holderKey(this.context, assignment.left) === key) values.push(assignment.right);
    }
    const classBody = ancestorClassBody(target);
    for (const element of classBody?.body ?? []) {
      if (element.type === 'PropertyDefinition' && element.value && propertyName(element.key, element.computed) === name) values.push(element.value);
      if (element.type === 'MethodDefinition' && element.kind === 'get' && propertyName(element.key, element.computed) === name) {
        values.push(...returnedValues(element.value));
      }
    }
    if (values.length === 0) return this.byName(target, name);
    return agree(values.map((value) => this.trace(value, seen, depth + 1)));
  }

  private storageRead(key: string, node: Node, seen: Set<Node>, depth: number): Provenance {
    const writes = this.writesTo(key);
    if (writes.length > 0) {
      const written = agree(writes.map((value) => this.trace(value, seen, depth + 1)));
      if (written.kind !== 'unknown') return { ...written, source: node, description: `storage key '${key}'` };
    }
    const kind = kindFromName(key);
    return kind === 'unknown' ? UNKNOWN : { kind, certainty: 'proven', source: node, description: `storage key '${key}'` };
  }

  private writesTo(key: string): Node[] {
    if (!this.storageWrites) {
      this.storageWrites = new Map();
      for (const call of this.context.calls) {
        const path = calleePath(call.callee);
        const method = path?.[path.length - 1];
        if ((method === 'setItem' || method === 'set') && call.callee.type === 'MemberExpression' && this.isStorage(call.callee.object) && call.arguments.length >= 2) {
          this.recordWrite(call.arguments[0]!, call.arguments[1]!);
        }
      }
      for (const assignment of this.context.assignments) {
        if (assignment.left.type === 'MemberExpression' && this.isStorage(assignment.left.object)) {
          const name = propertyName(assignment.left.property, assignment.left.computed);
          if (name !== undefined) this.storageWrites.get(name)?.push(assignment.right) ?? this.storageWrites.set(name, [assignment.right]);
        }
      }
    }
    return this.storageWrites.get(key) ?? [];
  }

  private recordWrite(keyNode: Node, value: Node): void {
    const key = this.context.staticString(keyNode);
    if (key === undefined) return;
    this.storageWrites!.get(key)?.push(value) ?? this.storageWrites!.set(key, [value]);
  }

  private isStorage(node: Node): boolean {
    const path = calleePath(node);
    const last = path?.[path.length - 1];
    return last !== undefined && STORAGE_OBJECTS.has(last);
  }

  /** Names alone never prove a token kind; they only raise a needs-manual result. */
  private byName(node: Node, name: string): Provenance {
    const kind = kindFromName(name);
    return kind === 'unknown' ? UNKNOWN : { kind, certainty: 'needs-manual', source: node, description: this.context.source(node) };
  }

  private found(kind: TokenKind, source: Node, issuer?: TokenRequest): Provenance {
    return { kind, certainty: 'proven', source, description: this.context.source(source), issuer };
  }

  /** The client whose login produced a result object: `webAuth.parseHash((err, authResult) => ...)`. */
  private issuerOfResult(object: Node): TokenRequest | undefined {
    const target = unwrap(object);
    if (target.type !== 'Identifier') return undefined;
    const binding = this.context.binding(target);
    if (binding.kind !== 'parameter') return undefined;
    return this.sdkCallbackClient(binding.fn) ?? undefined;
  }

  /**
   * If `fn` is the callback of an Auth0 client method that delivers tokens, the client's token request
   * (`null` when the client is not one this file configures); `undefined` when it is not such a callback.
   */
  private sdkCallbackClient(fn: TSESTree.FunctionLike): TokenRequest | null | undefined {
    const call = fn.parent;
    if (call?.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
    const method = memberName(call.callee);
    if (method === undefined || !(method in RESULT_CALLBACKS)) return undefined;
    if (method === 'on' && this.context.staticString(call.arguments[0] ?? call) !== 'authenticated') return undefined;
    let clientNode = (unwrap(call.callee) as TSESTree.MemberExpression).object;
    if (clientNode.type === 'MemberExpression' && ['popup', 'redirect', 'client'].includes(memberName(clientNode) ?? '')) clientNode = clientNode.object;
    const key = holderKey(this.context, clientNode);
    return (key !== undefined && this.clients.get(key)) || null;
  }

  private callSitesOf(fn: TSESTree.FunctionLike): TSESTree.CallExpression[] {
    return this.context.calls.filter((call) => call.callee !== fn && this.context.functionOf(call.callee) === fn);
  }
}

function propertyKind(name: string): TokenKind {
  if (ID_TOKEN_PROPERTIES.has(name)) return 'id-token';
  if (ACCESS_TOKEN_PROPERTIES.has(name)) return 'access-token';
  return 'unknown';
}

/** Several possible values: a definite kind only when all agree; one proven ID token among unknowns needs review. */
function agree(results: readonly Provenance[]): Provenance {
  const first = results[0];
  if (!first) return UNKNOWN;
  if (results.every((result) => result.kind === first.kind)) {
    return results.every((result) => result.certainty === 'proven') ? first : { ...first, certainty: 'needs-manual' };
  }
  const idToken = results.find((result) => result.kind === 'id-token');
  return idToken ? { ...idToken, certainty: 'needs-manual' } : UNKNOWN;
}

function returnedValues(fn: TSESTree.FunctionLike): Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const values: Node[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'ReturnStatement') {
      if (node.argument) values.push(node.argument);
      return;
    }
    if (isFunction(node) || node.type === 'ClassBody') return;
    for (const key in node) {
      if (key === 'parent') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node);
      }
    }
  };
  for (const statement of fn.body.body) visit(statement);
  return values;
}

function ancestorClassBody(node: Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === 'ClassBody') return current;
  return undefined;
}
