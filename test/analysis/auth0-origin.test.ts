import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { FileContext, type ScopeManagerLike } from '../../src/analysis/file-context';
import { Auth0Hosts } from '../../src/analysis/management-urls';

/** Whether the value of the last `const origin = ...` is an Auth0 origin, with `AUTH0_DOMAIN`-style names known. */
function isOrigin(code: string): boolean {
  const program = parse(code, { range: true, loc: true }) as TSESTree.Program;
  const context = new FileContext(
    program,
    code,
    analyze(program, { sourceType: 'module' }) as unknown as ScopeManagerLike,
  );
  const declaration = program.body.at(-1) as TSESTree.VariableDeclaration;
  return new Auth0Hosts(context).isAuth0Origin(context.stringParts(declaration.declarations[0]!.init!));
}

describe('Auth0Hosts.isAuth0Origin: the parts before an Auth0 path', () => {
  it.each([
    ["const origin = 'https://acme.auth0.com';"],
    ["const origin = '//acme.eu.auth0.com';"],
    ["const origin = 'acme.auth0.com';"],
    ['const origin = `https://${tenant}.auth0.com`;'],
    ["const origin = 'https://' + AUTH0_DOMAIN;"],
  ])('%s is one', (code) => expect(isOrigin(code)).toBe(true));

  it.each([
    ["const origin = 'https://acme.auth0.com/app';"],
    ["const origin = 'https://app.example.com';"],
    ["const origin = 'https://app.example.com?next=acme.auth0.com';"],
    ['const origin = `https://${tenant}.example.com`;'],
    ["const origin = '';"],
  ])('%s is not', (code) => expect(isOrigin(code)).toBe(false));
});
