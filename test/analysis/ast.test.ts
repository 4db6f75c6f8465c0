import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { enclosingClassBody, walk } from '../../src/analysis/ast';
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
