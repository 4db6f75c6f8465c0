import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { FileContext, type ScopeManagerLike } from '../../src/analysis/file-context';
import { Auth0Hosts, managementUrl, storedValue } from '../../src/analysis/management-urls';

/** Parses `code` and reads the URL in the last `const url = ...` (with an optional `const base = ...` for axios-style bases). */
function read(code: string, domains: readonly string[] = []): { path: string | undefined } | undefined {
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
  for (const domain of domains) {
    const node = named(domain);
    if (node) hosts.addDomain(node);
  }
  const url = named('url');
  if (!url) throw new Error('no `const url = ...` in the fixture');
  const result = managementUrl(context, hosts, url, named('base'));
  return result && { path: result.path };
}

describe('managementUrl: what counts as a Management API URL', () => {
  it.each([
    ['a literal tenant host', "const url = 'https://acme.auth0.com/api/v2/users';", 'users'],
    [
      'a regional tenant host',
      "const url = 'https://acme.eu.auth0.com/api/v2/users-by-email?email=a@b.c';",
      'users-by-email',
    ],
    [
      'an auth0app.com host',
      "const url = 'https://acme.auth0app.com/api/v2/device-credentials';",
      'device-credentials',
    ],
    ['AUTH0_DOMAIN concatenation', "const url = 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + userId;", 'users/{}'],
    ['process.env.AUTH0_DOMAIN', 'const url = `https://${process.env.AUTH0_DOMAIN}/api/v2/users/${id}`;', 'users/{}'],
    [
      'import.meta.env.VITE_AUTH0_DOMAIN',
      'const url = `https://${import.meta.env.VITE_AUTH0_DOMAIN}/api/v2/users/${id}`;',
      'users/{}',
    ],
    [
      'config.auth0.domain',
      'const url = `https://${config.auth0.domain}/api/v2/users/${id}/identities`;',
      'users/{}/identities',
    ],
    [
      'a build-time constant',
      "const url = 'https://' + __AUTH0_DOMAIN__ + '/api/v2/users/' + userId + '?fields=user_metadata';",
      'users/{}',
    ],
  ])('accepts %s', (_name, code, path) => {
    expect(read(code)).toEqual({ path });
  });

  it.each([
    ['Zendesk', "const url = 'https://acme.zendesk.com/api/v2/users/1.json';"],
    ['Zendesk with an id', 'const url = `https://acme.zendesk.com/api/v2/users/${id}.json`;'],
    ['a local API', "const url = 'http://localhost:5000/api/v2/users';"],
    ["the app's own relative API", 'const url = `/api/v2/users/${id}/books`;'],
    ['an unknown host variable', 'const url = `https://${host}/api/v2/users/${id}`;'],
    ['window.location', "const url = window.location.origin + '/api/v2/users/' + id;"],
    ['a non-Management Auth0 path', "const url = 'https://acme.auth0.com/userinfo';"],
    ['a look-alike host', "const url = 'https://auth0.com.evil.example/api/v2/users';"],
  ])('rejects %s', (_name, code) => {
    expect(read(code)).toBeUndefined();
  });

  it('accepts the domain a file passes to an Auth0 SDK, by value', () => {
    expect(
      read("const domain = 'login.example.com';\nconst url = 'https://login.example.com/api/v2/users/' + id;", [
        'domain',
      ]),
    ).toEqual({ path: 'users/{}' });
  });
});

describe('managementUrl: path normalisation', () => {
  it.each([
    [
      'drops the query string',
      "const url = 'https://acme.auth0.com/api/v2/users/' + id + '?fields=user_metadata&include_fields=true';",
      'users/{}',
    ],
    [
      'drops a query after a template hole',
      'const url = `https://acme.auth0.com/api/v2/users/${id}?fields=${fields}`;',
      'users/{}',
    ],
    ['drops a fragment', "const url = 'https://acme.auth0.com/api/v2/logs#latest';", 'logs'],
    ['drops a trailing slash', "const url = 'https://acme.auth0.com/api/v2/users/';", 'users'],
    [
      'keeps encodeURIComponent(id) as one segment',
      'const url = `https://acme.auth0.com/api/v2/users/${encodeURIComponent(id)}/roles`;',
      'users/{}/roles',
    ],
    [
      'unlink: three holes',
      "const url = 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + primary + '/identities/' + provider + '/' + secondary;",
      'users/{}/identities/{}/{}',
    ],
    [
      'multifactor',
      'const url = `https://${AUTH0_DOMAIN}/api/v2/users/${id}/multifactor/${provider}`;',
      'users/{}/multifactor/{}',
    ],
    ['String#concat', "const url = 'https://acme.auth0.com/api/v2/'.concat('users/', id);", 'users/{}'],
    [
      '`/api/v2` without a slash, then `/users`',
      "const url = 'https://acme.auth0.com/api/v2' + '/users/' + id;",
      'users/{}',
    ],
  ])('%s', (_name, code, path) => {
    expect(read(code)).toEqual({ path });
  });

  it('leaves the path unknown when a hole may be a whole sub-path', () => {
    expect(read("const url = 'https://acme.auth0.com/api/v2/' + path;")).toEqual({ path: undefined });
  });
});

describe('managementUrl: bases and builders', () => {
  it('follows a base constant plus a suffix', () => {
    expect(read("const API = 'https://' + AUTH0_DOMAIN + '/api/v2/';\nconst url = API + 'users/' + userId;")).toEqual({
      path: 'users/{}',
    });
  });

  it('follows a base kept in an object constant', () => {
    expect(
      read('const config = { api: `https://${AUTH0_DOMAIN}/api/v2` };\nconst url = `${config.api}/users/${id}`;'),
    ).toEqual({ path: 'users/{}' });
  });

  it.each([
    ['a rooted path on an origin', "const url = new URL('/api/v2/users/' + id, 'https://acme.auth0.com');", 'users/{}'],
    [
      'a rooted path replaces the base path',
      "const url = new URL('/api/v2/users', 'https://acme.auth0.com/some/page?x=1');",
      'users',
    ],
    [
      'a relative path extends a base directory',
      'const url = new URL(`users/${id}`, `https://${AUTH0_DOMAIN}/api/v2/`);',
      'users/{}',
    ],
    [
      'an absolute path ignores the base',
      "const url = new URL('https://acme.auth0.com/api/v2/logs', 'https://example.com');",
      'logs',
    ],
    ['.href of an URL', "const url = new URL('/api/v2/users', 'https://acme.auth0.com').href;", 'users'],
  ])('new URL: %s', (_name, code, path) => {
    expect(read(code)).toEqual({ path });
  });

  it('new URL: a relative path replaces the last base segment', () => {
    // `https://host/api/v2` + `users` resolves to `https://host/api/users`: not a Management URL.
    expect(read("const url = new URL('users', 'https://acme.auth0.com/api/v2');")).toBeUndefined();
  });

  it('new URL: a rooted path drops the base path, so an app path on the Auth0 origin is not /api/v2', () => {
    expect(read("const url = new URL('/users', 'https://acme.auth0.com/api/v2/');")).toBeUndefined();
  });

  it('follows an URL object kept in a variable and its toString()', () => {
    expect(
      read('const target = new URL(`/api/v2/users/${id}`, `https://${AUTH0_DOMAIN}`);\nconst url = target.toString();'),
    ).toEqual({ path: 'users/{}' });
  });

  it.each([
    [
      'urljoin',
      "const url = urljoin('https://' + AUTH0_DOMAIN, 'api/v2', 'users', id, 'identities');",
      'users/{}/identities',
    ],
    [
      'urlJoin with slashes on both sides',
      "const url = urlJoin('https://acme.auth0.com/', '/api/v2/', '/users/', id);",
      'users/{}',
    ],
  ])('%s', (_name, code, path) => {
    expect(read(code)).toEqual({ path });
  });

  it('follows a helper that returns the URL', () => {
    const code =
      'const userUrl = (id) => `https://${AUTH0_DOMAIN}/api/v2/users/${id}`;\nconst url = userUrl(sub) + "/roles";';
    expect(read(code)).toEqual({ path: 'users/{}/roles' });
  });

  it('follows a function declaration with a single return', () => {
    const code =
      "function apiBase() {\n  return 'https://' + AUTH0_DOMAIN + '/api/v2/';\n}\nconst url = apiBase() + 'users-by-email';";
    expect(read(code)).toEqual({ path: 'users-by-email' });
  });

  it('joins an axios-style base and a relative url', () => {
    expect(read("const base = `https://${AUTH0_DOMAIN}/api/v2/`;\nconst url = '/users/' + id;")).toEqual({
      path: 'users/{}',
    });
    expect(read("const base = `https://${AUTH0_DOMAIN}/api/v2`;\nconst url = 'users';")).toEqual({ path: 'users' });
  });

  it('ignores the base for an absolute url', () => {
    expect(
      read(
        "const base = `https://${AUTH0_DOMAIN}/api/v2/`;\nconst url = 'https://acme.zendesk.com/api/v2/users/1.json';",
      ),
    ).toBeUndefined();
  });

  it('rejects a relative url on a non-Auth0 base', () => {
    expect(read("const base = 'http://localhost:5000/api/v2/';\nconst url = 'users/' + id;")).toBeUndefined();
  });
});

describe('storedValue', () => {
  it('reads a base a class keeps on this', () => {
    const code = [
      'class Api {',
      "  base = 'https://' + AUTH0_DOMAIN + '/api/v2/';",
      '  get(id) { return this.base; }',
      '}',
      'class Other {',
      '  constructor() { this.base = "https://example.com/"; }',
      '  get(id) { return this.base; }',
      '}',
    ].join('\n');
    const program = parse(code, { range: true, loc: true }) as TSESTree.Program;
    const context = new FileContext(
      program,
      code,
      analyze(program, { sourceType: 'module' }) as unknown as ScopeManagerLike,
    );
    const returned = (index: number) => {
      const method = (program.body[index] as TSESTree.ClassDeclaration).body.body.at(-1) as TSESTree.MethodDefinition;
      return (method.value.body!.body[0] as TSESTree.ReturnStatement).argument as TSESTree.MemberExpression;
    };
    expect(context.source(storedValue(context, returned(0)))).toBe("'https://' + AUTH0_DOMAIN + '/api/v2/'");
    expect(context.source(storedValue(context, returned(1)))).toBe('"https://example.com/"');
  });

  it('keeps `this.x` when it is assigned more than once', () => {
    const code =
      "function Svc() {\n  this.base = 'a';\n  this.reset = function () { this.base = 'b'; };\n  this.read = function () { return this.base; };\n}";
    const program = parse(code, { range: true, loc: true }) as TSESTree.Program;
    const context = new FileContext(
      program,
      code,
      analyze(program, { sourceType: 'script' }) as unknown as ScopeManagerLike,
    );
    const read = program.body[0] as TSESTree.FunctionDeclaration;
    const assignment = (read.body.body[2] as TSESTree.ExpressionStatement).expression as TSESTree.AssignmentExpression;
    const member = ((assignment.right as TSESTree.FunctionExpression).body.body[0] as TSESTree.ReturnStatement)
      .argument!;
    expect(storedValue(context, member)).toBe(member);
  });
});
