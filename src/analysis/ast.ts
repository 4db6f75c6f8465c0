/** Parser-agnostic ESTree helpers: the recogniser only relies on standard ESTree plus TS/JSX wrapper nodes. */
import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Node } from './types';

const SKIPPED_KEYS = new Set([
  'parent',
  'loc',
  'range',
  'tokens',
  'comments',
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
]);
/** The keys that hold child nodes, by node type: typescript-eslint's, less the type annotations the recogniser skips. */
const CHILD_KEYS = new Map(
  Object.entries(visitorKeys).map(([type, keys]) => [type, (keys ?? []).filter((key) => !SKIPPED_KEYS.has(key))]),
);

/** Visits every node once, depth first, and sets `parent` where the parser did not (typescript-estree's `parse`). */
export function walk(root: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    // Node types only another parser knows (Flow's, say) have their keys read from the node itself.
    for (const key of CHILD_KEYS.get(node.type) ?? Object.keys(node).filter((own) => !SKIPPED_KEYS.has(own))) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) pushChild(stack, value[i], node);
      } else {
        pushChild(stack, value, node);
      }
    }
  }
}

function pushChild(stack: Node[], value: unknown, parent: Node): void {
  if (value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
    const child = value as Node & { parent?: Node };
    if (child.parent === undefined) (child as { parent?: Node }).parent = parent;
    stack.push(child);
  }
}

/** Strips `(x as T)`, `x!`, `x satisfies T`, `<T>x`, `a?.b` wrappers and parentheses nodes some parsers keep. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        if (
          (current.type as string) === 'ParenthesizedExpression' ||
          (current.type as string) === 'TypeCastExpression'
        ) {
          current = (current as unknown as { expression: Node }).expression;
          break;
        }
        return current;
    }
  }
}

/** The static name of a property key or member property: `a.b`, `a['b']`, `{ b: 1 }`, `{ 'b': 1 }`. */
export function propertyName(key: Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]!.value.cooked ?? undefined;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  return undefined;
}

export function memberName(node: Node): string | undefined {
  const target = unwrap(node);
  if (target.type !== 'MemberExpression') return undefined;
  return propertyName(target.property, target.computed);
}

/** Finds `key` among an object literal's own properties (the last one wins, as at runtime). */
export function findProperty(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const property of object.properties) {
    if (property.type === 'Property' && propertyName(property.key, property.computed) === key) found = property;
  }
  return found;
}

export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === 'SpreadElement');
}

export function isStringLiteral(node: Node): node is TSESTree.StringLiteral {
  return node.type === 'Literal' && typeof node.value === 'string';
}

/** The callee path of a call as dotted names, `this.auth.webAuth.parseHash` -> ['this','auth','webAuth','parseHash']. */
export function calleePath(node: Node): string[] | undefined {
  const target = unwrap(node);
  if (target.type === 'Identifier') return [target.name];
  if (target.type === 'ThisExpression') return ['this'];
  if (target.type === 'MemberExpression') {
    const name = propertyName(target.property, target.computed);
    const object = calleePath(target.object);
    return name !== undefined && object ? [...object, name] : undefined;
  }
  return undefined;
}

export function isFunction(
  node: Node,
): node is TSESTree.FunctionLike &
  (TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression) {
  return (
    node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression'
  );
}

/** Innermost enclosing node matching `test`. */
export function ancestor<T extends Node>(node: Node, test: (candidate: Node) => candidate is T): T | undefined {
  for (let current = node.parent; current; current = current.parent) if (test(current)) return current;
  return undefined;
}

/** The body of the innermost class around a node: the fields, constructor and methods `this.x` can mean. */
export function enclosingClassBody(node: Node): TSESTree.ClassBody | undefined {
  return ancestor(node, (candidate): candidate is TSESTree.ClassBody => candidate.type === 'ClassBody');
}

/**
 * A lookup table keyed by names taken from code: no prototype, so `hasOwnProperty` or `constructor` in a user's file
 * never finds an inherited function.
 */
export function nameTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** Assertion chains of test libraries: `expect(x).toBe(…)`, `expect(x).to.equal(…)`, `assert.equal(…)`, `x.should.eql(…)`. */
const ASSERTION_ROOTS = new Set(['expect', 'assert', 'chai', 'should', 'sinon']);

/** Whether a value is an argument of an assertion (`expect(url).to.be('https://…/oauth/ro')`): compared, never sent. */
export function inAssertion(node: Node): boolean {
  for (let current = node.parent; current && !isFunction(current); current = current.parent) {
    if (current.type !== 'CallExpression') continue;
    let callee: Node = current.callee;
    while (callee.type === 'MemberExpression' || callee.type === 'CallExpression') {
      if (callee.type === 'MemberExpression' && propertyName(callee.property, callee.computed) === 'should')
        return true;
      callee = callee.type === 'MemberExpression' ? callee.object : callee.callee;
    }
    if (callee.type === 'Identifier' && ASSERTION_ROOTS.has(callee.name)) return true;
  }
  return false;
}

/**
 * What a function returns: an arrow's expression body, or the arguments of its `return` statements (not those of
 * nested functions or classes). By default only returns that hold a value (`return null` on a failure path yields no
 * token of any kind) and at any depth; a caller that reads one plain shape (a getter that is `return x`) narrows it
 * with `nested: false` (returns written directly in the body) and `valuesOnly: false` (`return null` counts too).
 */
export function returnedValues(fn: TSESTree.FunctionLike, { nested = true, valuesOnly = true } = {}): Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const values: Node[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'ReturnStatement') {
      if (node.argument && (!valuesOnly || holdsValue(node.argument))) values.push(node.argument);
      return;
    }
    if (!nested || isFunction(node) || node.type === 'ClassBody') return;
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

/** `null`, `undefined`, `''` and `false` clear a holder (logout) or end a failure path; they hold no value. */
export function holdsValue(node: Node): boolean {
  const target = unwrap(node);
  if (target.type === 'Literal') return target.value !== null && target.value !== '' && target.value !== false;
  return !(target.type === 'Identifier' && target.name === 'undefined');
}
