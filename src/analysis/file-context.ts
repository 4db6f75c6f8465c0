/**
 * One file's view for the recogniser: its nodes by kind (one traversal), name resolution through the scope
 * manager the parser produced, and static evaluation of the strings and values code builds.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findProperty, holdsValue, isFunction, isStringLiteral, propertyName, unwrap, walk } from './ast';
import type { Node } from './types';

/** The part of eslint-scope / @typescript-eslint/scope-manager the recogniser uses (both implement it). */
export interface ScopeManagerLike {
  readonly scopes: readonly ScopeLike[];
}
interface ScopeLike {
  readonly references: readonly ReferenceLike[];
  readonly variables: readonly VariableLike[];
}
export interface ReferenceLike {
  readonly identifier: Node;
  readonly resolved: VariableLike | null;
  isWrite(): boolean;
  readonly writeExpr?: Node | null;
  readonly init?: boolean;
}
export interface VariableLike {
  readonly name: string;
  readonly defs: readonly {
    readonly type: string;
    readonly name: Node;
    readonly node: Node;
    readonly parent?: Node | null;
  }[];
  readonly references: readonly ReferenceLike[];
}

/** Where a binding's value comes from. */
export type Binding =
  | { kind: 'global'; name: string }
  | { kind: 'import'; source: string; imported: string | 'default' | '*' }
  | { kind: 'value'; node: Node }
  /** A property taken by destructuring: `const { idToken } = result` -> object `result`, key `idToken`. */
  | { kind: 'property'; object: Node | undefined; key: string }
  | { kind: 'parameter'; fn: TSESTree.FunctionLike; index: number; name: string }
  | { kind: 'unknown'; name: string };

/** A statically evaluated string: literal text and the expressions it could not evaluate, in order. */
export type StringPart = { readonly text: string } | { readonly hole: Node };

const MAX_DEPTH = 8;

export class FileContext {
  readonly calls: TSESTree.CallExpression[] = [];
  readonly news: TSESTree.NewExpression[] = [];
  readonly jsxElements: TSESTree.JSXOpeningElement[] = [];
  readonly assignments: TSESTree.AssignmentExpression[] = [];
  readonly strings: (TSESTree.StringLiteral | TSESTree.TemplateLiteral)[] = [];
  readonly imports: TSESTree.ImportDeclaration[] = [];
  /** Properties of object literals and patterns. */
  readonly properties: TSESTree.Property[] = [];
  readonly metaProperties: TSESTree.MetaProperty[] = [];
  private readonly references = new Map<Node, ReferenceLike>();
  private readonly declarations = new Map<Node, VariableLike>();
  /** Names the file uses without declaring them (browser and Node globals, CDN SDK globals). */
  readonly globals = new Set<string>();
  private readonly globalIdentifiers = new Map<string, Node[]>();

  constructor(
    readonly program: TSESTree.Program,
    readonly text: string,
    scopeManager: ScopeManagerLike | null,
  ) {
    walk(program, (node) => {
      switch (node.type) {
        case 'CallExpression':
          this.calls.push(node);
          break;
        case 'NewExpression':
          this.news.push(node);
          break;
        case 'JSXOpeningElement':
          this.jsxElements.push(node);
          break;
        case 'AssignmentExpression':
          this.assignments.push(node);
          break;
        case 'TemplateLiteral':
          this.strings.push(node);
          break;
        case 'ImportDeclaration':
          this.imports.push(node);
          break;
        case 'Property':
          this.properties.push(node);
          break;
        case 'MetaProperty':
          this.metaProperties.push(node);
          break;
        case 'Literal':
          if (typeof node.value === 'string') this.strings.push(node as TSESTree.StringLiteral);
          break;
        default:
          break;
      }
    });
    // In scripts, top-level `var`/function references stay unresolved (the global scope is dynamic): resolve
    // them by name against the file's own global-scope declarations.
    const globalScope = scopeManager?.scopes[0];
    const topLevel = new Map<string, VariableLike>();
    for (const variable of globalScope?.variables ?? [])
      if (variable.defs.length > 0) topLevel.set(variable.name, variable);
    for (const scope of scopeManager?.scopes ?? []) {
      for (const reference of scope.references) {
        const identifier = reference.identifier;
        const declared =
          !reference.resolved && identifier.type === 'Identifier' ? topLevel.get(identifier.name) : undefined;
        this.references.set(identifier, declared ? withResolved(reference, declared) : reference);
        if (!reference.resolved && !declared && identifier.type === 'Identifier') {
          this.globals.add(identifier.name);
          const references = this.globalIdentifiers.get(identifier.name);
          if (references) references.push(identifier);
          else this.globalIdentifiers.set(identifier.name, [identifier]);
        }
      }
      for (const variable of scope.variables)
        for (const def of variable.defs) this.declarations.set(def.name, variable);
    }
  }

  /** Where the file refers to a global by name. */
  globalReferences(name: string): readonly Node[] {
    return this.globalIdentifiers.get(name) ?? [];
  }

  /** The variable an identifier refers to, or `null` for globals and unresolved names. */
  variableOf(identifier: TSESTree.Identifier): VariableLike | null {
    return this.references.get(identifier)?.resolved ?? this.declarations.get(identifier) ?? null;
  }

  /** What an identifier is bound to, following `const`/never-reassigned `let`, imports, requires and destructuring. */
  binding(identifier: TSESTree.Identifier): Binding {
    const variable = this.variableOf(identifier);
    if (!variable)
      return this.references.has(identifier)
        ? { kind: 'global', name: identifier.name }
        : { kind: 'unknown', name: identifier.name };
    const def = variable.defs[0];
    if (!def || variable.defs.length > 1) return { kind: 'unknown', name: identifier.name };
    if (def.type === 'ImportBinding' && def.node.type === 'TSImportEqualsDeclaration') {
      // `import x = require('y')` is `const x = require('y')`; `import x = A.B` aliases a namespace member.
      const reference = def.node.moduleReference;
      if (reference.type === 'TSExternalModuleReference')
        return reference.expression.type === 'Literal'
          ? { kind: 'import', source: String(reference.expression.value), imported: 'default' }
          : { kind: 'unknown', name: identifier.name };
      return { kind: 'value', node: reference };
    }
    if (def.type === 'ImportBinding') {
      const declaration = def.parent as TSESTree.ImportDeclaration;
      const specifier = def.node;
      const source = String(declaration.source.value);
      if (specifier.type === 'ImportDefaultSpecifier') return { kind: 'import', source, imported: 'default' };
      if (specifier.type === 'ImportNamespaceSpecifier') return { kind: 'import', source, imported: '*' };
      if (specifier.type === 'ImportSpecifier') {
        const imported =
          specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
        return { kind: 'import', source, imported: imported === 'default' ? 'default' : imported };
      }
      return { kind: 'unknown', name: identifier.name };
    }
    if (def.type === 'Parameter') {
      const fn = def.node as TSESTree.FunctionLike;
      const index = fn.params.findIndex((param) => containsNode(param, def.name));
      const param = fn.params[index];
      if (param && param.type !== 'Identifier' && param.type !== 'AssignmentPattern') {
        const key = patternKey(param, def.name);
        if (key !== undefined) return { kind: 'property', object: undefined, key };
      }
      return { kind: 'parameter', fn, index, name: identifier.name };
    }
    if (def.type === 'FunctionName' || def.type === 'ClassName') return { kind: 'value', node: def.node };
    if (def.type === 'Variable') {
      const declarator = def.node as TSESTree.VariableDeclarator;
      const writes = variable.references.filter((reference) => reference.isWrite());
      const reassigned = writes.some((reference) => !reference.init);
      if (reassigned) return this.reassignedBinding(identifier, writes);
      if (!declarator.init) return { kind: 'unknown', name: identifier.name };
      if (declarator.id.type === 'Identifier') return { kind: 'value', node: declarator.init };
      const key = patternKey(declarator.id, def.name);
      return key === undefined
        ? { kind: 'unknown', name: identifier.name }
        : { kind: 'property', object: declarator.init, key };
    }
    return { kind: 'unknown', name: identifier.name };
  }

  /** A `let` written in several places: usable when one write gives it a value (the others only clear it). */
  private reassignedBinding(identifier: TSESTree.Identifier, writes: readonly ReferenceLike[]): Binding {
    const values = writes
      .map((write) => write.writeExpr)
      .filter((value): value is Node => !!value && holdsValue(value));
    if (values.length === 1) return { kind: 'value', node: values[0]! };
    return { kind: 'unknown', name: identifier.name };
  }

  /** Every expression assigned to an identifier's variable (init and later writes). */
  assignedValues(identifier: TSESTree.Identifier): Node[] {
    const variable = this.variableOf(identifier);
    if (!variable) return [];
    return variable.references
      .filter((reference) => reference.isWrite())
      .map((reference) => reference.writeExpr)
      .filter((value): value is Node => !!value);
  }

  /** Follows aliases to the expression that produces a value: `const a = b; const b = x` -> `x`. */
  resolve(node: Node, depth = 0): Node {
    const target = unwrap(node);
    if (depth > MAX_DEPTH) return target;
    if (target.type === 'Identifier') {
      const binding = this.binding(target);
      if (binding.kind === 'value' && !isFunction(binding.node) && binding.node.type !== 'ClassDeclaration')
        return this.resolve(binding.node, depth + 1);
      return target;
    }
    if (target.type === 'MemberExpression') {
      const key = propertyName(target.property, target.computed);
      const object = this.resolve(target.object, depth + 1);
      if (key !== undefined && object.type === 'ObjectExpression') {
        const property = findProperty(object, key);
        if (property) return this.resolve(property.value, depth + 1);
      }
    }
    return target;
  }

  /** The object literal an expression evaluates to, if the code proves it. */
  objectLiteral(node: Node): TSESTree.ObjectExpression | undefined {
    const resolved = this.resolve(node);
    return resolved.type === 'ObjectExpression' ? resolved : undefined;
  }

  /** The function an expression refers to (`function f`, `const f = () => ...`, a method of an object literal). */
  functionOf(node: Node): TSESTree.FunctionLike | undefined {
    const target = unwrap(node);
    if (isFunction(target)) return target;
    if (target.type === 'Identifier') {
      const binding = this.binding(target);
      if (binding.kind === 'value') return isFunction(binding.node) ? binding.node : this.functionOf(binding.node);
      return undefined;
    }
    const resolved = this.resolve(target);
    return resolved !== target && isFunction(resolved) ? resolved : undefined;
  }

  /** Evaluates string building (`+`, template literals, `.concat`, consts, object constants) into parts. */
  stringParts(node: Node, depth = 0): StringPart[] {
    return mergeText(flattenString(node, this.valueParts, depth));
  }

  /** Literal texts as they are; `${…}` and other operands evaluated in turn. */
  private readonly valueParts: Flattening<StringPart> = {
    text: (text) => ({ text }),
    templateExpression: (expression, depth) => this.stringParts(expression, depth),
    other: (target, depth) => this.computedParts(target, depth),
    maxDepth: MAX_DEPTH,
  };

  /** The parts of what `flattenString` leaves: numbers, `.concat(...)`, and names that resolve to strings. */
  private computedParts(target: Node, depth: number): StringPart[] {
    if (depth > MAX_DEPTH) return [{ hole: target }];
    if (target.type === 'Literal')
      return typeof target.value === 'number' ? [{ text: String(target.value) }] : [{ hole: target }];
    if (
      target.type === 'CallExpression' &&
      target.callee.type === 'MemberExpression' &&
      propertyName(target.callee.property, target.callee.computed) === 'concat'
    ) {
      return mergeText([
        ...this.stringParts(target.callee.object, depth + 1),
        ...target.arguments.flatMap((argument) => this.stringParts(argument, depth + 1)),
      ]);
    }
    if (target.type === 'Identifier' || target.type === 'MemberExpression') {
      const resolved = this.resolve(target, depth + 1);
      if (resolved !== target) return this.stringParts(resolved, depth + 1);
    }
    return [{ hole: target }];
  }

  /** The string an expression always evaluates to, or `undefined`. */
  staticString(node: Node): string | undefined {
    const parts = this.stringParts(node);
    return parts.every((part) => 'text' in part)
      ? parts.map((part) => (part as { text: string }).text).join('')
      : undefined;
  }

  /** Source text of a node. */
  source(node: Node): string {
    return this.text.slice(node.range[0], node.range[1]);
  }
}

function withResolved(reference: ReferenceLike, resolved: VariableLike): ReferenceLike {
  return {
    identifier: reference.identifier,
    resolved,
    isWrite: () => reference.isWrite(),
    writeExpr: reference.writeExpr,
    init: reference.init,
  };
}

/** What `flattenString` makes of each piece of a string expression, and how deep it walks. */
export interface Flattening<Part> {
  /** The text of a string literal, or of quasi `index` of a template literal. */
  readonly text: (text: string, literal: TSESTree.StringLiteral | TSESTree.TemplateLiteral, index: number) => Part;
  /** An expression in a template literal's `${…}`, one level deeper. */
  readonly templateExpression: (expression: Node, depth: number) => Part[];
  /** Any other operand (unwrapped): a name, a call, a number, or anything past `maxDepth`. */
  readonly other: (node: Node, depth: number) => Part[];
  /** Past this depth (counted in `+` and `${…}` levels) every piece goes to `other`. */
  readonly maxDepth?: number;
}

/**
 * Flattens how a string is written — string literals, template literals, `+` — into the caller's parts, in order:
 * the one walk behind `FileContext.stringParts` (values) and the recognisers that edit literals in place.
 */
export function flattenString<Part>(node: Node, flattening: Flattening<Part>, depth = 0): Part[] {
  const target = unwrap(node);
  if (depth > (flattening.maxDepth ?? Infinity)) return flattening.other(target, depth);
  if (isStringLiteral(target)) return [flattening.text(target.value, target, 0)];
  if (target.type === 'TemplateLiteral') {
    return target.quasis.flatMap((quasi, index) => {
      const expression = target.expressions[index];
      const text = flattening.text(quasi.value.cooked ?? quasi.value.raw, target, index);
      return expression ? [text, ...flattening.templateExpression(expression, depth + 1)] : [text];
    });
  }
  if (target.type === 'BinaryExpression' && target.operator === '+') {
    return [
      ...flattenString(target.left, flattening, depth + 1),
      ...flattenString(target.right, flattening, depth + 1),
    ];
  }
  return flattening.other(target, depth);
}

/** Joins adjacent literal-text parts. */
export function mergeText<Part extends object>(
  parts: readonly (Part | { readonly text: string })[],
): (Part | { readonly text: string })[] {
  const merged: (Part | { readonly text: string })[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ('text' in part && last && 'text' in last) merged[merged.length - 1] = { text: last.text + part.text };
    else merged.push(part);
  }
  return merged;
}

function containsNode(root: Node, target: Node): boolean {
  return root.range[0] <= target.range[0] && target.range[1] <= root.range[1];
}

/** The property key under which `name` is bound in a (possibly nested) destructuring pattern: the innermost key. */
function patternKey(pattern: Node, name: Node): string | undefined {
  if (pattern.type === 'AssignmentPattern') return patternKey(pattern.left, name);
  if (pattern.type !== 'ObjectPattern') return undefined;
  for (const property of pattern.properties) {
    if (property.type !== 'Property' || !containsNode(property, name)) continue;
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (value === name) return propertyName(property.key, property.computed);
    return patternKey(value, name);
  }
  return undefined;
}
