/**
 * Which Auth0 SDK entity an expression denotes (`auth0-js.WebAuth`, `auth0-lock.Auth0Lock`, ...), through globals,
 * default/named/namespace imports, `require`, destructuring and aliases; and stable keys for client variables.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isStringLiteral, propertyName, unwrap } from './ast';
import type { FileContext } from './file-context';
import type { Node } from './types';

/** Module specifier -> canonical namespace. */
const MODULES: Record<string, string> = {
  'auth0-js': 'auth0-js',
  'auth0-js/dist/auth0.min.esm': 'auth0-js',
  'auth0-lock': 'auth0-lock',
  'auth0-lock-passwordless': 'auth0-lock-passwordless',
  '@auth0/auth0-spa-js': 'auth0-spa-js',
  '@auth0/auth0-react': 'auth0-react',
  '@auth0/auth0-angular': 'auth0-angular',
  '@auth0/auth0-vue': 'auth0-vue',
  auth0: 'auth0',
  'auth0/legacy': 'auth0',
  'angular-auth0': 'angular-auth0',
  'angular-lock': 'angular-lock',
};

/** What a module's default export (or `module.exports`) is, when it is not a namespace of named exports. */
const DEFAULT_EXPORTS: Record<string, string> = {
  'auth0-lock': 'auth0-lock.Auth0Lock',
  'auth0-lock-passwordless': 'auth0-lock.Auth0LockPasswordless',
  'auth0-spa-js': 'auth0-spa-js.createAuth0Client',
};

/** Browser globals the CDN builds define. */
const GLOBALS: Record<string, string> = {
  auth0: 'auth0-js',
  Auth0: 'auth0-js-v7.Auth0',
  Auth0Lock: 'auth0-lock.Auth0Lock',
  Auth0LockPasswordless: 'auth0-lock.Auth0LockPasswordless',
  createAuth0Client: 'auth0-spa-js.createAuth0Client',
};

/** Names in the `auth0` CDN global that belong to spa-js rather than auth0.js. */
const SPA_JS_GLOBAL_MEMBERS = new Set(['createAuth0Client', 'Auth0Client']);

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
      default:
        return undefined;
    }
  }
  if (target.type === 'MemberExpression') {
    const name = propertyName(target.property, target.computed);
    const object = sdkEntity(context, target.object, depth + 1);
    return object && name !== undefined ? member(object, name) : undefined;
  }
  if (target.type === 'CallExpression' && isRequireCall(target)) {
    const namespace = moduleNamespace(String((target.arguments[0] as TSESTree.StringLiteral).value));
    return namespace ? (DEFAULT_EXPORTS[namespace] ?? namespace) : undefined;
  }
  if (target.type === 'AwaitExpression' || target.type === 'ImportExpression') {
    return target.type === 'ImportExpression' && isStringLiteral(target.source) ? moduleNamespace(target.source.value) : undefined;
  }
  return undefined;
}

function member(object: string, name: string): string {
  if (name === 'default') return object;
  if (object === 'auth0-js' && SPA_JS_GLOBAL_MEMBERS.has(name)) return `auth0-spa-js.${name}`;
  // `require('auth0-lock').default` and `Auth0Lock.Auth0LockPasswordless`-style re-exports collapse to the entity.
  if (object.startsWith('auth0-lock.') && name.startsWith('Auth0Lock')) return `auth0-lock.${name}`;
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
      if (def.type === 'Parameter') return `param:${target.name}`;
      return `var:${declaration.range[0]}`;
    }
    return `global:${target.name}`;
  }
  if (target.type === 'MemberExpression' && target.object.type === 'ThisExpression') {
    const name = propertyName(target.property, target.computed);
    const owner = enclosingClass(target);
    return name !== undefined ? `this:${owner?.range[0] ?? 'fn'}:${name}` : undefined;
  }
  if (target.type === 'MemberExpression') {
    const name = propertyName(target.property, target.computed);
    const object = holderKey(context, target.object);
    return name !== undefined && object ? `${object}.${name}` : undefined;
  }
  return undefined;
}

/** The key of the place a newly created value is stored in: `const x = new ...`, `this.x = new ...`, class fields. */
export function storedAt(context: FileContext, value: Node): string | undefined {
  let node: Node = value;
  while (node.parent && (node.parent.type === 'AwaitExpression' || node.parent.type === 'TSAsExpression' || node.parent.type === 'TSNonNullExpression')) node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') return `var:${parent.id.range[0]}`;
  if (parent.type === 'AssignmentExpression' && parent.right === node) return holderKey(context, parent.left);
  if (parent.type === 'PropertyDefinition' && parent.value === node) {
    const name = propertyName(parent.key, parent.computed);
    const owner = enclosingClass(parent);
    return name !== undefined ? `this:${owner?.range[0] ?? 'fn'}:${name}` : undefined;
  }
  return undefined;
}

function enclosingClass(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ClassBody') return current.parent;
  }
  return undefined;
}
