import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { FileContext, type ScopeManagerLike } from '../../src/analysis/file-context';
import { Auth0Hosts, managementUrl } from '../../src/analysis/management-urls';

/** The Management path of the last `const url = ...` of `code`, `undefined` when it is no Management URL. */
function pathOf(code: string, domains: readonly string[] = []): string | undefined | null {
  const program = parse(code, { range: true, loc: true, jsx: true }) as TSESTree.Program;
  const context = new FileContext(
    program,
    code,
    analyze(program, { sourceType: 'module' }) as unknown as ScopeManagerLike,
  );
  const hosts = new Auth0Hosts(context);
  const declarators = program.body
    .flatMap((statement) => (statement.type === 'VariableDeclaration' ? statement.declarations : []))
    .filter((declarator) => declarator.id.type === 'Identifier' && declarator.init);
  const named = (name: string) =>
    declarators.filter((declarator) => (declarator.id as TSESTree.Identifier).name === name).at(-1)?.init ?? undefined;
  for (const domain of domains) hosts.addDomain(named(domain)!);
  const result = managementUrl(context, hosts, named('url')!);
  return result ? (result.path ?? null) : undefined;
}

describe('Auth0 hosts as real apps write them', () => {
  it.each([
    ['a placeholder tenant label', 'const url = `<MY_DOMAIN>.auth0.com/api/v2/users/${id}/roles`;', 'users/{}/roles'],
    ['a mustache tenant label', "const url = 'https://{{TENANT}}.eu.auth0.com/api/v2/users/' + id;", 'users/{}'],
    ['a capitals placeholder label', "const url = 'https://YOUR_TENANT.auth0.com/api/v2/users';", 'users'],
    ['a computed tenant label', 'const url = `https://${tenant}.auth0.com/api/v2/users/${id}`;', 'users/{}'],
    [
      'a placeholder named for the Auth0 domain',
      "const url = 'https://{{AUTH0_DOMAIN}}/api/v2/users/' + id;",
      'users/{}',
    ],
    ['YOUR_AUTH0_DOMAIN', "const url = 'https://YOUR_AUTH0_DOMAIN/api/v2/users/' + id;", 'users/{}'],
    [
      'a config object imported from an Auth0-named module',
      "import { AUTH_CONFIG } from './auth0-variables';\nconst url = `https://${AUTH_CONFIG.domain}/api/v2/users/${id}`;",
      'users/{}',
    ],
    [
      'a config object required from an Auth0-named module',
      "const myConfig = require('../config/auth0.json');\nconst url = 'https://' + myConfig.domain + '/api/v2/users/' + id;",
      'users/{}',
    ],
    [
      'a domain imported by name from an Auth0-named module',
      "import { domain } from './auth0-config';\nconst url = `https://${domain}/api/v2/users/${id}`;",
      'users/{}',
    ],
    ['config.auth0.domain', 'const url = `https://${config.auth0.domain}/api/v2/users/${id}`;', 'users/{}'],
    ['environment.auth0.domain', 'const url = `https://${environment.auth0.domain}/api/v2/users/${id}`;', 'users/{}'],
    [
      'process.env.REACT_APP_AUTH0_DOMAIN',
      'const url = `https://${process.env.REACT_APP_AUTH0_DOMAIN}/api/v2/users/${id}`;',
      'users/{}',
    ],
    [
      "process.env['REACT_APP_AUTH0_DOMAIN']",
      "const url = 'https://' + process.env['REACT_APP_AUTH0_DOMAIN'] + '/api/v2/users/' + id;",
      'users/{}',
    ],
    [
      'a destructured env variable',
      'const { VITE_AUTH0_DOMAIN } = import.meta.env;\nconst url = `https://${VITE_AUTH0_DOMAIN}/api/v2/users/${id}`;',
      'users/{}',
    ],
    [
      'an in-file config object',
      "const myConfig = { domain: 'acme.auth0.com' };\nconst url = `https://${myConfig.domain}/api/v2/users/${id}`;",
      'users/{}',
    ],
  ])('accepts %s', (_name, code, path) => {
    expect(pathOf(code)).toBe(path);
  });

  it('accepts a generic placeholder when the file configures its Auth0 login with the same placeholder', () => {
    expect(
      pathOf("const domain = 'YOUR_DOMAIN';\nconst url = 'https://YOUR_DOMAIN/api/v2/users/' + id;", ['domain']),
    ).toBe('users/{}');
  });

  it.each([
    ['a generic placeholder alone', "const url = 'https://YOUR_DOMAIN/api/v2/users/' + id;"],
    ['a mustache placeholder alone', "const url = '{{DOMAIN}}/api/v2/users/' + id;"],
    ['a placeholder tenant on Zendesk', "const url = 'https://{subdomain}.zendesk.com/api/v2/users/' + id + '.json';"],
    ['a computed label on Zendesk', 'const url = `https://${subdomain}.zendesk.com/api/v2/users/${id}.json`;'],
    ['PokeAPI', 'const url = `https://pokeapi.co/api/v2/pokemon/${name}`;'],
    ["the app's own API behind a placeholder", "const url = 'http://<API_HOST>/api/v2/orders';"],
    ['a placeholder label on a look-alike', "const url = 'https://<MY_DOMAIN>.auth0.com.evil.example/api/v2/users';"],
    ['a hole after the Auth0 suffix', 'const url = `https://acme.auth0.com${proxy}/api/v2/users`;'],
    [
      'a domain imported from a module in an Auth0 folder',
      "import { AUTH_CONFIG } from './auth0/config';\nconst url = `https://${AUTH_CONFIG.domain}/api/v2/users/${id}`;",
    ],
    [
      'another member of an Auth0-named module',
      "import { AUTH_CONFIG } from './auth0-variables';\nconst url = `${AUTH_CONFIG.apiUrl}/api/v2/users/${id}`;",
    ],
    [
      'a config object imported from another module',
      "import { AUTH_CONFIG } from './config';\nconst url = `https://${AUTH_CONFIG.domain}/api/v2/users/${id}`;",
    ],
    [
      'an auth (not Auth0) domain from an env variable',
      'const url = `https://${process.env.NG_APP_AUTH_DOMAIN}/api/v2/users/${id}`;',
    ],
    ['environment.auth.domain', 'const url = `https://${environment.auth.domain}/api/v2/users/${id}`;'],
    ['a Zendesk domain from an env variable', 'const url = `https://${process.env.ZENDESK_DOMAIN}/api/v2/users.json`;'],
  ])('rejects %s', (_name, code) => {
    expect(pathOf(code)).toBeUndefined();
  });
});
