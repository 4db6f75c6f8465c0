import { parseForESLint } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  displayValue,
  managementAudienceParts,
  quoteStyle,
  setOption,
  stringLiteral,
  valueCode,
  type OptionName,
  type ValuePart,
} from '../../src/analysis/edits';
import { analyzeFile } from '../../src/analysis/facts';
import type { ScopeManagerLike } from '../../src/analysis/file-context';
import type { TokenRequest } from '../../src/analysis/types';

/** The token requests the recogniser finds in a snippet. */
function requestsIn(code: string, file = 'file.tsx'): TokenRequest[] {
  const { ast, scopeManager } = parseForESLint(code, {
    range: true,
    loc: true,
    filePath: file,
    ecmaFeatures: { jsx: true },
  });
  return [...analyzeFile(ast, code, scopeManager as unknown as ScopeManagerLike).tokenRequests];
}

/** The snippet after setting an option on its first token request. */
function withOption(
  code: string,
  option: OptionName,
  value: string | readonly ValuePart[],
  file?: string,
): string | undefined {
  const [request] = requestsIn(code, file);
  const edits = request && setOption(request, option, value, code);
  return edits && applyEdits(code, edits);
}

function audienceOf(code: string): ValuePart[] | undefined {
  return managementAudienceParts(requestsIn(code)[0]!, code);
}

describe('strings', () => {
  it('follows the quote style the file mostly uses', () => {
    expect(quoteStyle(`const a = "x"; const b = "y"; const c = 'z';`)).toBe('"');
    expect(quoteStyle(`const a = 'x';`)).toBe("'");
    expect(stringLiteral("it's", `const a = 'x';`)).toBe(`'it\\'s'`);
  });

  it('writes code parts into a template literal and escapes its delimiters', () => {
    expect(valueCode([{ text: 'https://' }, { code: 'domain' }, { text: '/api/v2/' }], '')).toBe(
      '`https://${domain}/api/v2/`',
    );
    expect(valueCode([{ text: 'a`b${' }, { code: 'x' }], '')).toBe('`a\\`b\\${${x}`');
    expect(displayValue([{ text: 'https://' }, { code: 'config.domain' }, { text: '/api/v2/' }])).toBe(
      'https://${config.domain}/api/v2/',
    );
  });
});

describe('managementAudienceParts', () => {
  it('is a literal when the domain is one, scheme and trailing slash dropped', () => {
    expect(audienceOf(`new auth0.WebAuth({ domain: 'https://acme.auth0.com/' });`)).toEqual([
      { text: 'https://acme.auth0.com/api/v2/' },
    ]);
  });

  it('goes over the domain expression otherwise', () => {
    expect(audienceOf(`new auth0.WebAuth({ domain: env.AUTH0_DOMAIN });`)).toEqual([
      { text: 'https://' },
      { code: 'env.AUTH0_DOMAIN' },
      { text: '/api/v2/' },
    ]);
  });

  it('keeps the parts of a template literal domain', () => {
    expect(audienceOf('new auth0.WebAuth({ domain: `${tenant}.eu.auth0.com` });')).toEqual([
      { text: 'https://' },
      { code: 'tenant' },
      { text: '.eu.auth0.com/api/v2/' },
    ]);
  });

  it('is unknown without a domain', () => {
    expect(audienceOf(`new auth0.WebAuth(options);`)).toBeUndefined();
  });
});

describe('setOption on options objects', () => {
  it('replaces an existing value in its own quotes', () => {
    expect(
      withOption(`new auth0.WebAuth({ domain: "a.auth0.com", scope: "openid" });`, 'scope', 'openid read:current_user'),
    ).toBe(`new auth0.WebAuth({ domain: "a.auth0.com", scope: "openid read:current_user" });`);
  });

  it('inserts into an empty object', () => {
    expect(withOption(`new auth0.WebAuth({});`, 'audience', 'https://a.auth0.com/api/v2/')).toBe(
      `new auth0.WebAuth({ audience: 'https://a.auth0.com/api/v2/' });`,
    );
  });

  it('inserts before a single-line trailing comma', () => {
    expect(withOption(`new auth0.WebAuth({ domain: 'a.auth0.com', });`, 'scope', 'openid')).toBe(
      `new auth0.WebAuth({ domain: 'a.auth0.com', scope: 'openid', });`,
    );
  });

  it('inserts on its own line after a trailing comma and its comment', () => {
    const code = `new auth0.WebAuth({
\tdomain: 'a.auth0.com', // tenant
});`;
    expect(withOption(code, 'responseType', 'token')).toBe(`new auth0.WebAuth({
\tdomain: 'a.auth0.com', // tenant
\tresponseType: 'token',
});`);
  });

  it('adds the missing comma without a trailing comma, keeping a line comment on its line', () => {
    const code = `new auth0.WebAuth({
    domain: 'a.auth0.com' // tenant
});`;
    expect(withOption(code, 'scope', 'openid')).toBe(`new auth0.WebAuth({
    domain: 'a.auth0.com', // tenant
    scope: 'openid'
});`);
  });

  it('creates the missing parent objects on the path (Lock auth.params)', () => {
    expect(withOption(`new Auth0Lock('id', 'a.auth0.com', { auth: {} });`, 'scope', 'openid read:current_user')).toBe(
      `new Auth0Lock('id', 'a.auth0.com', { auth: { params: { scope: 'openid read:current_user' } } });`,
    );
  });

  it('gives up when an object on the path is not a literal', () => {
    expect(withOption(`new Auth0Lock('id', 'a.auth0.com', { auth: authOptions });`, 'audience', 'x')).toBeUndefined();
  });

  it('writes into the object a variable holds', () => {
    expect(
      withOption(`const options = { domain: 'a.auth0.com' };\nnew auth0.WebAuth(options);`, 'scope', 'openid'),
    ).toBe(`const options = { domain: 'a.auth0.com', scope: 'openid' };\nnew auth0.WebAuth(options);`);
  });
});

describe('setOption on JSX elements', () => {
  const provider = (attributes: string): string =>
    `import { Auth0Provider } from '@auth0/auth0-react';\nexport const App = () => <Auth0Provider${attributes}><main /></Auth0Provider>;`;

  it('inserts a string attribute in the quotes of the other attributes', () => {
    expect(
      withOption(
        provider(` domain='a.auth0.com' clientId='x' scope='openid'`),
        'audience',
        'https://a.auth0.com/api/v2/',
      ),
    ).toBe(provider(` domain='a.auth0.com' clientId='x' scope='openid' audience='https://a.auth0.com/api/v2/'`));
  });

  it('inserts an expression attribute for a computed value', () => {
    expect(
      withOption(provider(` domain={domain} scope="openid"`), 'audience', [
        { text: 'https://' },
        { code: 'domain' },
        { text: '/api/v2/' },
      ]),
    ).toBe(provider(` domain={domain} scope="openid" audience={\`https://\${domain}/api/v2/\`}`));
  });

  it('replaces an attribute value written as an expression container', () => {
    expect(withOption(provider(` domain="a.auth0.com" scope={'openid'}`), 'scope', 'openid read:current_user')).toBe(
      provider(` domain="a.auth0.com" scope={'openid read:current_user'}`),
    );
  });

  it('turns a literal attribute into an expression when the new value is computed', () => {
    expect(
      withOption(provider(` domain={d} audience="https://api.acme.com" scope="openid"`), 'audience', [
        { text: 'https://' },
        { code: 'd' },
        { text: '/api/v2/' },
      ]),
    ).toBe(provider(` domain={d} audience={\`https://\${d}/api/v2/\`} scope="openid"`));
  });

  it('adds authorizationParams for a v2 provider', () => {
    expect(withOption(provider(` domain="a.auth0.com" clientId="x" authorizationParams={{}}`), 'scope', 'openid')).toBe(
      provider(` domain="a.auth0.com" clientId="x" authorizationParams={{ scope: 'openid' }}`),
    );
  });
});

describe('setOption on raw /authorize URLs', () => {
  it('inserts the first parameter without a dangling &', () => {
    expect(withOption(`location.href = 'https://a.auth0.com/authorize?';`, 'scope', 'openid read:current_user')).toBe(
      `location.href = 'https://a.auth0.com/authorize?scope=openid%20read%3Acurrent_user';`,
    );
  });

  it('keeps + for spaces when the value was written that way', () => {
    expect(
      withOption(
        `location.href = 'https://a.auth0.com/authorize?scope=openid+profile&response_type=token';`,
        'scope',
        'openid profile read:current_user',
      ),
    ).toBe(
      `location.href = 'https://a.auth0.com/authorize?scope=openid+profile+read%3Acurrent_user&response_type=token';`,
    );
  });

  it('does not edit a value that comes from an expression', () => {
    expect(
      withOption(
        'location.href = `https://a.auth0.com/authorize?scope=${scope}&response_type=token`;',
        'scope',
        'openid',
      ),
    ).toBeUndefined();
  });

  it('does not edit a value written with escapes', () => {
    expect(
      withOption(`location.href = 'https://a.auth0.com/authorize?scope=openid\\u0020profile';`, 'scope', 'openid'),
    ).toBeUndefined();
  });
});

describe('applyEdits', () => {
  it('applies non-overlapping edits in any order', () => {
    expect(
      applyEdits('abcdef', [
        { range: [1, 2], text: 'B' },
        { range: [4, 4], text: '-' },
        { range: [0, 0], text: '>' },
      ]),
    ).toBe('>aBcd-ef');
  });

  it('applies insertions at one point in the order given, before a replacement that starts there', () => {
    expect(
      applyEdits('abc', [
        { range: [1, 2], text: 'B' },
        { range: [1, 1], text: '1' },
        { range: [1, 1], text: '2' },
      ]),
    ).toBe('a12Bc');
  });
});
