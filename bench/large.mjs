/**
 * Large Auth0-related files for the memory benchmark: hand-written-looking JavaScript of a given size, in two shapes.
 * `mixed` is one login (`new auth0.WebAuth`) and one Management call made with its ID token, among ordinary
 * application code (DOM rendering, configuration objects, validation); `repeated` is one such flow written again and
 * again under new names, so that every part of the file is Auth0-related. Deterministic: file `i` is always the same.
 *
 *   node bench/large.mjs <dir> <count> [--kb 900] [--shape mixed|repeated]   writes the files and prints a summary
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const SHAPES = ['mixed', 'repeated'];

/** A login and a Management call made with its ID token; `n` keeps the names of each copy apart. */
function auth0Flow(n) {
  return `var webAuth${n} = new auth0.WebAuth({
  domain: AUTH0_DOMAIN,
  clientID: AUTH0_CLIENT_ID,
  redirectUri: window.location.origin + '/callback-${n}.html',
  responseType: 'token id_token',
  scope: 'openid profile email',
});

function login${n}() {
  webAuth${n}.authorize();
}

function handleCallback${n}() {
  webAuth${n}.parseHash(function (err, authResult) {
    if (err || !authResult) return showError(err);
    loadProfile${n}(authResult.idTokenPayload.sub, authResult.idToken);
  });
}

function loadProfile${n}(id, idToken) {
  return fetch('https://' + AUTH0_DOMAIN + '/api/v2/users/' + id, {
    headers: { Authorization: 'Bearer ' + idToken },
  }).then(function (response) {
    return response.json();
  });
}

`;
}

/** Ordinary front-end code with no Auth0 in it: a renderer, a configuration object and a validator. */
function ordinaryCode(n) {
  return `var WIDGET_CONFIG_${n} = {
  id: ${n},
  name: 'widget-${n}',
  enabled: ${n % 2 === 0},
  thresholds: [${n % 7}, ${n % 11}, ${n % 13}],
  labels: { ok: 'Saved', failed: 'Could not save item ${n}', empty: 'Nothing to show yet' },
};

function renderWidget${n}(container, items) {
  var list = document.createElement('ul');
  list.className = 'widget widget-' + WIDGET_CONFIG_${n}.name;
  for (var index = 0; index < items.length; index++) {
    var item = items[index];
    var entry = document.createElement('li');
    entry.className = index % 2 === 0 ? 'even' : 'odd';
    entry.textContent = item.label + ' (' + item.count + ')';
    if (item.count > WIDGET_CONFIG_${n}.thresholds[0]) entry.classList.add('highlight');
    list.appendChild(entry);
  }
  if (items.length === 0) list.textContent = WIDGET_CONFIG_${n}.labels.empty;
  container.appendChild(list);
  return list.children.length;
}

function validateForm${n}(form) {
  var errors = [];
  var email = form.elements.email.value.trim();
  if (!/^[^@\\s]+@[^@\\s]+$/.test(email)) errors.push({ field: 'email', message: 'Enter a valid email address' });
  var quantity = Number(form.elements.quantity.value);
  if (!(quantity >= 1 && quantity <= 99)) errors.push({ field: 'quantity', message: 'Between 1 and 99' });
  return errors.length === 0 ? null : errors;
}

`;
}

const PREAMBLE = `/* Customer portal: login, profile and widgets. auth0.js v9 comes from the CDN as the global \`auth0\`. */
var AUTH0_DOMAIN = 'acme-portal.auth0.com';
var AUTH0_CLIENT_ID = 'k3XportalExampleClientId00000000';

function showError(err) {
  document.getElementById('error').textContent = String(err && err.description);
}

`;

/** One file of about `bytes` bytes (never less): the preamble, one flow, then the shape's blocks up to the size. */
export function largeFile(index, bytes, shape) {
  const parts = [PREAMBLE, auth0Flow(`${index}_0`)];
  let size = parts.join('').length;
  for (let block = 1; size < bytes; block++) {
    const part = shape === 'repeated' ? auth0Flow(`${index}_${block}`) : ordinaryCode(block);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** Writes `count` files of about `kb` KB into `directory` (emptied first): `portal-<i>.js`. */
export function writeLargeFiles(directory, count, { kb = 900, shape = 'mixed' } = {}) {
  if (!SHAPES.includes(shape)) throw new Error(`unknown shape '${shape}' (${SHAPES.join(', ')})`);
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const text = largeFile(index, kb * 1024, shape);
    fs.writeFileSync(path.join(directory, `portal-${index}.js`), text);
    bytes += text.length;
  }
  return { directory, files: count, shape, kb, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { kb: { type: 'string', default: '900' }, shape: { type: 'string', default: 'mixed' } },
  });
  const [directory, count] = positionals;
  if (!directory || !count)
    throw new Error('usage: node bench/large.mjs <dir> <count> [--kb 900] [--shape mixed|repeated]');
  process.stdout.write(
    `${JSON.stringify(writeLargeFiles(path.resolve(directory), Number(count), { kb: Number(values.kb), shape: values.shape }))}\n`,
  );
}
