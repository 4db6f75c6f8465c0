import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { FileContext, flattenString, type Flattening, type ScopeManagerLike } from '../../src/analysis/file-context';
import type { Node } from '../../src/analysis/types';

function lastInit(code: string): { context: FileContext; value: Node } {
  const program = parse(code, { range: true, loc: true }) as TSESTree.Program;
  const context = new FileContext(
    program,
    code,
    analyze(program, { sourceType: 'module' }) as unknown as ScopeManagerLike,
  );
  const declaration = program.body.at(-1) as TSESTree.VariableDeclaration;
  return { context, value: declaration.declarations[0]!.init! };
}

/** Literal texts as `"text"`, template expressions as `${source}`, other operands as `<source>`. */
function pieces(code: string, maxDepth?: number): string[] {
  const { context, value } = lastInit(code);
  const flattening: Flattening<string> = {
    text: (text) => JSON.stringify(text),
    templateExpression: (expression) => [`\${${context.source(expression)}}`],
    other: (node) => [`<${context.source(node)}>`],
    maxDepth,
  };
  return flattenString(value, flattening);
}

describe('flattenString: how a string is written', () => {
  it('literals, template quasis and `+` operands, in order', () => {
    expect(pieces("const url = 'https://' + domain + `/api/v2/users/${id}` + 3;")).toEqual([
      '"https://"',
      '<domain>',
      '"/api/v2/users/"',
      '${id}',
      '""',
      '<3>',
    ]);
  });
  it('hands everything past maxDepth to `other`', () => {
    expect(pieces("const url = 'a' + b + 'c';", 1)).toEqual(["<'a'>", '<b>', '"c"']);
    expect(pieces("const url = ('a' + b) + 'c';", 0)).toEqual(["<'a' + b>", "<'c'>"]);
  });
});

describe('FileContext.stringParts over it: values, merged', () => {
  it('evaluates names, numbers and concat into text, keeping what it cannot prove as holes', () => {
    const { context, value } = lastInit(
      "const host = 'acme.auth0.com'; const url = `https://${host}/api/v` + 2 + '/users/'.concat(id);",
    );
    expect(context.stringParts(value)).toEqual([
      { text: 'https://acme.auth0.com/api/v2/users/' },
      { hole: expect.objectContaining({ type: 'Identifier', name: 'id' }) },
    ]);
  });
});
