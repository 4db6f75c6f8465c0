/**
 * Credential provenance: whether an expression yields an ID token, an access token, or something the code cannot
 * tell, following data flow inside the file (consts, destructuring, parameters and their call sites, class fields
 * and getters, helper functions that return a token, promises, storage written from a token).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  calleePath,
  enclosingClassBody,
  findProperty,
  holdsValue,
  isFunction,
  isStringLiteral,
  memberName,
  propertyName,
  returnedValues,
  unwrap,
  nameTable,
} from './ast';
import {
  ACCESS_TOKEN_SIBLINGS,
  COMPONENT_PROPS_MEMBER,
  CONTEXT_HOOK,
  LOGIN_CLIENTS,
  DEFAULT_ACCESS_TOKEN_PROPERTY,
  POSITIONAL_RESULT_CALLBACKS,
  RAW_ID_TOKEN_CALLS,
  RAW_ID_TOKEN_REFERENCES,
  RAW_ID_TOKEN_SWITCHES,
  RESPONSE_BODY_RESULTS,
  RESULT_CALLBACKS,
  RESULT_RETURNING_CALLS,
  RESULT_SUB_CLIENTS,
  RESULT_TOKEN_PROPERTIES,
  STATE_HOOK,
  TOKEN_GETTERS,
  type ResultToken,
} from '../catalog';
import { managementAudienceParts, valueCode } from './edits';
import type { FileContext } from './file-context';
import { valuesWrittenTo } from './holder-writes';
import { holderKey, instanceEntity, sdkEntity } from './sdk';
import type { ManagementClient } from './management-clients';
import type { AccessTokenAlternative, Node, Provenance, TokenKind, TokenRequest } from './types';

const ID_TOKEN_PROPERTIES = new Set(RESULT_TOKEN_PROPERTIES.idToken);
const ACCESS_TOKEN_PROPERTIES = new Set(RESULT_TOKEN_PROPERTIES.accessToken);
/** The token kind of each token a login result carries. */
const RESULT_TOKEN_KINDS: Readonly<Record<ResultToken, TokenKind>> = {
  idToken: 'id-token',
  accessToken: 'access-token',
};
const ACCESS_TOKEN_SIBLING = nameTable(ACCESS_TOKEN_SIBLINGS);
const TOKEN_GETTER_KINDS = nameTable(TOKEN_GETTERS);
const RESULT_RETURNING = new Set(RESULT_RETURNING_CALLS);
const POSITIONAL_METHODS = new Set(POSITIONAL_RESULT_CALLBACKS.methods);
const RAW_ID_TOKEN_CALL = nameTable(RAW_ID_TOKEN_CALLS);
const RAW_ID_TOKEN_REFERENCE = nameTable(RAW_ID_TOKEN_REFERENCES);
/** The claims properties a raw ID token is read from (`claims.__raw`). */
const RAW_ID_TOKEN_PROPERTIES = new Set([
  ...Object.values(RAW_ID_TOKEN_CALLS),
  ...Object.values(RAW_ID_TOKEN_REFERENCES),
]);
const RAW_ID_TOKEN_SWITCH = nameTable(RAW_ID_TOKEN_SWITCHES);
const RESPONSE_BODY_VARIANTS = new Set(RESPONSE_BODY_RESULTS);
/** A reactive reference (`ref()`) holds its current value under this property. */
const REFERENCE_VALUE = 'value';
const STORAGE_OBJECTS = new Set([
  'localStorage',
  'sessionStorage',
  'store',
  'storage',
  '$localStorage',
  '$sessionStorage',
  'localStorageService',
]);
/** RxJS operators that hand the upstream value to their function, and those that let it through unchanged. */
const RX_VALUE_OPERATORS = new Set(['switchMap', 'mergeMap', 'concatMap', 'exhaustMap', 'flatMap', 'map', 'tap']);
const RX_PASS_THROUGH_OPERATORS = new Set([
  'tap',
  'filter',
  'take',
  'first',
  'takeUntil',
  'distinctUntilChanged',
  'shareReplay',
  'delay',
  'debounceTime',
]);
const JWT = /^eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_DEPTH = 12;

const UNKNOWN: Provenance = { kind: 'unknown', certainty: 'needs-manual' };

/** What a storage key or variable name says it holds. */
export function kindFromName(name: string): TokenKind {
  const normalised = name.toLowerCase().replace(/[^a-z]/g, '');
  if (normalised.includes('idtoken')) return 'id-token';
  if (normalised.includes('accesstoken')) return 'access-token';
  return 'unknown';
}

/** Whether a string is a JSON Web Token as written in code (optionally after `Bearer `). */
export function isJwtText(text: string): boolean {
  return JWT.test(text.replace(/^\s*bearer\s+/i, ''));
}

/** The token operand of an Authorization value: `'Bearer ' + t`, `` `Bearer ${t}` `` -> `t`; anything else as is. */
export function bearerOperand(context: FileContext, value: Node): Node {
  const target = unwrap(value);
  if (
    target.type === 'BinaryExpression' &&
    target.operator === '+' &&
    /^\s*bearer\s*$/i.test(context.staticString(target.left as Node) ?? '')
  ) {
    return target.right;
  }
  if (
    target.type === 'TemplateLiteral' &&
    target.expressions.length === 1 &&
    /^\s*bearer\s*$/i.test(target.quasis[0]!.value.cooked ?? '')
  ) {
    return target.expressions[0]!;
  }
  // `${token.token_type} ${token.access_token}`: the scheme an OAuth token response names itself.
  if (
    target.type === 'TemplateLiteral' &&
    target.expressions.length === 2 &&
    target.quasis.map((quasi) => quasi.value.cooked).join('|') === '| |' &&
    isTokenType(target.expressions[0]!)
  ) {
    return target.expressions[1]!;
  }
  if (
    target.type === 'BinaryExpression' &&
    target.operator === '+' &&
    unwrap(target.left).type === 'BinaryExpression'
  ) {
    const left = unwrap(target.left) as TSESTree.BinaryExpression;
    if (left.operator === '+' && isTokenType(left.left) && context.staticString(left.right as Node) === ' ')
      return target.right;
  }
  return target;
}

function isTokenType(node: Node): boolean {
  const name = memberName(node);
  return name === 'token_type' || name === 'tokenType';
}

/** The function a callee calls: what `FileContext.functionOf` finds, or the class method `this.name` refers to. */
export function calledFunction(context: FileContext, callee: Node): TSESTree.FunctionLike | undefined {
  const found = context.functionOf(callee);
  if (found) return found;
  const target = unwrap(callee);
  if (target.type !== 'MemberExpression' || target.object.type !== 'ThisExpression') return undefined;
  const name = propertyName(target.property, target.computed);
  const method = enclosingClassBody(target)?.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === 'MethodDefinition' &&
      element.kind === 'method' &&
      propertyName(element.key, element.computed) === name,
  );
  return method?.value;
}

/** An Auth0 result object: the login that issued it, and whether it carries the access token next to the ID token. */
interface ResultOrigin {
  readonly issuer?: TokenRequest;
  readonly carriesAccessToken: boolean;
}

/** A client's method callback that receives tokens: the client's token request (when this file configures it). */
interface CallbackClient {
  readonly request?: TokenRequest;
  /** The receiver is provably an Auth0 SDK instance (configured here or created from an Auth0 SDK). */
  readonly auth0: boolean;
}

/** What other modules of the project tell about this file's imports and storage reads (see `src/project`). */
export interface CrossFileFacts {
  /** Token requests configured in other modules, by the holder key of the import binding that refers to their client. */
  readonly clients: ReadonlyMap<string, TokenRequest>;
  /** What an imported binding yields, when its module provably yields a token (`export const token = ...`, a getter). */
  importedToken(source: string, imported: string): Provenance | undefined;
  /** What other modules store under a storage key, and the key their access token is (or will be) stored under. */
  storedToken(key: string): { readonly provenance: Provenance; readonly accessTokenKey?: string } | undefined;
  /** What `this.<member>` of a class another module exports holds (an injected Angular service, say). */
  classMemberToken(source: string, imported: string, member: string): Provenance | undefined;
  /** What the provider of a React context another module exports puts under `key`. */
  contextValueToken(source: string, imported: string, key: string): Provenance | undefined;
  /** What other modules pass as parameter `index` (or its `property`: a JSX prop) of an exported function of this file. */
  passedToken(fn: TSESTree.FunctionLike, index: number, property: string | undefined): Provenance | undefined;
  /** Management clients that other modules export, by the holder key of the import binding that refers to them. */
  readonly managementClients: ReadonlyMap<string, ManagementClient>;
}

/** A token this module passes to a function (or component) it imports. */
export interface PassedArgument {
  readonly source: string;
  readonly imported: string;
  readonly index: number;
  /** Set for a JSX prop: the property of the first parameter. */
  readonly property?: string;
  readonly provenance: Provenance;
}

export class CredentialTracer {
  private storageWrites: Map<string, Node[]> | undefined;
  private readonly uses: FunctionUses;

  constructor(
    private readonly context: FileContext,
    /** Token requests by the key of the client variable that holds them. */
    private readonly clients: ReadonlyMap<string, TokenRequest>,
    private readonly crossFile?: CrossFileFacts,
    /** Every token request of the file, for results that come back from a request rather than a client. */
    private readonly requests: readonly TokenRequest[] = [],
  ) {
    this.uses = functionUses(context);
  }

  /**
   * Every storage key this file writes a token to, with what it stores, and where an access-token sibling write
   * would go (for a module that reads the key back with no login of its own).
   */
  storedTokens(): { key: string; provenance: Provenance; alternative?: AccessTokenAlternative }[] {
    const stored: { key: string; provenance: Provenance; alternative?: AccessTokenAlternative }[] = [];
    for (const [key, writes] of this.allStorageWrites()) {
      const provenance = agree(writes.map((value) => this.trace(value, new Set(), 1)));
      if (provenance.kind === 'unknown') continue;
      const keyNode = writes.map((value) => value.parent).find((call) => call?.type === 'CallExpression')?.arguments[0];
      const alternative =
        provenance.kind === 'id-token' && keyNode ? this.storageAlternative(writes, keyNode) : undefined;
      stored.push({ key, provenance: withoutAlternative(provenance), alternative });
    }
    return stored;
  }

  /** What an exported binding of this file yields, for modules that import it. */
  exportedToken(local: TSESTree.Identifier): Provenance {
    const fn = this.context.functionOf(local);
    if (fn) return agree(returnedValues(fn).map((value) => this.trace(value, new Set(), 1)));
    return this.provenance(local);
  }

  provenance(node: Node): Provenance {
    return this.trace(node, new Set(), 0);
  }

  /** A credential that may be a supplier function (node-auth0 v3+ `token: () => ...`): what it returns. */
  suppliedProvenance(node: Node): Provenance {
    const supplier = unwrap(node);
    if (!isFunction(supplier)) return this.provenance(node);
    const seen = new Set<Node>();
    return withoutAlternative(agree(returnedValues(supplier).map((value) => this.trace(value, seen, 1))));
  }

  private trace(node: Node, seen: Set<Node>, depth: number): Provenance {
    const target = unwrap(node);
    if (seen.has(target) || depth > MAX_DEPTH) return UNKNOWN;
    seen.add(target);
    const next = (child: Node): Provenance => this.trace(child, seen, depth + 1);
    switch (target.type) {
      case 'AwaitExpression':
        return next(target.argument);
      case 'LogicalExpression':
      case 'ConditionalExpression': {
        const [a, b] =
          target.type === 'LogicalExpression' ? [target.left, target.right] : [target.consequent, target.alternate];
        return agree([next(a), next(b)]);
      }
      case 'BinaryExpression':
      case 'TemplateLiteral': {
        const operand = bearerOperand(this.context, target);
        return operand === target ? this.literal(target) : next(operand);
      }
      case 'Literal':
        return this.literal(target);
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

  /** A token pasted into the code. Its kind is unknown; it is a secret whatever it is. */
  private literal(target: Node): Provenance {
    const value = this.context.staticString(target);
    return value !== undefined && isJwtText(value)
      ? { kind: 'unknown', certainty: 'proven', source: target, description: 'a token literal', literal: true }
      : UNKNOWN;
  }

  private member(target: TSESTree.MemberExpression, seen: Set<Node>, depth: number): Provenance {
    const name = propertyName(target.property, target.computed);
    if (name === undefined) return UNKNOWN;
    if (this.isStorage(target.object))
      return this.storageRead(
        name,
        target,
        !target.computed || isStringLiteral(target.property) ? target.property : undefined,
        seen,
        depth,
      );
    const resolved = this.context.resolve(target);
    if (resolved !== target) return withoutAlternative(this.trace(resolved, seen, depth + 1));
    // What the code stores in `this.x` / `obj.x` outweighs what the property is called.
    const assigned = this.valuesAssignedTo(target);
    if (assigned.length > 0)
      return withoutAlternative(agree(assigned.map((value) => this.trace(value, seen, depth + 1))));
    // An injected service (`constructor(private auth: AuthService)`): what that class, in its own module, holds.
    const injected = this.injectedClass(target.object);
    const held =
      (injected && this.crossFile?.classMemberToken(injected.source, injected.imported, name)) ||
      this.contextValue(target.object, name);
    if (held) return fromOtherModule(held, target, this.context.source(target));
    // `this.props.token` in a class component, `props.token` in a function component: what its JSX elements pass.
    const component = this.propsOwner(target.object);
    const props = component && this.jsxPropValues(component, name);
    if (props) return agree(props.map((value) => this.trace(value, seen, depth + 1)));
    if (ID_TOKEN_PROPERTIES.has(name)) return this.resultProperty('id-token', target, name);
    if (ACCESS_TOKEN_PROPERTIES.has(name)) return this.resultProperty('access-token', target, name);
    // `(await client.getIdTokenClaims()).__raw`, `claims.value.__raw`: the encoded ID token of decoded claims.
    if (RAW_ID_TOKEN_PROPERTIES.has(name)) return this.rawIdToken(target, name);
    return this.byName(target, name);
  }

  /** `result.idToken`: an ID token, switchable to `result.accessToken` when the result is an Auth0 login's. */
  private resultProperty(kind: TokenKind, target: TSESTree.MemberExpression, name: string): Provenance {
    const origin = this.resultOrigin(target.object, 0);
    const sibling = ACCESS_TOKEN_SIBLING[name];
    const property = target.property;
    const switchable =
      kind === 'id-token' &&
      origin?.carriesAccessToken &&
      sibling !== undefined &&
      (!target.computed || isStringLiteral(property));
    return {
      ...this.found(kind, target, origin?.issuer, origin !== undefined),
      accessTokenAlternative: switchable ? { node: property, name: sibling } : undefined,
    };
  }

  private identifier(target: TSESTree.Identifier, seen: Set<Node>, depth: number): Provenance {
    const binding = this.context.binding(target);
    switch (binding.kind) {
      case 'value':
        return isFunction(binding.node) ? UNKNOWN : this.trace(binding.node, seen, depth + 1);
      case 'property':
        return this.destructured(target, binding.object, binding.key, seen, depth);
      case 'parameter':
        return this.parameter(binding.fn, binding.index, target, seen, depth);
      case 'unknown': {
        // React state: `const [token, setToken] = useState(...)` holds whatever `setToken(...)` is given.
        const stateValues = this.stateValues(target);
        if (stateValues.length > 0)
          return withoutAlternative(agree(stateValues.map((value) => this.trace(value, seen, depth + 1))));
        // A `let` written in several places: every value it is given.
        const values = this.context.assignedValues(target).filter(holdsValue);
        if (values.length > 0)
          return withoutAlternative(agree(values.map((value) => this.trace(value, seen, depth + 1))));
        return this.byName(target, target.name);
      }
      case 'import': {
        const imported = this.crossFile?.importedToken(binding.source, binding.imported);
        return imported
          ? fromOtherModule(imported, target, this.context.source(target))
          : this.byName(target, target.name);
      }
      default:
        return this.byName(target, target.name);
    }
  }

  /**
   * `(await client.getIdTokenClaims()).__raw` on a client this file configures: where the client's variant has a
   * getter for it, that getter for the Management API audience replaces it (inside an async function, where `await`
   * works).
   */
  private rawIdToken(target: TSESTree.MemberExpression, property: string): Provenance {
    const receiver = this.rawIdTokenReceiver(target.object, property, 0);
    const request = receiver && this.clientRequest(receiver, 0);
    const found = this.found('id-token', target, request);
    const getter = request && RAW_ID_TOKEN_SWITCH[request.sdk];
    // A hook called again inside the async function would break the hook's rules: the switch needs a held result.
    const held = receiver && unwrap(receiver).type !== 'CallExpression';
    const parts =
      getter && held && inAsyncFunction(target) ? managementAudienceParts(request, this.context.text) : undefined;
    if (!receiver || !getter || !parts) return found;
    const options = getter.optionsPath.reduceRight(
      (inner, key) => `{ ${key}: ${inner} }`,
      `{ audience: ${valueCode(parts, this.context.text)} }`,
    );
    return {
      ...found,
      accessTokenAlternative: {
        node: target,
        name: `await ${this.context.source(receiver)}.${getter.method}(${options})`,
      },
    };
  }

  /**
   * The client whose decoded claims an expression holds: the receiver of the claims call (`client.getIdTokenClaims()`)
   * or of the claims reference's value (`client.idTokenClaims.value`), through `await` and consts.
   */
  private rawIdTokenReceiver(node: Node, property: string, depth: number): Node | undefined {
    const target = unwrap(node);
    if (depth > 4) return undefined;
    if (target.type === 'AwaitExpression') return this.rawIdTokenReceiver(target.argument, property, depth + 1);
    if (target.type === 'CallExpression') {
      const callee = unwrap(target.callee);
      return callee.type === 'MemberExpression' && RAW_ID_TOKEN_CALL[memberName(callee) ?? ''] === property
        ? callee.object
        : undefined;
    }
    if (target.type === 'MemberExpression' && memberName(target) === REFERENCE_VALUE)
      return this.referenceReceiver(target.object, property, depth + 1);
    if (target.type !== 'Identifier') return undefined;
    const binding = this.context.binding(target);
    return binding.kind === 'value' ? this.rawIdTokenReceiver(binding.node, property, depth + 1) : undefined;
  }

  /** The client a claims reference is read from: `client.idTokenClaims`, or `const { idTokenClaims } = client`. */
  private referenceReceiver(node: Node, property: string, depth: number): Node | undefined {
    const target = unwrap(node);
    if (depth > 4) return undefined;
    if (target.type === 'MemberExpression')
      return RAW_ID_TOKEN_REFERENCE[memberName(target) ?? ''] === property ? target.object : undefined;
    if (target.type !== 'Identifier') return undefined;
    const binding = this.context.binding(target);
    if (binding.kind === 'value') return this.referenceReceiver(binding.node, property, depth + 1);
    return binding.kind === 'property' && RAW_ID_TOKEN_REFERENCE[binding.key] === property ? binding.object : undefined;
  }

  /**
   * The token request of the client an expression holds, following `const client = await clientPromise`; a hook's
   * result (`const auth = useHook()`) stands for the file's single login of the hook's client kind.
   */
  private clientRequest(node: Node, depth: number): TokenRequest | undefined {
    const target = unwrap(node);
    const direct = this.clients.get(holderKey(this.context, target) ?? '');
    if (direct || depth > 4) return direct;
    if (target.type === 'AwaitExpression') return this.clientRequest(target.argument, depth + 1);
    if (target.type === 'CallExpression') return this.hookLogin(target);
    if (target.type !== 'Identifier') return undefined;
    const binding = this.context.binding(target);
    return binding.kind === 'value' ? this.clientRequest(binding.node, depth + 1) : undefined;
  }

  /** The file's single client-level login of the client kind whose hook the call is. */
  private hookLogin(call: TSESTree.CallExpression): TokenRequest | undefined {
    const hook = sdkEntity(this.context, call.callee);
    const client =
      hook === undefined
        ? undefined
        : Object.values(LOGIN_CLIENTS).find(
            (candidate) => candidate.unheld?.kind === 'hook-result' && candidate.unheld.hook === hook,
          );
    const logins = this.requests.filter(
      (request) => request.level === 'client' && client?.callVariants?.includes(request.sdk),
    );
    return logins.length === 1 ? logins[0] : undefined;
  }

  /** The imported class `this.auth` is declared as (a constructor parameter property or a typed field). */
  private injectedClass(node: Node): { source: string; imported: string } | undefined {
    const target = unwrap(node);
    if (target.type !== 'MemberExpression' || target.object.type !== 'ThisExpression') return undefined;
    const name = propertyName(target.property, target.computed);
    let annotation: TSESTree.TypeNode | undefined;
    for (const element of enclosingClassBody(target)?.body ?? []) {
      if (element.type === 'PropertyDefinition' && propertyName(element.key, element.computed) === name)
        annotation = element.typeAnnotation?.typeAnnotation;
      if (element.type === 'MethodDefinition' && element.kind === 'constructor') {
        for (const param of element.value.params) {
          if (
            param.type === 'TSParameterProperty' &&
            param.parameter.type === 'Identifier' &&
            param.parameter.name === name
          )
            annotation = param.parameter.typeAnnotation?.typeAnnotation;
        }
      }
    }
    if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier') return undefined;
    const binding = this.context.binding(annotation.typeName);
    return binding.kind === 'import' ? { source: binding.source, imported: binding.imported } : undefined;
  }

  /** The values a React state variable is set to: every first argument of its setter (the initial value aside). */
  private stateValues(target: TSESTree.Identifier): Node[] {
    const declarator = this.context.variableOf(target)?.defs[0]?.node;
    if (
      declarator?.type !== 'VariableDeclarator' ||
      declarator.id.type !== 'ArrayPattern' ||
      declarator.id.elements[0] !== this.context.variableOf(target)?.defs[0]?.name
    )
      return [];
    const init = declarator.init && unwrap(declarator.init);
    const setter = declarator.id.elements[1];
    if (
      init?.type !== 'CallExpression' ||
      !isCallOf(this.context.source(init.callee), STATE_HOOK) ||
      setter?.type !== 'Identifier'
    )
      return [];
    const values: Node[] = [];
    for (const reference of this.context.variableOf(setter)?.references ?? []) {
      const call = reference.identifier.parent;
      if (call?.type === 'CallExpression' && call.callee === reference.identifier && call.arguments[0])
        values.push(call.arguments[0]);
    }
    return values;
  }

  /** `useContext(AuthContext).idToken` with the context imported: what its provider, in its own module, puts there. */
  private contextValue(object: Node, key: string): Provenance | undefined {
    const call = unwrap(this.context.resolve(object));
    if (
      call.type !== 'CallExpression' ||
      (memberName(call.callee) !== CONTEXT_HOOK &&
        !(call.callee.type === 'Identifier' && call.callee.name === CONTEXT_HOOK))
    )
      return undefined;
    const contextNode = call.arguments[0] && unwrap(call.arguments[0]);
    if (contextNode?.type !== 'Identifier') return undefined;
    const binding = this.context.binding(contextNode);
    return binding.kind === 'import'
      ? this.crossFile?.contextValueToken(binding.source, binding.imported, key)
      : undefined;
  }

  /** What `<Context.Provider value={{ key: ... }}>` provides under `key`, for an exported context of this file. */
  providedToken(contextName: string, key: string): Provenance | undefined {
    for (const element of this.context.jsxElements) {
      const name = element.name;
      if (
        name.type !== 'JSXMemberExpression' ||
        name.object.type !== 'JSXIdentifier' ||
        name.object.name !== contextName ||
        name.property.name !== 'Provider'
      )
        continue;
      const value = element.attributes.find(
        (attribute): attribute is TSESTree.JSXAttribute =>
          attribute.type === 'JSXAttribute' && attribute.name.name === 'value',
      );
      const expression =
        value?.value?.type === 'JSXExpressionContainer' && value.value.expression.type !== 'JSXEmptyExpression'
          ? value.value.expression
          : undefined;
      const literal = expression && this.context.objectLiteral(expression);
      const property = literal && findProperty(literal, key);
      const provenance = property && this.provenance(property.value);
      if (provenance && provenance.kind !== 'unknown') return provenance;
    }
    return undefined;
  }

  /** What `this.<member>` holds inside an exported class of this file, for modules that inject it. */
  classMemberToken(className: TSESTree.Identifier, member: string): Provenance | undefined {
    const declaration = className.parent;
    if (declaration?.type !== 'ClassDeclaration') return undefined;
    let found: TSESTree.MemberExpression | undefined;
    const visit = (node: Node): void => {
      if (found) return;
      if (
        node.type === 'MemberExpression' &&
        node.object.type === 'ThisExpression' &&
        propertyName(node.property, node.computed) === member
      )
        found = node;
      for (const key in node) {
        if (key === 'parent') continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        for (const child of Array.isArray(value) ? value : [value])
          if (child && typeof child === 'object' && typeof (child as Node).type === 'string') visit(child as Node);
      }
    };
    visit(declaration.body);
    const getter = declaration.body.body.find(
      (element): element is TSESTree.MethodDefinition =>
        element.type === 'MethodDefinition' &&
        element.kind === 'get' &&
        propertyName(element.key, element.computed) === member,
    );
    const provenance = getter
      ? agree(returnedValues(getter.value).map((value) => this.trace(value, new Set(), 1)))
      : found && this.provenance(found);
    return provenance && provenance.kind !== 'unknown' ? provenance : undefined;
  }

  /** `new URLSearchParams(window.location.hash...)`, directly or through a variable. */
  private isHashParameters(node: Node): boolean {
    const target = unwrap(this.context.resolve(node));
    return (
      target.type === 'NewExpression' &&
      target.callee.type === 'Identifier' &&
      target.callee.name === 'URLSearchParams' &&
      !!target.arguments[0] &&
      /\blocation\.hash\b/.test(this.context.source(target.arguments[0]))
    );
  }

  /** `const { idToken } = result`: the property's value when the object literal is visible, else what the key says. */
  private destructured(
    target: TSESTree.Identifier,
    object: Node | undefined,
    key: string,
    seen: Set<Node>,
    depth: number,
  ): Provenance {
    // `function Page({ idToken })`: what other modules pass as that prop or property.
    const def = object ? undefined : this.context.variableOf(target)?.defs[0];
    if (def?.type === 'Parameter') {
      const fn = def.node as TSESTree.FunctionLike;
      const index = fn.params.findIndex(
        (param) => param.range[0] <= def.name.range[0] && def.name.range[1] <= param.range[1],
      );
      const passed = this.crossFile?.passedToken(fn, index, key);
      if (passed) return fromOtherModule(passed, target, target.name);
      const props = index === 0 ? this.jsxPropValues(fn, key) : undefined;
      if (props) return agree(props.map((value) => this.trace(value, seen, depth + 1)));
    }
    const literal = object && this.context.objectLiteral(object);
    const property = literal && findProperty(literal, key);
    if (property) return withoutAlternative(this.trace(property.value, seen, depth + 1));
    if (object && this.isStorage(object)) return this.storageRead(key, target, undefined, seen, depth);
    const shared = object && this.contextValue(object, key);
    if (shared) return fromOtherModule(shared, target, target.name);
    const kind = propertyKind(key);
    if (kind === 'unknown') return UNKNOWN;
    const client = object ? undefined : this.destructuringCallbackClient(target);
    const origin = object ? this.resultOrigin(object, 0) : client && { issuer: client.request };
    const issuer = origin?.issuer;
    const sibling = kind === 'id-token' ? siblingBinding(target, this.context, key) : undefined;
    return {
      ...this.found(kind, target, issuer, origin !== undefined),
      accessTokenAlternative: sibling && !isShorthandValue(target) ? { node: target, name: sibling } : undefined,
    };
  }

  private parameter(
    fn: TSESTree.FunctionLike,
    index: number,
    target: TSESTree.Identifier,
    seen: Set<Node>,
    depth: number,
  ): Provenance {
    const positional = this.positionalKind(fn, index, target.name);
    if (positional) return this.found(positional, target, this.callbackClient(fn)?.request, true);
    const emitted = this.emittedValue(fn, index);
    if (emitted) return this.trace(emitted, seen, depth + 1);
    const argumentsAtCalls = this.invocationsOf(fn).map((call) => call?.arguments[index]);
    if (
      argumentsAtCalls.length > 0 &&
      argumentsAtCalls.every((argument): argument is TSESTree.CallExpressionArgument => !!argument)
    ) {
      return agree(argumentsAtCalls.map((argument) => this.trace(argument, seen, depth + 1)));
    }
    const passed = argumentsAtCalls.length === 0 ? this.crossFile?.passedToken(fn, index, undefined) : undefined;
    return passed ? fromOtherModule(passed, target, target.name) : this.byName(target, target.name);
  }

  /** The component whose props an expression is: `this.props` in a class, a function's first parameter. */
  private propsOwner(node: Node): Node | undefined {
    const target = unwrap(node);
    if (
      target.type === 'MemberExpression' &&
      target.object.type === 'ThisExpression' &&
      propertyName(target.property, target.computed) === COMPONENT_PROPS_MEMBER
    )
      return enclosingClassBody(target)?.parent ?? undefined;
    if (target.type !== 'Identifier') return undefined;
    const binding = this.context.binding(target);
    return binding.kind === 'parameter' && binding.index === 0 ? binding.fn : undefined;
  }

  /**
   * What the JSX elements of this file pass as prop `key` to `component` (a class or a function): `undefined` when
   * none renders it, or when one spreads props or leaves `key` out (its value is then out of sight).
   */
  private jsxPropValues(component: Node, key: string): Node[] | undefined {
    const values: Node[] = [];
    for (const element of this.context.jsxElements) {
      if (element.name.type !== 'JSXIdentifier') continue;
      const binding = this.context.binding(element.name as unknown as TSESTree.Identifier);
      if (binding.kind !== 'value' || unwrap(binding.node) !== component) continue;
      const attribute = element.attributes.find(
        (candidate) => candidate.type === 'JSXSpreadAttribute' || candidate.name.name === key,
      );
      const value =
        attribute?.type === 'JSXAttribute' && attribute.value?.type === 'JSXExpressionContainer'
          ? attribute.value.expression
          : undefined;
      if (!value || value.type === 'JSXEmptyExpression') return undefined;
      values.push(value);
    }
    return values.length > 0 ? values : undefined;
  }

  /** For each call of an imported function: what this file passes as each argument (for the callee's module). */
  importedCallArguments(): PassedArgument[] {
    const passed: PassedArgument[] = [];
    for (const call of this.context.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== 'Identifier') continue;
      const binding = this.context.binding(callee);
      if (binding.kind !== 'import') continue;
      call.arguments.forEach((argument, index) => {
        const provenance = this.provenance(argument);
        if (provenance.kind !== 'unknown')
          passed.push({ source: binding.source, imported: binding.imported, index, provenance });
      });
    }
    // JSX props of an imported component are properties of its first parameter: `<Page idToken={token} />`.
    for (const element of this.context.jsxElements) {
      if (element.name.type !== 'JSXIdentifier') continue;
      const binding = this.context.binding(element.name as unknown as TSESTree.Identifier);
      if (binding.kind !== 'import') continue;
      for (const attribute of element.attributes) {
        if (
          attribute.type !== 'JSXAttribute' ||
          attribute.name.type !== 'JSXIdentifier' ||
          attribute.value?.type !== 'JSXExpressionContainer'
        )
          continue;
        const expression = attribute.value.expression;
        if (expression.type === 'JSXEmptyExpression') continue;
        const provenance = this.provenance(expression);
        if (provenance.kind !== 'unknown')
          passed.push({
            source: binding.source,
            imported: binding.imported,
            index: 0,
            property: attribute.name.name,
            provenance,
          });
      }
    }
    return passed;
  }

  private call(target: TSESTree.CallExpression, seen: Set<Node>, depth: number): Provenance {
    const callee = unwrap(target.callee);
    const method = memberName(callee) ?? (callee.type === 'Identifier' ? callee.name : undefined);
    const gotten = method === undefined ? undefined : TOKEN_GETTER_KINDS[method];
    if (gotten !== undefined) {
      // `client.getTokenSilently()`: issued by the client the file configures for that receiver, when it does.
      const receiver = callee.type === 'MemberExpression' ? callee.object : undefined;
      return this.found(
        RESULT_TOKEN_KINDS[gotten],
        target,
        receiver && this.clients.get(holderKey(this.context, receiver) ?? ''),
        true,
      );
    }
    if (method === 'get' && callee.type === 'MemberExpression' && this.isHashParameters(callee.object)) {
      // `new URLSearchParams(location.hash.slice(1)).get('id_token')`: an implicit-flow redirect, whose hash carries
      // `access_token` beside `id_token` once the response type asks for it.
      const keyNode = target.arguments[0];
      const kind = keyNode && isStringLiteral(keyNode) ? propertyKind(keyNode.value) : 'unknown';
      if (kind === 'unknown' || !keyNode || !isStringLiteral(keyNode)) return UNKNOWN;
      const sibling = ACCESS_TOKEN_SIBLING[keyNode.value];
      return {
        ...this.found(kind, target, undefined, true),
        accessTokenAlternative: kind === 'id-token' && sibling ? { node: keyNode, name: sibling } : undefined,
      };
    }
    if (
      (method === 'getItem' || method === 'get') &&
      callee.type === 'MemberExpression' &&
      this.isStorage(callee.object)
    ) {
      const keyNode = target.arguments[0];
      const key = keyNode && this.context.staticString(keyNode);
      return key === undefined
        ? UNKNOWN
        : this.storageRead(key, target, isStringLiteral(keyNode) ? keyNode : undefined, seen, depth);
    }
    // `p.then(fn)` resolves to what `fn` returns.
    const handler = method === 'then' && target.arguments[0] ? unwrap(target.arguments[0]) : undefined;
    const fn = handler && isFunction(handler) ? handler : calledFunction(this.context, target.callee);
    if (fn) {
      const returned = returnedValues(fn);
      if (returned.length > 0) return agree(returned.map((value) => this.trace(value, seen, depth + 1)));
    }
    if (callee.type === 'Identifier') {
      const binding = this.context.binding(callee);
      const imported =
        binding.kind === 'import' ? this.crossFile?.importedToken(binding.source, binding.imported) : undefined;
      if (imported) return fromOtherModule(imported, target, this.context.source(target));
    }
    return method ? this.byName(target, method) : UNKNOWN;
  }

  /**
   * `localStorage.getItem(key)`: what the file writes under the key, else what the key says it holds. `keyNode` is
   * the key as written when a switch can rewrite it (a string literal, or a property name).
   */
  private storageRead(key: string, node: Node, keyNode: Node | undefined, seen: Set<Node>, depth: number): Provenance {
    const description = `storage key '${key}'`;
    const writes = this.writesTo(key);
    if (writes.length > 0) {
      const written = agree(writes.map((value) => this.trace(value, seen, depth + 1)));
      if (written.kind !== 'unknown') {
        const alternative =
          written.kind === 'id-token' && keyNode ? this.storageAlternative(writes, keyNode) : undefined;
        return {
          ...withoutAlternative(written),
          source: node,
          description,
          accessTokenAlternative: alternative,
          storageKey: key,
        };
      }
    }
    const stored = writes.length === 0 ? this.crossFile?.storedToken(key) : undefined;
    if (stored) {
      const alternative =
        stored.accessTokenKey !== undefined && keyNode && isStringLiteral(keyNode)
          ? { node: keyNode, name: stored.accessTokenKey }
          : undefined;
      return { ...stored.provenance, source: node, description, storageKey: key, accessTokenAlternative: alternative };
    }
    const kind = kindFromName(key);
    return kind === 'unknown' ? UNKNOWN : { kind, certainty: 'proven', source: node, description, storageKey: key };
  }

  /**
   * The key the same logins' access tokens are written under: every write of the read key stores `r.idToken` of an
   * Auth0 result `r`, and the file stores `r.accessToken` of that same `r` under one other key.
   */
  private storageAlternative(writes: readonly Node[], keyNode: Node): AccessTokenAlternative | undefined {
    const holders = new Set<string>();
    const storeBeside: NonNullable<AccessTokenAlternative['storeBeside']>[number][] = [];
    for (const value of writes) {
      const target = unwrap(value);
      const name = target.type === 'MemberExpression' ? propertyName(target.property, target.computed) : undefined;
      const origin = target.type === 'MemberExpression' ? this.resultOrigin(target.object, 0) : undefined;
      const holder = target.type === 'MemberExpression' ? holderKey(this.context, target.object) : undefined;
      if (!name || !ID_TOKEN_PROPERTIES.has(name) || !origin?.carriesAccessToken || holder === undefined)
        return undefined;
      holders.add(holder);
      const sibling = writeStatementSibling(value, target as TSESTree.MemberExpression, name);
      if (sibling) storeBeside.push(sibling);
    }
    const keys = new Set<string>();
    for (const [key, values] of this.allStorageWrites()) {
      for (const value of values) {
        const target = unwrap(value);
        if (
          target.type !== 'MemberExpression' ||
          !ACCESS_TOKEN_PROPERTIES.has(propertyName(target.property, target.computed) ?? '')
        )
          continue;
        if (holders.has(holderKey(this.context, target.object) ?? '')) keys.add(key);
      }
    }
    if (keys.size === 0 && storeBeside.length === writes.length && isStringLiteral(keyNode)) {
      // Nothing stores the access token yet: store it beside each ID-token write under a key of its own.
      const name = accessTokenKey(keyNode.value, (key) => this.allStorageWrites().has(key));
      return name === undefined ? undefined : { node: keyNode, name, storeBeside };
    }
    const [name] = keys;
    if (keys.size !== 1 || name === undefined) return undefined;
    return isStringLiteral(keyNode) || IDENTIFIER.test(name) ? { node: keyNode, name } : undefined;
  }

  private writesTo(key: string): Node[] {
    return this.allStorageWrites().get(key) ?? [];
  }

  private allStorageWrites(): Map<string, Node[]> {
    if (this.storageWrites) return this.storageWrites;
    const writes = new Map<string, Node[]>();
    const record = (key: string | undefined, value: Node): void => {
      if (key !== undefined && holdsValue(value)) writes.set(key, [...(writes.get(key) ?? []), value]);
    };
    for (const call of this.context.calls) {
      const callee = unwrap(call.callee);
      const method = memberName(callee);
      if (
        (method === 'setItem' || method === 'set') &&
        callee.type === 'MemberExpression' &&
        this.isStorage(callee.object) &&
        call.arguments.length >= 2
      ) {
        record(this.context.staticString(call.arguments[0]!), call.arguments[1]!);
      }
    }
    for (const assignment of this.context.assignments) {
      if (assignment.left.type === 'MemberExpression' && this.isStorage(assignment.left.object)) {
        record(propertyName(assignment.left.property, assignment.left.computed), assignment.right);
      }
    }
    this.storageWrites = writes;
    return writes;
  }

  /** Values stored in `this.x` / `obj.x`: assignments anywhere in the file, class field initialisers, getters. */
  private valuesAssignedTo(target: TSESTree.MemberExpression): Node[] {
    const key = holderKey(this.context, target);
    if (key === undefined) return [];
    const values = valuesWrittenTo(this.context, key).filter(holdsValue);
    if (target.object.type === 'ThisExpression') {
      const name = propertyName(target.property, target.computed);
      for (const element of enclosingClassBody(target)?.body ?? []) {
        if (element.type !== 'PropertyDefinition' && element.type !== 'MethodDefinition') continue;
        if (propertyName(element.key, element.computed) !== name) continue;
        if (element.type === 'PropertyDefinition' && element.value && holdsValue(element.value))
          values.push(element.value);
        if (element.type === 'MethodDefinition' && element.kind === 'get')
          values.push(...returnedValues(element.value));
      }
      // `constructor(private readonly session: Session)`: the member holds what each `new` passes.
      const parameter = constructorParameterProperty(target, name);
      if (parameter) values.push(parameter);
    }
    return values;
  }

  private isStorage(node: Node): boolean {
    const path = calleePath(node);
    const last = path?.[path.length - 1];
    return last !== undefined && STORAGE_OBJECTS.has(last);
  }

  /** Names alone never prove a token kind; they only raise a needs-manual result. */
  private byName(node: Node, name: string): Provenance {
    const kind = kindFromName(name);
    return kind === 'unknown'
      ? UNKNOWN
      : { kind, certainty: 'needs-manual', source: node, description: this.context.source(node) };
  }

  private found(kind: TokenKind, source: Node, issuer?: TokenRequest, fromLogin = false): Provenance {
    return {
      kind,
      certainty: 'proven',
      source,
      description: this.context.source(source),
      issuer,
      ...(fromLogin && { fromLogin }),
    };
  }

  /**
   * Whether an expression is an Auth0 login result: a result callback's parameter, a `parseHash()` / detailed
   * `getTokenSilently()` value, or an app function's parameter that every call site passes such a result.
   */
  private resultOrigin(object: Node, depth: number): ResultOrigin | undefined {
    const target = unwrap(object);
    if (depth > 4) return undefined;
    if (target.type === 'AwaitExpression') return this.resultOrigin(target.argument, depth + 1);
    if (target.type === 'CallExpression') {
      const callee = unwrap(target.callee);
      const method = memberName(callee) ?? (callee.type === 'Identifier' ? callee.name : undefined);
      // `(await fetch('https://…/oauth/token', { body: passwordGrant })).json()`: the request's own response body.
      const response =
        method === 'json' && callee.type === 'MemberExpression'
          ? unwrap(this.context.resolve(callee.object))
          : undefined;
      const sent = response?.type === 'AwaitExpression' ? unwrap(response.argument) : response;
      const grant =
        sent &&
        this.requests.find(
          (request) =>
            RESPONSE_BODY_VARIANTS.has(request.sdk) &&
            sent.range[0] <= request.node.range[0] &&
            request.node.range[1] <= sent.range[1],
        );
      if (grant) return { issuer: grant, carriesAccessToken: true };
      if (method === undefined || !RESULT_RETURNING.has(method)) return undefined;
      const receiver = callee.type === 'MemberExpression' ? callee.object : undefined;
      const issuer = receiver && this.clients.get(holderKey(this.context, receiver) ?? '');
      return { issuer, carriesAccessToken: issuer?.supportsAudience ?? true };
    }
    // Component state (`this.authResult = authResult` in a callback, read in another method): what it is given.
    if (target.type === 'MemberExpression')
      return everyOrigin(this.valuesAssignedTo(target).map((value) => this.resultOrigin(value, depth + 1)));
    if (target.type !== 'Identifier') return undefined;
    const binding = this.context.binding(target);
    if (binding.kind === 'value') return this.resultOrigin(binding.node, depth + 1);
    if (binding.kind !== 'parameter') return undefined;
    const client = this.callbackClient(binding.fn);
    if (client)
      return { issuer: client.request, carriesAccessToken: client.auth0 && (client.request?.supportsAudience ?? true) };
    const emitted = this.emittedValue(binding.fn, binding.index);
    if (emitted) return this.resultOrigin(emitted, depth + 1);
    return everyOrigin(
      this.invocationsOf(binding.fn).map((call) => {
        const argument = call?.arguments[binding.index];
        return argument && this.resultOrigin(argument, depth + 1);
      }),
    );
  }

  /** If `fn` is the result callback of an Auth0 client method (`webAuth.parseHash(cb)`, `lock.on('authenticated', cb)`), its client. */
  private callbackClient(fn: TSESTree.FunctionLike): CallbackClient | undefined {
    for (const { call, position } of this.callbackUses(fn)) {
      const callee = unwrap(call.callee);
      const method = memberName(callee);
      if (callee.type !== 'MemberExpression' || method === undefined || !this.isResultCallback(call, method, position))
        continue;
      let clientNode: Node = callee.object;
      if (RESULT_SUB_CLIENTS.includes(memberName(clientNode) ?? ''))
        clientNode = (unwrap(clientNode) as TSESTree.MemberExpression).object;
      const request = this.clients.get(holderKey(this.context, clientNode) ?? '');
      return { request, auth0: !!request || instanceEntity(this.context, clientNode) !== undefined };
    }
    return undefined;
  }

  /** Whether argument `position` of a `method` call is a result callback (of the event the call subscribes to). */
  private isResultCallback(call: TSESTree.CallExpression, method: string, position: number): boolean {
    return RESULT_CALLBACKS.some(
      (callback) =>
        callback.method === method &&
        position === (callback.argument < 0 ? call.arguments.length + callback.argument : callback.argument) &&
        (callback.event === undefined || this.context.staticString(call.arguments[0] ?? call) === callback.event),
    );
  }

  /** `parseHash((err, { idToken }) => ...)`: the client of the result callback whose parameter pattern binds `target`. */
  private destructuringCallbackClient(target: TSESTree.Identifier): CallbackClient | undefined {
    const def = this.context.variableOf(target)?.defs[0];
    return def?.type === 'Parameter' ? this.callbackClient(def.node as TSESTree.FunctionLike) : undefined;
  }

  /** The token kind of a positional legacy callback parameter, when the SDK or the parameter's own name confirms it. */
  private positionalKind(fn: TSESTree.FunctionLike, index: number, name: string): TokenKind | undefined {
    const kind = positionalTokenKind(index);
    if (!kind) return undefined;
    for (const { call, position } of this.callbackUses(fn)) {
      const callee = unwrap(call.callee);
      if (
        position !== call.arguments.length - 1 ||
        callee.type !== 'MemberExpression' ||
        !POSITIONAL_METHODS.has(memberName(callee) ?? '')
      )
        continue;
      if (provesPositionalKinds(instanceEntity(this.context, callee.object)) || kindFromName(name) === kind)
        return kind;
    }
    return undefined;
  }

  /**
   * The promise or observable whose value a callback's first parameter receives: `p.then(fn)`, `o.subscribe(fn)`,
   * `o.pipe(switchMap(fn))` when the operators before it pass the value through unchanged.
   */
  private emittedValue(fn: TSESTree.FunctionLike, index: number): Node | undefined {
    if (index !== 0) return undefined;
    for (const { call, position } of this.callbackUses(fn)) {
      if (position !== 0) continue;
      const callee = unwrap(call.callee);
      const method = memberName(callee);
      if (callee.type === 'MemberExpression' && (method === 'then' || method === 'subscribe')) return callee.object;
      if (callee.type !== 'Identifier' || !RX_VALUE_OPERATORS.has(callee.name)) continue;
      const pipe = call.parent;
      if (pipe?.type !== 'CallExpression' || memberName(pipe.callee) !== 'pipe') continue;
      const before = pipe.arguments.slice(0, pipe.arguments.indexOf(call));
      const passThrough = before.every((operator) => {
        const operatorCallee = operator.type === 'CallExpression' ? unwrap(operator.callee) : undefined;
        return operatorCallee?.type === 'Identifier' && RX_PASS_THROUGH_OPERATORS.has(operatorCallee.name);
      });
      if (passThrough) return (unwrap(pipe.callee) as TSESTree.MemberExpression).object;
    }
    return undefined;
  }

  /** The calls `fn` is handed to as an argument: inline, or by reference (`cb`, `this.cb`, `this.cb.bind(this)`). */
  private callbackUses(fn: TSESTree.FunctionLike): readonly CallbackUse[] {
    return this.uses.callbacks.get(fn) ?? [];
  }

  /**
   * Every invocation of a function the file shows: its call sites, and, for a callback handed to a function of this
   * file (`withToken(function (token) {...})`), that function's calls of the parameter it receives it in
   * (`done(authResult.idToken)`). `undefined` stands for an invocation the file cannot see: the receiving parameter
   * passed on or stored rather than called.
   */
  private invocationsOf(fn: TSESTree.FunctionLike): readonly (Invocation | undefined)[] {
    const invocations: (Invocation | undefined)[] = [...this.callSitesOf(fn)];
    for (const { call, position } of this.callbackUses(fn)) {
      const receiver = calledFunction(this.context, call.callee);
      if (!receiver || receiver === unwrap(call.callee)) continue;
      const parameter = receiver.params[position];
      const variable = parameter?.type === 'Identifier' ? this.context.variableOf(parameter) : undefined;
      if (!variable) {
        invocations.push(undefined);
        continue;
      }
      for (const reference of variable.references) {
        const use = reference.identifier.parent;
        invocations.push(use?.type === 'CallExpression' && use.callee === reference.identifier ? use : undefined);
      }
    }
    return invocations;
  }

  /** Calls of a function: by reference (`f(x)`, `obj.f(x)`) or, for a class method, `this.f(x)` in its class. */
  private callSitesOf(fn: TSESTree.FunctionLike): readonly Invocation[] {
    return this.uses.calls.get(fn) ?? [];
  }
}

/** Several places that each hold a login result: one result origin when every one of them is one, else none. */
function everyOrigin(origins: readonly (ResultOrigin | undefined)[]): ResultOrigin | undefined {
  if (origins.length === 0 || !origins.every((origin): origin is ResultOrigin => !!origin)) return undefined;
  return {
    issuer: origins.every((origin) => origin.issuer === origins[0]!.issuer) ? origins[0]!.issuer : undefined,
    carriesAccessToken: origins.every((origin) => origin.carriesAccessToken),
  };
}

/** A call of a function, or a `new` of a class (which calls its constructor). */
type Invocation = TSESTree.CallExpression | TSESTree.NewExpression;

/** The constructor of the class a `new` expression's callee names in this file (`class Api { constructor(token) }`). */
function constructorOf(context: FileContext, callee: Node): TSESTree.FunctionLike | undefined {
  const target = unwrap(callee);
  const binding = target.type === 'Identifier' ? context.binding(target) : undefined;
  const declared = binding?.kind === 'value' ? unwrap(binding.node) : undefined;
  if (declared?.type !== 'ClassDeclaration' && declared?.type !== 'ClassExpression') return undefined;
  const constructor = declared.body.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === 'MethodDefinition' && element.kind === 'constructor',
  );
  return constructor?.value;
}

/** The parameter a constructor parameter property (`constructor(private token: string)`) declares as `this.<name>`. */
function constructorParameterProperty(node: Node, name: string | undefined): TSESTree.Identifier | undefined {
  for (const element of enclosingClassBody(node)?.body ?? []) {
    if (element.type !== 'MethodDefinition' || element.kind !== 'constructor') continue;
    for (const param of element.value.params) {
      const declared = param.type === 'TSParameterProperty' ? param.parameter : undefined;
      if (declared?.type === 'Identifier' && declared.name === name) return declared;
    }
  }
  return undefined;
}

/** A call that receives a function as an argument, and the argument's position. */
interface CallbackUse {
  readonly call: TSESTree.CallExpression;
  readonly position: number;
}

/** Where the file's functions are called and handed over as callbacks, indexed once per file. */
interface FunctionUses {
  readonly calls: Map<TSESTree.FunctionLike, Invocation[]>;
  readonly callbacks: Map<TSESTree.FunctionLike, CallbackUse[]>;
}

const functionUsesByFile = new WeakMap<FileContext, FunctionUses>();

function functionUses(context: FileContext): FunctionUses {
  const cached = functionUsesByFile.get(context);
  if (cached) return cached;
  const uses: FunctionUses = { calls: new Map(), callbacks: new Map() };
  const add = <T>(map: Map<TSESTree.FunctionLike, T[]>, fn: TSESTree.FunctionLike, value: T): void => {
    map.set(fn, [...(map.get(fn) ?? []), value]);
  };
  // `new Service(token)` calls the class's constructor.
  for (const creation of context.news) {
    const constructor = constructorOf(context, creation.callee);
    if (constructor) add(uses.calls, constructor, creation);
  }
  for (const call of context.calls) {
    const called = calledFunction(context, call.callee);
    if (called && called !== unwrap(call.callee)) add(uses.calls, called, call);
    call.arguments.forEach((argument, position) => {
      const target = unwrap(argument);
      const handed = isFunction(target) ? target : functionArgument(context, target);
      if (handed) add(uses.callbacks, handed, { call, position });
    });
  }
  functionUsesByFile.set(context, uses);
  return uses;
}

/** A function passed by reference: `cb`, `this.cb`, `this.cb.bind(this)`. */
function functionArgument(context: FileContext, argument: Node): TSESTree.FunctionLike | undefined {
  const bound =
    argument.type === 'CallExpression' && memberName(argument.callee) === 'bind'
      ? unwrap((unwrap(argument.callee) as TSESTree.MemberExpression).object)
      : argument;
  return bound.type === 'Identifier' || bound.type === 'MemberExpression' ? calledFunction(context, bound) : undefined;
}

/** The token kind a positional result callback's parameter `index` receives. */
function positionalTokenKind(index: number): TokenKind | undefined {
  if (index === POSITIONAL_RESULT_CALLBACKS.idTokenArgument) return 'id-token';
  if (index === POSITIONAL_RESULT_CALLBACKS.accessTokenArgument) return 'access-token';
  return undefined;
}

/** Whether calls on an entity (`auth0-lock.Auth0Lock`) have positional result callbacks. */
function provesPositionalKinds(entity: string | undefined): boolean {
  return (
    entity !== undefined &&
    (POSITIONAL_RESULT_CALLBACKS.entities.includes(entity) ||
      POSITIONAL_RESULT_CALLBACKS.namespaces.some((namespace) => entity.startsWith(`${namespace}.`)))
  );
}

function propertyKind(name: string): TokenKind {
  if (ID_TOKEN_PROPERTIES.has(name)) return 'id-token';
  if (ACCESS_TOKEN_PROPERTIES.has(name)) return 'access-token';
  return 'unknown';
}

/**
 * Several possible values: a definite kind only when all agree; one proven ID token among unknowns needs review.
 * A switch edit at one of several sources would leave the others, so several values never offer one.
 */
function agree(results: readonly Provenance[]): Provenance {
  if (results.length <= 1) return results[0] ?? UNKNOWN;
  const all = results.map(withoutAlternative);
  const first = all[0]!;
  if (all.every((result) => result.kind === first.kind)) {
    return all.every((result) => result.certainty === 'proven') ? first : { ...first, certainty: 'needs-manual' };
  }
  const idToken = all.find((result) => result.kind === 'id-token');
  return idToken ? { ...idToken, certainty: 'needs-manual' } : UNKNOWN;
}

/** A switch edit is only exact when the token reaches the credential through plain data flow from one place. */
function withoutAlternative(provenance: Provenance): Provenance {
  if (!provenance.accessTokenAlternative) return provenance;
  const { accessTokenAlternative: _dropped, ...rest } = provenance;
  return rest;
}

/** The local name a destructuring pattern gives the access token next to the ID token `target` it binds. */
function siblingBinding(target: TSESTree.Identifier, context: FileContext, key: string): string | undefined {
  const variable = context.variableOf(target);
  const declared = variable?.defs[0]?.name;
  let pattern: Node | undefined = declared?.parent;
  while (pattern && pattern.type !== 'ObjectPattern') pattern = pattern.parent;
  if (pattern?.type !== 'ObjectPattern') return undefined;
  const siblingKey = ACCESS_TOKEN_SIBLING[key];
  for (const property of pattern.properties) {
    if (property.type !== 'Property' || propertyName(property.key, property.computed) !== siblingKey) continue;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    return value.type === 'Identifier' ? value.name : undefined;
  }
  return undefined;
}

function isShorthandValue(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === 'Property' && parent.shorthand && parent.value === node;
}

/**
 * The key to store the access token under: `id_token` -> `access_token`, `idToken` -> `accessToken`, `ID-TOKEN` ->
 * `ACCESS-TOKEN`, any other key -> `access_token`; `undefined` when the file already writes that key.
 */
export function accessTokenKey(idTokenKey: string, taken: (key: string) => boolean): string | undefined {
  const renamed = idTokenKey.replace(
    /id([_-]?)token/i,
    (match, separator: string) => `${match[0] === 'I' ? 'ACCESS' : 'access'}${separator}${match.slice(-5)}`,
  );
  const key = renamed !== idTokenKey ? renamed : 'access_token';
  return taken(key) ? undefined : key;
}

/** For `storage.setItem('id_token', r.idToken);` as a statement of its own: the parts to swap in a sibling write. */
function writeStatementSibling(value: Node, member: TSESTree.MemberExpression, idProperty: string) {
  const call = value.parent;
  const statement = call?.parent;
  if (
    call?.type !== 'CallExpression' ||
    statement?.type !== 'ExpressionStatement' ||
    call.arguments[1] !== value ||
    member.computed
  )
    return undefined;
  const keyNode = call.arguments[0]!;
  if (!isStringLiteral(keyNode)) return undefined;
  return {
    statement,
    keyNode,
    property: member.property,
    accessProperty: ACCESS_TOKEN_SIBLING[idProperty] ?? DEFAULT_ACCESS_TOKEN_PROPERTY,
  };
}

/** A token another module yields: its nodes belong to that module, so only its kind, certainty and login carry over. */
function fromOtherModule(provenance: Provenance, source: Node, description: string): Provenance {
  return {
    kind: provenance.kind,
    certainty: provenance.certainty,
    issuer: provenance.issuer,
    fromLogin: provenance.fromLogin,
    source,
    description,
  };
}

/** Whether a callee, as written, names the function `name` or a member `name` (`useState`, `React.useState`). */
function isCallOf(callee: string, name: string): boolean {
  return callee === name || callee.endsWith(`.${name}`);
}

function inAsyncFunction(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current.async;
  return false;
}
