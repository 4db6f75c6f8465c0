import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { enclosingClassBody, isFunction, returnedValues, walk } from '../../src/analysis/ast';
import type { Node } from '../../src/analysis/types';

/** Parses `code` (parents set) and returns the first node of a type. */
function first(code: string, type: string): Node {
  const program = parse(code, { range: true }) as TSESTree.Program;
  let found: Node | undefined;
  walk(program, (node) => {
    if (!found && node.type === type) found = node;
  });
  if (!found) throw new Error(`no ${type} in the fixture`);
  return found;
}

describe('enclosingClassBody', () => {
  it('is the innermost class around a node, through methods and arrows', () => {
    const member = first('class Outer { run() { class Inner { go = () => this.x; } } }', 'MemberExpression');
    const body = enclosingClassBody(member);
    expect(body?.parent.type).toBe('ClassDeclaration');
    expect((body?.parent as TSESTree.ClassDeclaration).id?.name).toBe('Inner');
  });

  it('is undefined outside any class, and a class is not inside its own body', () => {
    expect(enclosingClassBody(first('function f() { return this.x; }', 'MemberExpression'))).toBeUndefined();
    expect(enclosingClassBody(first('class A {}', 'ClassDeclaration'))).toBeUndefined();
  });
});

describe('returnedValues', () => {
  const returned = (code: string, options?: Parameters<typeof returnedValues>[1]): string[] => {
    const program = parse(code, { range: true }) as TSESTree.Program;
    let fn: Node | undefined;
    walk(program, (node) => {
      if (!fn && isFunction(node)) fn = node;
    });
    if (!fn || !isFunction(fn)) throw new Error('no function in the fixture');
    return returnedValues(fn, options).map((node) => code.slice(node.range[0], node.range[1]));
  };
  const guarded = 'function get() { if (!ready) { return null; } const inner = () => other; return store.token; }';

  it("an arrow's expression body", () => expect(returned('const f = () => token;')).toEqual(['token']));
  it('returns at any depth that hold a value, not those of nested functions', () =>
    expect(returned(guarded)).toEqual(['store.token']));
  it('only returns written directly in the body, with `nested: false`', () =>
    expect(returned('function get() { if (a) { return b; } return c; }', { nested: false })).toEqual(['c']));
  it('`return null` too, with `valuesOnly: false`', () =>
    expect(returned(guarded, { valuesOnly: false })).toEqual(['null', 'store.token']));
});
