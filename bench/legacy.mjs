/**
 * Generated legacy Auth0 front-end code for the benchmark trees: the shapes the tool exists for (auth0.js WebAuth +
 * Management, fetch / jQuery / XHR with a stored or fresh ID token, Lock, auth0-spa-js, a login and its Management
 * call in two modules), varied in names, endpoints, quotes, semicolons, indentation and file type, and padded with
 * ordinary application code. Deterministic: everything comes from the seeded generator passed in.
 */

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same tree on every machine. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max) => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)], chance: (probability) => next() < probability };
}

const TENANTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'contoso', 'stark', 'wayne', 'tyrell', 'soylent'];
const REGIONS = ['', '.eu', '.us', '.au', '.jp'];
const FIELDS = ['theme', 'language', 'newsletter', 'timezone', 'colour', 'units', 'avatar', 'nickname_hint'];
const PAGES = ['profile', 'settings', 'account', 'preferences', 'dashboard', 'security', 'connections', 'devices'];
const ALPHANUMERIC = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * The Management API calls a current-user token may make, as raw HTTP (method, path suffix after the user id). The
 * `${secondaryId}` suffix is spliced into a generated template literal.
 */
const HTTP_CALLS = [
  { method: 'GET', suffix: '', body: false },
  { method: 'PATCH', suffix: '', body: true },
  { method: 'GET', suffix: '/enrollments', body: false },
  { method: 'DELETE', suffix: '/identities/google-oauth2/${secondaryId}', body: false, secondary: true },
];

/** One style for a whole file, so each generated file is internally consistent like hand-written code. */
function styleOf(random) {
  const quote = random.pick(["'", '"']);
  return {
    q: (text) => `${quote}${text}${quote}`,
    semi: random.chance(0.7) ? ';' : '',
    indent: random.pick(['  ', '    ']),
    decl: random.pick(['var', 'const']),
  };
}

function identifier(random, length) {
  let text = '';
  for (let index = 0; index < length; index++) text += ALPHANUMERIC[random.int(ALPHANUMERIC.length)];
  return text;
}

/**
 * A tree is analysed as one project, where one storage key written with tokens of several logins proves nothing:
 * each generated app gets keys of its own, as each real app has one login.
 */
function storageKey(random, app, names) {
  return `app${app}:${random.pick(names)}`;
}

function domainOf(random) {
  return `${random.pick(TENANTS)}${random.pick(REGIONS)}.auth0.com`;
}

/** Ordinary application code around the Auth0 parts: formatting, DOM updates, a small state machine. */
function filler(random, style, typed) {
  const { indent: i, semi: s, q } = style;
  const blocks = [
    () =>
      `function formatDate${random.int(100)}(value${typed ? ': Date' : ''}) {\n${i}const pad = (n${typed ? ': number' : ''}) => String(n).padStart(2, ${q('0')})${s}\n${i}return value.getFullYear() + ${q('-')} + pad(value.getMonth() + 1) + ${q('-')} + pad(value.getDate())${s}\n}\n`,
    () =>
      `function renderList${random.int(100)}(element${typed ? ': HTMLElement' : ''}, items${typed ? ': string[]' : ''}) {\n${i}element.innerHTML = ${q('')}${s}\n${i}for (const item of items) {\n${i}${i}const li = document.createElement(${q('li')})${s}\n${i}${i}li.textContent = item${s}\n${i}${i}element.appendChild(li)${s}\n${i}}\n}\n`,
    () =>
      `function debounce${random.int(100)}(fn${typed ? ': (...args: unknown[]) => void' : ''}, wait${typed ? ': number' : ''}) {\n${i}let timer${typed ? ': ReturnType<typeof setTimeout> | undefined' : ''}${s}\n${i}return function (...args${typed ? ': unknown[]' : ''}) {\n${i}${i}clearTimeout(timer)${s}\n${i}${i}timer = setTimeout(() => fn(...args), wait)${s}\n${i}}${s}\n}\n`,
    () =>
      `const STATES${random.int(100)} = [${q('idle')}, ${q('loading')}, ${q('ready')}, ${q('failed')}]${s}\nfunction nextState${random.int(100)}(state${typed ? ': string' : ''}, event${typed ? ': string' : ''}) {\n${i}switch (event) {\n${i}${i}case ${q('load')}: return ${q('loading')}${s}\n${i}${i}case ${q('done')}: return ${q('ready')}${s}\n${i}${i}case ${q('error')}: return ${q('failed')}${s}\n${i}${i}default: return state${s}\n${i}}\n}\n`,
    () =>
      `function toQuery${random.int(100)}(params${typed ? ': Record<string, string>' : ''}) {\n${i}return Object.keys(params)\n${i}${i}.map((key) => encodeURIComponent(key) + ${q('=')} + encodeURIComponent(params[key]))\n${i}${i}.join(${q('&')})${s}\n}\n`,
  ];
  const count = 1 + random.int(4);
  const chosen = [];
  for (let index = 0; index < count; index++) chosen.push(random.pick(blocks)());
  return chosen.join('\n');
}

function webAuthOptions(random, style, domainExpression) {
  const { indent: i, q } = style;
  const scope = random.pick(['openid', 'openid profile', 'openid profile email', 'openid email read:reports']);
  return `{\n${i}domain: ${domainExpression},\n${i}clientID: ${q(identifier(random, 12))},\n${i}redirectUri: window.location.origin + ${q('/callback')},\n${i}responseType: ${q(random.pick(['id_token', 'token id_token']))},\n${i}scope: ${q(scope)}\n}`;
}

/** auth0.js v9 `WebAuth` + `Management` with the ID token from `parseHash`. */
function webAuthManagement(random) {
  const style = styleOf(random);
  const { indent: i, semi: s, q, decl } = style;
  const domain = domainOf(random);
  const field = random.pick(FIELDS);
  const call = random.pick([
    `management.getUser(authResult.idTokenPayload.sub, function (error, user) {\n${i}${i}${i}if (!error) document.title = user.name${s}\n${i}${i}})${s}`,
    `management.patchUserMetadata(authResult.idTokenPayload.sub, { ${field}: ${q('on')} }, function (error) {\n${i}${i}${i}if (error) console.error(error)${s}\n${i}${i}})${s}`,
    `management.linkUser(authResult.idTokenPayload.sub, secondaryIdToken, function (error) {\n${i}${i}${i}if (error) console.error(error)${s}\n${i}${i}})${s}`,
  ]);
  const page = random.pick(PAGES);
  return {
    extension: random.pick(['js', 'js', 'jsx']),
    text:
      `// ${page} page of a legacy auth0.js v9 app (CDN global \`auth0\`).\n` +
      `${decl} webAuth = new auth0.WebAuth(${webAuthOptions(random, style, q(domain))})${s}\n\n` +
      `${filler(random, style, false)}\n` +
      `function show${page[0].toUpperCase()}${page.slice(1)}(secondaryIdToken) {\n` +
      `${i}webAuth.parseHash(function (err, authResult) {\n` +
      `${i}${i}if (err || !authResult) return${s}\n` +
      `${i}${i}${decl} management = new auth0.Management({ domain: ${q(domain)}, token: authResult.idToken })${s}\n` +
      `${i}${i}${call}\n` +
      `${i}})${s}\n}\n`,
  };
}

function httpCallOf(random) {
  return random.pick(HTTP_CALLS);
}

/** `fetch` with the ID token stored in `localStorage` after the login (TypeScript). */
function fetchStored(random, app) {
  const style = styleOf(random);
  const { indent: i, semi: s, q } = style;
  const domain = domainOf(random);
  const http = httpCallOf(random);
  const key = storageKey(random, app, ['id_token', 'idToken', 'auth_id_token']);
  const body = http.body ? `\n${i}${i}body: JSON.stringify({ user_metadata: preferences }),` : '';
  const secondary = http.secondary ? `, secondaryId: string` : '';
  return {
    extension: random.pick(['ts', 'ts', 'tsx']),
    text:
      `import auth0 from ${q('auth0-js')}${s}\n\n` +
      `const DOMAIN = ${q(domain)}${s}\n` +
      `const webAuth = new auth0.WebAuth(${webAuthOptions(random, style, 'DOMAIN')})${s}\n\n` +
      `export function handleCallback(): void {\n` +
      `${i}webAuth.parseHash((err, authResult) => {\n` +
      `${i}${i}if (err || !authResult) return${s}\n` +
      `${i}${i}localStorage.setItem(${q(key)}, authResult.idToken as string)${s}\n` +
      `${i}${i}localStorage.setItem(${q('user_id')}, authResult.idTokenPayload.sub)${s}\n` +
      `${i}})${s}\n}\n\n` +
      `${filler(random, style, true)}\n` +
      `export async function callProfile(preferences: Record<string, string>${secondary}): Promise<Response> {\n` +
      `${i}const userId = localStorage.getItem(${q('user_id')}) as string${s}\n` +
      `${i}return fetch(\`https://\${DOMAIN}/api/v2/users/\${userId}${http.suffix}\`, {\n` +
      `${i}${i}method: ${q(http.method)},\n` +
      `${i}${i}headers: {\n${i}${i}${i}${q('Content-Type')}: ${q('application/json')},\n${i}${i}${i}Authorization: ${q('Bearer ')} + localStorage.getItem(${q(key)}),\n${i}${i}},${body}\n` +
      `${i}})${s}\n}\n`,
  };
}

/** jQuery `$.ajax` with the ID token straight from `parseHash`. */
function jqueryAjax(random) {
  const style = styleOf(random);
  const { indent: i, semi: s, q, decl } = style;
  const domain = domainOf(random);
  const http = random.pick(HTTP_CALLS.filter((call) => !call.secondary));
  const data = http.body
    ? `,\n${i}${i}${i}contentType: ${q('application/json')},\n${i}${i}${i}data: JSON.stringify({ user_metadata: { ${random.pick(FIELDS)}: $(${q('#pref')}).val() } })`
    : '';
  return {
    extension: 'js',
    text:
      `${decl} webAuth = new auth0.WebAuth(${webAuthOptions(random, style, q(domain))})${s}\n\n` +
      `${filler(random, style, false)}\n` +
      `webAuth.parseHash(function (err, authResult) {\n` +
      `${i}if (err || !authResult) { return${s} }\n` +
      `${i}$(${q('#save')}).on(${q('click')}, function () {\n` +
      `${i}${i}$.ajax({\n` +
      `${i}${i}${i}type: ${q(http.method)},\n` +
      `${i}${i}${i}url: ${q(`https://${domain}/api/v2/users/`)} + authResult.idTokenPayload.sub${http.suffix ? ` + ${q(http.suffix)}` : ''},\n` +
      `${i}${i}${i}headers: { ${q('Authorization')}: ${q('Bearer ')} + authResult.idToken }${data}\n` +
      `${i}${i}})${s}\n` +
      `${i}})${s}\n})${s}\n`,
  };
}

/** Lock 11 with `auth0.Management`, or an XHR, fed by the `authenticated` event's ID token. */
function lockManagement(random) {
  const style = styleOf(random);
  const { indent: i, semi: s, q, decl } = style;
  const domain = domainOf(random);
  const useXhr = random.chance(0.4);
  const body = useXhr
    ? `${i}${decl} xhr = new XMLHttpRequest()${s}\n${i}xhr.open(${q('GET')}, ${q(`https://${domain}/api/v2/users/`)} + authResult.idTokenPayload.sub)${s}\n${i}xhr.setRequestHeader(${q('Authorization')}, ${q('Bearer ')} + authResult.idToken)${s}\n${i}xhr.send()${s}\n`
    : `${i}${decl} management = new auth0.Management({ domain: AUTH0_DOMAIN, token: authResult.idToken })${s}\n${i}management.getUser(authResult.idTokenPayload.sub, function (err, user) {\n${i}${i}if (err) return${s}\n${i}${i}$(${q('#email')}).text(user.email)${s}\n${i}})${s}\n`;
  return {
    extension: 'js',
    text:
      `// Header of a jQuery app (Lock 11 and auth0.js 9 from the CDN).\n` +
      `${decl} AUTH0_DOMAIN = ${q(domain)}${s}\n\n` +
      `${decl} lock = new Auth0Lock(${q(identifier(random, 10))}, AUTH0_DOMAIN, {\n` +
      `${i}auth: {\n${i}${i}redirectUrl: window.location.origin,\n${i}${i}responseType: ${q('id_token')},\n${i}${i}params: { scope: ${q(random.pick(['openid email', 'openid profile']))} }\n${i}}\n})${s}\n\n` +
      `${filler(random, style, false)}\n` +
      `lock.on(${q('authenticated')}, function (authResult) {\n${body}})${s}\n\n` +
      `$(${q('#login')}).on(${q('click')}, function () {\n${i}lock.show()${s}\n})${s}\n`,
  };
}

/** auth0-spa-js 2.x: the raw ID token from `getIdTokenClaims()` sent to the Management API. */
function spaJs(random) {
  const style = styleOf(random);
  const { indent: i, semi: s, q } = style;
  const domain = domainOf(random);
  const http = httpCallOf(random);
  const secondary = http.secondary ? `, secondaryId: string` : '';
  const body = http.body ? `\n${i}${i}body: JSON.stringify({ user_metadata: { ${random.pick(FIELDS)}: value } }),` : '';
  return {
    extension: random.pick(['ts', 'tsx']),
    text:
      `import { createAuth0Client, type Auth0Client } from ${q('@auth0/auth0-spa-js')}${s}\n\n` +
      `const domain = ${q(domain)}${s}\n\n` +
      `const clientPromise: Promise<Auth0Client> = createAuth0Client({\n${i}domain,\n${i}clientId: ${q(identifier(random, 12))},\n${i}authorizationParams: {\n${i}${i}redirect_uri: window.location.origin,\n${i}${i}scope: ${q('openid profile email')},\n${i}},\n})${s}\n\n` +
      `${filler(random, style, true)}\n` +
      `export async function callManagement(value: string${secondary}): Promise<Response> {\n` +
      `${i}const client = await clientPromise${s}\n` +
      `${i}const user = await client.getUser()${s}\n` +
      `${i}const token = (await client.getIdTokenClaims())!.__raw${s}\n` +
      `${i}return fetch(\`https://\${domain}/api/v2/users/\${user!.sub}${http.suffix}\`, {\n` +
      `${i}${i}method: ${q(http.method)},\n${i}${i}headers: { Authorization: \`Bearer \${token}\` },${body}\n` +
      `${i}})${s}\n}\n`,
  };
}

/** A login module storing the ID token, and a page module calling the Management API with it: a cross-module flow. */
function crossModule(random, app) {
  const style = styleOf(random);
  const { indent: i, semi: s, q } = style;
  const domain = domainOf(random);
  const key = storageKey(random, app, ['id_token', 'token']);
  const field = random.pick(FIELDS);
  const extension = random.pick(['js', 'ts']);
  const typed = extension === 'ts';
  return [
    {
      name: 'auth',
      extension,
      text:
        `import auth0 from ${q('auth0-js')}${s}\n\n` +
        `export const webAuth = new auth0.WebAuth(${webAuthOptions(random, style, q(domain))})${s}\n\n` +
        `export function handleCallback()${typed ? ': void' : ''} {\n` +
        `${i}webAuth.parseHash((err, authResult) => {\n` +
        `${i}${i}if (err || !authResult) return${s}\n` +
        `${i}${i}localStorage.setItem(${q(key)}, authResult.idToken${typed ? ' as string' : ''})${s}\n` +
        `${i}${i}localStorage.setItem(${q('sub')}, authResult.idTokenPayload.sub)${s}\n` +
        `${i}})${s}\n}\n`,
    },
    {
      name: 'page',
      extension,
      text:
        `${filler(random, style, typed)}\n` +
        `export function save${field[0].toUpperCase()}${field.slice(1)}(value${typed ? ': string' : ''}) {\n` +
        `${i}return fetch(${q(`https://${domain}/api/v2/users/`)} + localStorage.getItem(${q('sub')}), {\n` +
        `${i}${i}method: ${q('PATCH')},\n` +
        `${i}${i}headers: { ${q('Content-Type')}: ${q('application/json')}, Authorization: ${q('Bearer ')} + localStorage.getItem(${q(key)}) },\n` +
        `${i}${i}body: JSON.stringify({ user_metadata: { ${field}: value } }),\n` +
        `${i}})${s}\n}\n`,
    },
  ];
}

const SHAPES = [
  ['webauth-management', webAuthManagement],
  ['fetch-stored', fetchStored],
  ['jquery-ajax', jqueryAjax],
  ['lock', lockManagement],
  ['spa-js', spaJs],
  ['cross-module', crossModule],
];

/**
 * `count` legacy files (a cross-module app counts as two) as `{ path, text, shape }`, paths relative to the tree
 * root, each app in its own directory.
 */
export function legacyFiles(random, count) {
  const files = [];
  for (let app = 0; files.length < count; app++) {
    const [shape, generate] = count - files.length >= 2 ? random.pick(SHAPES) : random.pick(SHAPES.slice(0, -1));
    const directory = `app/${String(app).padStart(4, '0')}-${shape}`;
    const generated = generate(random, app);
    for (const file of Array.isArray(generated) ? generated : [{ name: random.pick(PAGES), ...generated }]) {
      files.push({ path: `${directory}/${file.name}.${file.extension}`, text: file.text, shape });
    }
  }
  return files;
}
