import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { FileContext, type ScopeManagerLike } from '../../src/analysis/file-context';
import { backendOnlyBodyReason, bodyObject } from '../../src/analysis/request-bodies';

/** Parses `code` and returns its context and the initialiser of the last `const body = ...`. */
function read(code: string): { context: FileContext; body: TSESTree.Expression } {
  const program = parse(code, { range: true, loc: true }) as TSESTree.Program;
  const context = new FileContext(
    program,
    code,
    analyze(program, { sourceType: 'module' }) as unknown as ScopeManagerLike,
  );
  const body = program.body
    .flatMap((statement) => (statement.type === 'VariableDeclaration' ? statement.declarations : []))
    .filter((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === 'body')
    .at(-1)?.init;
  if (!body) throw new Error('no `const body = ...` in the fixture');
  return { context, body };
}

function keysSent(code: string): string[] | undefined {
  const { context, body } = read(code);
  return bodyObject(context, body)?.properties.map((property) =>
    property.type === 'Property' && property.key.type === 'Identifier' ? property.key.name : '...',
  );
}

describe('bodyObject: the object a request body sends', () => {
  it.each([
    ['an object literal', 'const body = { a: 1 };', ['a']],
    ['JSON.stringify', 'const body = JSON.stringify({ a: 1 });', ['a']],
    ['a form body', 'const body = new URLSearchParams({ grant_type: "password" });', ['grant_type']],
    [
      'a variable holding the string',
      'const data = { a: 1 }; const json = JSON.stringify(data); const body = json;',
      ['a'],
    ],
    ['an object with a spread (the caller decides)', 'const body = { ...rest, a: 1 };', ['...', 'a']],
  ])('%s', (_, code, keys) => expect(keysSent(code)).toEqual(keys));

  it.each([
    ['a string', "const body = 'a=1';"],
    ['an unknown call', 'const body = build({ a: 1 });'],
    ['a value the file does not show', 'const body = payload;'],
  ])('not %s', (_, code) => expect(keysSent(code)).toBeUndefined());
});

describe('backendOnlyBodyReason: what a PATCH body changes', () => {
  const reason = (code: string) => {
    const { context, body } = read(code);
    return backendOnlyBodyReason(context, body);
  };
  it('names root attributes, in a JSON or a form body', () => {
    expect(reason('const body = JSON.stringify({ email: "a@b.c", user_metadata: {} });')).toContain('`email`');
    expect(reason('const body = new URLSearchParams({ app_metadata: "x" });')).toContain('`app_metadata`');
  });
  it('says nothing for user_metadata alone or a body with a spread', () => {
    expect(reason('const body = JSON.stringify({ user_metadata: {} });')).toBeUndefined();
    expect(reason('const body = JSON.stringify({ ...changes, user_metadata: {} });')).toBeUndefined();
  });
});
