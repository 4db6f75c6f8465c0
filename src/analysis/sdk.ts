/**
 * Which Auth0 SDK entity an expression denotes (`auth0-js.WebAuth`, `auth0-lock.Auth0Lock`, ...), through globals,
 * default/named/namespace imports, `require`, destructuring and aliases; and stable keys for client variables.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingClassBody, isFunction, isStringLiteral, propertyName, unwrap, nameTable } from './ast';
import {
  BORROWED_MEMBERS,
  FACTORY_ENTITIES,
  SDK_DEFAULT_EXPORTS,
  SDK_GLOBALS,
  SDK_MODULES,
  SELF_NAMED_MEMBERS,
} from '../catalog/sdk-entities';
import type { FileContext } from './file-context';
import type { Node } from './types';

// Looked up by names from the code: tables without a prototype, where `constructor` names nothing.
const MODULES = nameTable(SDK_MODULES);
const DEFAULT_EXPORTS = nameTable(SDK_DEFAULT_EXPORTS);
const GLOBALS = nameTable(SDK_GLOBALS);
const FACTORIES = new Set(FACTORY_ENTITIES);

export function moduleNamespace(source: string): string | undefined {
  return MODULES[source];
}

/** The SDK entity an expression denotes, e.g. `auth0-js.WebAuth`; `undefined` when it is not an Auth0 SDK value. */
export function sdkEntity(context: FileContext, node: Node, depth = 0): string | undefined {
  const target = unwrap(node);
  if (depth > 6) return undefined;
  if (target.type === 'Identifier') {
    const binding = context.binding(target);
    switch (binding.kind) {
      case 'global':
        return GLOBALS[binding.name];
      case 'import': {
        const namespace = moduleNamespace(binding.source);
        if (!namespace) return undefined;
        if (binding.imported === '*') return namespace;
        if (binding.imported === 'default') return DEFAULT_EXPORTS[namespace] ?? namespace;
        return `${namespace}.${binding.imported}`;
      }
      case 'value':
        return sdkEntity(context, binding.node, depth + 1);
      case 'property': {
        const object = binding.object && sdkEntity(context, binding.object, depth + 1);
        return object ? member(object, binding.key) : undefined;
      }
      case 'unknown':
        // `declare var X: any;` only tells TypeScript that the global exists: it is the global.
        return isAmbientDeclaration(context, target) ? GLOBALS[target.name] : undefined;
      default:
        return undefined;
    }
  }
  if (target.type === 'MemberExpression') {
    const name = propertyName(target.property, target.computed);
    const object = sdkEntity(context, target.object, depth + 1);
    return object && name !== undefined ? member(object, name) : undefined;
  }
  // `import Management = auth0.Management`: a namespace member under another name.
  if (target.type === 'TSQualifiedName') {
    const object = sdkEntity(context, target.left, depth + 1);
    return object ? member(object, target.right.name) : undefined;
  }
  if (target.type === 'CallExpression' && isRequireCall(target)) {
    const namespace = moduleNamespace(String((target.arguments[0] as TSESTree.StringLiteral).value));
    return namespace ? (DEFAULT_EXPORTS[namespace] ?? namespace) : undefined;
  }
  if (target.type === 'AwaitExpression' || target.type === 'ImportExpression') {
    return target.type === 'ImportExpression' && isStringLiteral(target.source)
      ? moduleNamespace(target.source.value)
      : undefined;
  }
  return undefined;
}

/** Whether the identifier names an ambient variable (`declare var x: T;`, no value), which stands for a global. */
function isAmbientDeclaration(context: FileContext, identifier: TSESTree.Identifier): boolean {
  const variable = context.variableOf(identifier);
  if (variable?.defs.length !== 1) return false;
  const def = variable.defs[0]!;
  const declaration = def.parent as Node | null | undefined;
  return (
    def.type === 'Variable' &&
    declaration?.type === 'VariableDeclaration' &&
    declaration.declare === true &&
    !(def.node as TSESTree.VariableDeclarator).init
  );
}

function member(object: string, name: string): string {
  if (name === 'default') return object;
  const borrowed = BORROWED_MEMBERS.find((entry) => entry.namespace === object && entry.names.includes(name));
  if (borrowed) return `${borrowed.owner}.${name}`;
  // Re-exports of a namespace's own entities under another of them collapse to the entity.
  const selfNamed = SELF_NAMED_MEMBERS.find(
    (entry) => object.startsWith(`${entry.namespace}.`) && entry.prefixes.some((prefix) => name.startsWith(prefix)),
  );
  if (selfNamed) return `${selfNamed.namespace}.${name}`;
  return `${object}.${name}`;
}

export function isRequireCall(node: Node): node is TSESTree.CallExpression {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    isStringLiteral(node.arguments[0]!)
  );
}

/**
 * A stable key for the place that holds a client or a token: a variable (by its declaration), a class member
 * (`this.webAuth` by class and name) or an injected AngularJS service name. `undefined` when there is no such place.
 */
export function holderKey(context: FileContext, node: Node): string | undefined {
  const target = unwrap(node);
  if (target.type === 'Identifier') {
    const variable = context.variableOf(target);
    const declaration = variable?.defs[0]?.name;
    if (declaration) {
      const def = variable!.defs[0]!;
      // A parameter of an injectable (AngularJS DI, Angular constructor) is keyed by its name across the file.
      if (def.type === 'Parameter') return parameterKey(target.name);
      return `var:${declaration.range[0]}`;
    }
    return `global:${target.name}`;
  }
  if (target.type === 'MemberExpression' && target.object.type === 'ThisExpression') {
    const name = propertyName(target.property, target.computed);
    const owner = enclosingClassBody(target)?.parent;
    return name !== undefined ? `this:${owner?.range[0] ?? 'fn'}:${name}` : undefined;
  }
  if (target.type === 'MemberExpression') {
    const name = propertyName(target.property, target.computed);
    const object = holderKey(context, target.object);
    return name !== undefined && object ? `${object}.${name}` : undefined;
  }
  return undefined;
}

/** The holder key of a parameter (an injected service) by its name. */
export function parameterKey(name: string): string {
  return `param:${name}`;
}

/**
 * The key of the place a newly created value is stored in: `const x = new ...`, `this.x = new ...`, class fields,
 * and class getters that return it (`get management() { return new ... }` is read as `this.management`).
 */
export function storedAt(context: FileContext, value: Node): string | undefined {
  let node: Node = value;
  while (
    node.parent &&
    (node.parent.type === 'AwaitExpression' ||
      node.parent.type === 'TSAsExpression' ||
      node.parent.type === 'TSNonNullExpression')
  )
    node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier')
    return `var:${parent.id.range[0]}`;
  if (parent.type === 'AssignmentExpression' && parent.right === node) return holderKey(context, parent.left);
  if (parent.type === 'PropertyDefinition' && parent.value === node) return classMemberKey(parent);
  const getter = returningFunction(node)?.parent;
  if (getter?.type === 'MethodDefinition' && getter.kind === 'get') return classMemberKey(getter);
  return undefined;
}

/** The function whose return value `node` is (`return node` or an arrow's expression body). */
export function returningFunction(node: Node): Node | undefined {
  const parent = node.parent;
  if (parent && isFunction(parent) && parent.body === node) return parent;
  if (parent?.type !== 'ReturnStatement') return undefined;
  for (let current: Node | undefined = parent.parent; current; current = current.parent)
    if (isFunction(current)) return current;
  return undefined;
}

function classMemberKey(member: TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  const name = propertyName(member.key, member.computed);
  return name !== undefined ? `this:${enclosingClassBody(member)?.parent.range[0] ?? 'fn'}:${name}` : undefined;
}

/**
 * The expression that created the instance an expression holds (`new X(...)`, or a v7 `Auth0(...)` call), through
 * aliases, class fields and getters; `undefined` when the file does not show it.
 */
export function creationOf(
  context: FileContext,
  node: Node,
): TSESTree.NewExpression | TSESTree.CallExpression | undefined {
  const target = context.resolve(node);
  if (target.type === 'NewExpression') return target;
  if (target.type === 'CallExpression' && FACTORIES.has(sdkEntity(context, target.callee) ?? '')) return target;
  const made = target.type === 'CallExpression' ? factoryCreation(context, target) : undefined;
  if (made) return made;
  const key = holderKey(context, target);
  return key === undefined ? undefined : creationsByHolder(context).get(key);
}

const creationsByFile = new WeakMap<FileContext, Map<string, TSESTree.NewExpression>>();

/** Each holder's `new X(...)`, indexed once per file (the first one stored there). */
function creationsByHolder(context: FileContext): Map<string, TSESTree.NewExpression> {
  let creations = creationsByFile.get(context);
  if (!creations) {
    creations = new Map();
    for (const node of context.news) {
      const key = storedAt(context, node);
      if (key !== undefined && !creations.has(key)) creations.set(key, node);
    }
    creationsByFile.set(context, creations);
  }
  return creations;
}

/** The SDK entity an instance was created from, e.g. `auth0-lock.Auth0Lock` for `this.lock` set to `new Auth0Lock(...)`. */
export function instanceEntity(context: FileContext, node: Node): string | undefined {
  const created = creationOf(context, node);
  return created && sdkEntity(context, created.callee);
}

const factoriesByFile = new WeakMap<FileContext, Map<Node, TSESTree.NewExpression>>();

/**
 * The file's own factories (`function newLock(options) { return new X(id, domain, options); }`): each function that
 * returns exactly one `new X(...)`, with that creation.
 */
export function localFactories(context: FileContext): ReadonlyMap<Node, TSESTree.NewExpression> {
  let factories = factoriesByFile.get(context);
  if (!factories) {
    factories = new Map();
    const ambiguous = new Set<Node>();
    for (const node of context.news) {
      const fn = returningFunction(node);
      if (!fn) continue;
      if (factories.has(fn)) ambiguous.add(fn);
      factories.set(fn, node);
    }
    for (const fn of ambiguous) factories.delete(fn);
    factoriesByFile.set(context, factories);
  }
  return factories;
}

/** The creation a call of one of the file's own factories returns. */
export function factoryCreation(
  context: FileContext,
  call: TSESTree.CallExpression,
): TSESTree.NewExpression | undefined {
  const fn = context.functionOf(call.callee);
  return fn && localFactories(context).get(fn);
}
