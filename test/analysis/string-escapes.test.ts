/**
 * String literals keep their escapes when an edit touches them: the codemod and the rules' fixes write only the
 * characters that change, escaped for the literal that holds them, and leave every other byte as written. A change
 * that would have to rewrite an escape (an escaped separator between two scopes, a line continuation) is not made: the
 * site is left for a person.
 */
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import scopesRule from '../../rules/minimal-management-scopes';
import responseTypeRule from '../../rules/require-token-response-type';
import { walk } from '../../src/analysis/ast';
import { applyEdits } from '../../src/analysis/edits';
import { writtenValueEdits } from '../../src/analysis/literal-text';
import type { Node } from '../../src/analysis/types';
import { migrateSource, type MigrationResult } from '../../src/migration';
import { as, ruleTester } from '../rule-tester';

const OPTIONS = { environment: 'auto', metadataScope: 'update', annotate: false } as const;

type Delimiter = "'" | '"' | '`';
const DELIMITERS: readonly Delimiter[] = ["'", '"', '`'];

/** Escapes as written inside a literal with the given delimiter, each with what it writes. */
const ESCAPES: readonly {
  readonly name: string;
  readonly written: (delimiter: Delimiter) => string;
  readonly value: (delimiter: Delimiter) => string;
}[] = [
  { name: 'a lone surrogate \\uD800', written: () => String.raw`\uD800`, value: () => '\uD800' },
  { name: 'a hex escape \\x41', written: () => String.raw`\x41`, value: () => 'A' },
  { name: 'a code point escape \\u{1F600}', written: () => String.raw`\u{1F600}`, value: () => '\u{1F600}' },
  { name: 'a newline \\n', written: () => String.raw`\n`, value: () => '\n' },
  { name: 'an escaped delimiter', written: (delimiter) => `\\${delimiter}`, value: (delimiter) => delimiter },
  { name: 'an escaped backslash \\\\', written: () => String.raw`\\`, value: () => '\\' },
  { name: 'a line continuation', written: () => '\\\n', value: () => '' },
];

function migrate(file: string, code: string): MigrationResult {
  return migrateSource(file, code, OPTIONS);
}

/** Every character an edit replaced, in the text it applied to: none of them may be part of an escape. */
function replacedText(result: MigrationResult): string {
  return result.passes
    .flatMap((pass) => pass.edits.map((edit) => pass.text.slice(edit.range[0], edit.range[1])))
    .join('');
}

/** A WebAuth login with the Management audience whose access token reads the user: it needs `token` and read:current_user. */
function webAuth(responseType: string, scope: string): string {
  return `const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: 'https://acme.auth0.com/api/v2/', responseType: ${responseType}, scope: ${scope} });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {});
});
`;
}

/** A login through a hand-built /authorize URL whose ID token reads the user: the migration edits the URL's query. */
function authorizeUrl(url: string): string {
  return `function login() {
  window.location.assign(${url});
}

function handleCallback() {
  var hash = new URLSearchParams(window.location.hash.slice(1));
  return fetch('https://acme.auth0.com/api/v2/users/' + hash.get('sub'), { headers: { Authorization: 'Bearer ' + hash.get('id_token') } });
}
`;
}

describe('a scope string keeps its escapes: read:current_user is appended before the closing delimiter', () => {
  for (const delimiter of DELIMITERS) {
    for (const escape of ESCAPES) {
      // Scopes are written one space apart: a whitespace escape between two of them would have to become a space.
      const separates = /\s/.test(escape.value(delimiter));
      it(`${delimiter}…${delimiter} holding ${escape.name}${separates ? ', which separates two scopes: left for a person' : ''}`, () => {
        const scope = `${delimiter}openid profile x${escape.written(delimiter)}y email${delimiter}`;
        const result = migrate('src/app.js', webAuth(`'token id_token'`, scope));
        if (separates) {
          expect(result.output).toBe(webAuth(`'token id_token'`, scope));
          expect(result.manual.map((site) => site.rule)).toContain('minimal-management-scopes');
          return;
        }
        const expected = `${delimiter}openid profile x${escape.written(delimiter)}y email read:current_user${delimiter}`;
        expect(result.output).toBe(webAuth(`'token id_token'`, expected));
        expect(result.passes.flatMap((pass) => pass.edits)).toHaveLength(1);
        expect(replacedText(result)).toBe('');
      });
    }
  }

  it('keeps an escaped space between two scopes', () => {
    const result = migrate('src/app.js', webAuth(`'token'`, String.raw`'openid\x20profile'`));
    expect(result.output).toBe(webAuth(`'token'`, String.raw`'openid\x20profile read:current_user'`));
  });

  it('writes extra spaces as one, where they are written plainly', () => {
    const result = migrate('src/app.js', webAuth(`'token'`, String.raw`'openid  profile\x41'`));
    expect(result.output).toBe(webAuth(`'token'`, String.raw`'openid profile\x41 read:current_user'`));
  });

  it('drops an any-user scope where it is written plainly, its escaped neighbours untouched', () => {
    const result = migrate('src/app.js', webAuth(`'token'`, String.raw`'openid\x20read:users profile\u0021'`));
    expect(result.output).toBe(webAuth(`'token'`, String.raw`'openid\x20profile\u0021 read:current_user'`));
    expect(replacedText(result)).toBe('read:users ');
  });

  it('in a TypeScript file (parsed by another parser) as in JavaScript', () => {
    const result = migrate('src/app.ts', webAuth(`'token'`, String.raw`"openid \u{1F600} \uD800"`));
    expect(result.output).toBe(webAuth(`'token'`, String.raw`"openid \u{1F600} \uD800 read:current_user"`));
  });

  it('in a template literal with an expression, after the last ${…}', () => {
    const code = `const EXTRA = 'profile';\n${webAuth(`'token'`, '`openid\\x20${EXTRA} email`')}`;
    expect(migrate('src/app.js', code).output).toBe(
      `const EXTRA = 'profile';\n${webAuth(`'token'`, '`openid\\x20${EXTRA} email read:current_user`')}`,
    );
  });

  it('in a JSX attribute, whose backslashes are plain characters', () => {
    const code = `import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const Root = () => <Auth0Provider domain="acme.auth0.com" clientId="x" audience="https://acme.auth0.com/api/v2/" scope="openid profile\\x41" />;
export function Page() {
  const { user, getAccessTokenSilently } = useAuth0();
  return <button onClick={async () => fetch(\`https://acme.auth0.com/api/v2/users/\${user.sub}\`, { headers: { Authorization: \`Bearer \${await getAccessTokenSilently()}\` } })} />;
}
`;
    expect(migrate('src/app.jsx', code).output).toBe(
      code.replace('scope="openid profile\\x41"', 'scope="openid profile\\x41 read:current_user"'),
    );
  });
});

describe('a response type keeps its escapes: token is inserted after the opening delimiter', () => {
  const written = [String.raw`id\x5ftoken`, String.raw`id\u005ftoken`, String.raw`id\u{5F}token`, 'id_\\\ntoken'];
  for (const delimiter of DELIMITERS) {
    for (const responseType of written) {
      it(`${delimiter}${responseType}${delimiter}`, () => {
        const result = migrate(
          'src/app.js',
          webAuth(`${delimiter}${responseType}${delimiter}`, `'openid read:current_user'`),
        );
        expect(result.output).toBe(
          webAuth(`${delimiter}token ${responseType}${delimiter}`, `'openid read:current_user'`),
        );
        expect(replacedText(result)).toBe('');
      });
    }
  }
});

ruleTester.run('require-token-response-type fixes a response type in place', responseTypeRule, {
  valid: [],
  invalid: [
    {
      code: webAuth(String.raw`"id\x5ftoken"`, `'openid read:current_user'`),
      filename: as.js,
      output: webAuth(String.raw`"token id\x5ftoken"`, `'openid read:current_user'`),
      errors: [{ messageId: 'missingTokenResponseType' }],
    },
  ],
});

describe('an /authorize URL keeps its escapes: only its query values change', () => {
  const migrated = (url: string): string =>
    url
      .replace('?', '?audience=https%3A%2F%2Facme.auth0.com%2Fapi%2Fv2%2F&')
      .replace('response_type=id_token', 'response_type=token%20id_token')
      .replace('scope=openid%20email', 'scope=openid%20email%20read%3Acurrent_user');
  for (const delimiter of DELIMITERS) {
    for (const escape of ESCAPES) {
      it(`${delimiter}…${delimiter} holding ${escape.name}`, () => {
        const url = `${delimiter}https://acme.auth0.com/authorize?response_type=id_token&state=x${escape.written(delimiter)}y&scope=openid%20email&client_id=abc${delimiter}`;
        const result = migrate('src/app.js', authorizeUrl(url));
        expect(result.output).toBe(
          authorizeUrl(migrated(url)).replace(`hash.get('id_token')`, `hash.get('access_token')`),
        );
        expect(replacedText(result)).toBe('id');
      });
    }
  }

  it('with the query values themselves written with escapes next to the change', () => {
    const url = String.raw`'https://acme.auth0.com/authorize\x3Fresponse_type\x3did\x5ftoken&scope=openid%20email\u0026client_id=abc'`;
    const result = migrate('src/app.js', authorizeUrl(url));
    expect(result.output).toContain(
      String.raw`'https://acme.auth0.com/authorize\x3Faudience=https%3A%2F%2Facme.auth0.com%2Fapi%2Fv2%2F&response_type\x3dtoken%20id\x5ftoken&scope=openid%20email%20read%3Acurrent_user\u0026client_id=abc'`,
    );
  });
});

describe('the ID token read switches to the access token with its key edited in place', () => {
  it.each(["'", '"'])('%s-delimited key', (delimiter) => {
    const url = `'https://acme.auth0.com/authorize?response_type=token%20id_token&scope=openid%20read%3Acurrent_user&audience=https%3A%2F%2Facme.auth0.com%2Fapi%2Fv2%2F'`;
    const code = authorizeUrl(url).replace(`hash.get('id_token')`, `hash.get(${delimiter}id\\x5ftoken${delimiter})`);
    expect(migrate('src/app.js', code).output).toBe(
      code.replace(`${delimiter}id\\x5ftoken${delimiter}`, `${delimiter}access\\x5ftoken${delimiter}`),
    );
  });
});

describe('a change that would rewrite an escape is not made: the site is left for a person', () => {
  it('a scope dropped between two escaped separators', () => {
    const scope = String.raw`'openid\x20read:users\x20profile'`;
    const result = migrate('src/app.js', webAuth(`'token'`, scope));
    expect(result.output).toBe(webAuth(`'token'`, scope));
    expect(result.manual.map((site) => site.rule)).toEqual(
      expect.arrayContaining(['minimal-management-scopes', 'no-any-user-scopes-in-browser']),
    );
  });

  it.each([
    ['an escape', String.raw`'openid read:us\x65rs'`],
    ['a line continuation', "'openid read:us\\\ners'"],
  ])('a scope to replace that is written with %s', (_, scope) => {
    const result = migrate('src/app.js', webAuth(`'token'`, scope));
    expect(result.output).toBe(webAuth(`'token'`, scope));
    expect(result.manual.map((site) => site.rule)).toContain('minimal-management-scopes');
  });

  it('a scope whose change falls in a ${…} of a template written with escapes', () => {
    const code = `const USERS = 'read:users';\n${webAuth(`'token'`, '`openid\\x20${USERS}`')}`;
    const result = migrate('src/app.js', code);
    expect(result.output).toBe(code);
    expect(result.manual.map((site) => site.rule)).toContain('minimal-management-scopes');
  });

  it('a scope in a JSX attribute written with an HTML entity', () => {
    const code = `import { Auth0Provider, useAuth0 } from '@auth0/auth0-react';
export const Root = () => <Auth0Provider domain="acme.auth0.com" clientId="x" audience="https://acme.auth0.com/api/v2/" scope="openid&#32;profile" />;
export function Page() {
  const { user, getAccessTokenSilently } = useAuth0();
  return <button onClick={async () => fetch(\`https://acme.auth0.com/api/v2/users/\${user.sub}\`, { headers: { Authorization: \`Bearer \${await getAccessTokenSilently()}\` } })} />;
}
`;
    const result = migrate('src/app.jsx', code);
    expect(result.output).toBe(code);
    expect(result.manual.map((site) => site.rule)).toContain('minimal-management-scopes');
  });
});

ruleTester.run(
  'minimal-management-scopes suggests scopes in place, or nothing where an escape would change',
  scopesRule,
  {
    valid: [],
    invalid: [
      {
        code: webAuth(`'token'`, String.raw`'openid\x20profile'`),
        filename: as.js,
        errors: [
          {
            messageId: 'missingScopes',
            suggestions: [
              { messageId: 'setScopes', output: webAuth(`'token'`, String.raw`'openid\x20profile read:current_user'`) },
            ],
          },
        ],
      },
      {
        code: webAuth(`'token'`, String.raw`'openid read:us\x65rs'`),
        filename: as.js,
        errors: [{ messageId: 'missingScopes', suggestions: [] }],
      },
    ],
  },
);

describe('writtenValueEdits', () => {
  /** The expression assigned in `x = <expression>;` (or the value of a JSX element's attribute), after setting its value to `to`. */
  function edited(expression: string, from: string, to: string): string | undefined {
    const code = `x = ${expression};`;
    const { ast } = parseForESLint(code, { range: true, ecmaFeatures: { jsx: true } });
    walk(ast as Node, () => undefined);
    const assigned = ((ast.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.AssignmentExpression).right;
    const node =
      assigned.type === 'JSXElement'
        ? (assigned.openingElement.attributes[0] as TSESTree.JSXAttribute).value!
        : assigned;
    const edits = writtenValueEdits(node, from, to, code);
    return edits && applyEdits(code, edits).slice('x = '.length, -1);
  }

  it('edits the literal of a concatenation that holds the change', () => {
    expect(edited(String.raw`'openid\x20' + 'profile'`, 'openid profile', 'openid profile email')).toBe(
      String.raw`'openid\x20' + 'profile email'`,
    );
  });

  it('keeps a template literal’s CRLF line break, which it reads as LF', () => {
    expect(edited('`openid\r\nprofile`', 'openid\nprofile', 'openid\nprofile email')).toBe('`openid\r\nprofile email`');
  });

  it('escapes what it writes for the literal: delimiter, backslash, line break, `${`, lone surrogate', () => {
    expect(edited(`'a'`, 'a', "a'\\\n\uD800")).toBe(String.raw`'a\'\\\n\uD800'`);
    expect(edited('`a`', 'a', 'a`${b}\r')).toBe('`a\\`\\${b}\\r`');
  });

  it('writes nothing that would join a neighbour into another escape', () => {
    expect(edited(String.raw`'\0'`, '\0', '\u00001')).toBeUndefined();
    expect(edited('`a$`', 'a$', 'a${')).toBeUndefined();
  });

  it('treats a JSX attribute’s backslashes as characters and leaves an HTML entity alone', () => {
    expect(edited('<a b="x\\y&c" />', 'x\\y&c', 'x\\y&c d')).toBe('<a b="x\\y&c d" />');
    expect(edited('<a b="x&amp;y" />', 'x&y', 'x&y z')).toBeUndefined();
    expect(edited('<a b="x" />', 'x', 'x "y"')).toBeUndefined();
  });
});
