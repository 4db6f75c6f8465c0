import rule from '../../rules/no-legacy-id-token-apis';
import { as, ruleTester } from '../rule-tester';
import { notJudged } from './shapes';

/** A resource-owner login on the retired /oauth/ro endpoint: reported in application code. */
const RO_LOGIN = `
export const login = (username, password) => fetch('https://acme.auth0.com/oauth/ro', { method: 'POST', body: JSON.stringify({ username, password, connection: 'db' }) });`;

ruleTester.run('no-legacy-id-token-apis', rule, {
  valid: [
    {
      name: 'legacy endpoint URLs in assertions (expect/assert/should) are not calls, even outside test files',
      filename: 'src/login-urls.js',
      code: `
expect(url).to.be('https://me.auth0.com/oauth/ro');
assert.equal(u, 'https://acme.auth0.com/tokeninfo');
url.should.equal('https://acme.auth0.com/delegation');`,
    },
    ...notJudged(RO_LOGIN),
    {
      name: "Lock 11's getProfile(accessToken) is getUserInfo under another name",
      filename: as.js,
      code: `
var lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { responseType: 'token id_token' } });
lock.on('authenticated', function (authResult) {
  lock.getProfile(authResult.accessToken, function (error, profile) {});
});`,
    },
    {
      name: 'unrelated getProfile, refreshToken and delegation methods',
      filename: as.ts,
      code: `
import { AuthenticationClient } from 'auth0';
import { ApiClient } from './api';
declare const idToken: string;
const api = new ApiClient();
api.getProfile(idToken);
api.getDelegationToken();
userService.getProfile(idToken);
new AuthenticationClient({ domain: 'acme.auth0.com', clientId: 'abc' }).refreshToken({ refresh_token: 'r' });
class Session {
  renewIdToken() {}
  delegation() {}
  refresh() { this.renewIdToken(); }
}`,
    },
    {
      name: "the app's own /delegation and /tokeninfo routes, and current Auth0 endpoints",
      filename: as.tsx,
      code: `
import { WebAuth } from 'auth0-js';
const domain = 'acme.auth0.com';
const webAuth = new WebAuth({ domain, clientID: 'abc' });
declare const apiBase: string;
fetch('/delegation', { method: 'POST' });
fetch(\`\${apiBase}/delegation\`);
fetch('http://localhost:3000/tokeninfo');
fetch(\`https://\${domain}/userinfo\`);
fetch(\`https://\${domain}/oauth/token\`);
fetch(\`https://\${domain}/oauth/revoke\`);
fetch('https://acme.auth0.com/api/tokeninfo');
export const Help = () => <p>{'We no longer call /tokeninfo'}</p>;`,
    },
    {
      name: 'auth0.js v8+ userInfo and checkSession',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.checkSession({}, (err, result) => webAuth.client.userInfo(result.accessToken, () => {}));`,
    },
    {
      name: 'getProfile with a token the code cannot place is left alone',
      filename: as.js,
      code: `
var lock = new Auth0Lock('abc', 'acme.auth0.com');
function show(token) { lock.getProfile(token, function () {}); }`,
    },
  ],
  invalid: [
    {
      name: 'auth0.js v7: getProfile, refreshToken, getDelegationToken, renewIdToken, callbackOnLocationHash',
      filename: as.js,
      code: `
var auth0 = new Auth0({ domain: 'acme.auth0.com', clientID: 'abc', callbackURL: location.href, callbackOnLocationHash: true });
var result = auth0.parseHash(window.location.hash);
auth0.getProfile(result.idToken, function (err, profile) {});
auth0.refreshToken(result.refreshToken, function (err, delegation) {});
auth0.getDelegationToken({ id_token: result.idToken, api: 'firebase' }, function () {});
auth0.renewIdToken(result.idToken, function () {});`,
      errors: [
        {
          messageId: 'legacyApi',
          line: 2,
          data: { api: 'callbackOnLocationHash', replacement: "responseType: 'token id_token'", review: '' },
        },
        {
          messageId: 'legacyApi',
          line: 4,
          data: { api: 'getProfile', replacement: 'userInfo(accessToken) (/userinfo)', review: '' },
        },
        {
          messageId: 'legacyApi',
          line: 5,
          data: {
            api: 'refreshToken',
            replacement: 'checkSession or a refresh-token grant on /oauth/token',
            review: '',
          },
        },
        { messageId: 'legacyApi', line: 6 },
        { messageId: 'legacyApi', line: 7 },
      ],
    },
    {
      name: 'auth0.js v7 from require, called without new',
      filename: as.js,
      code: `
const Auth0 = require('auth0-js');
const client = Auth0({ domain: 'acme.auth0.com', clientID: 'abc', callbackOnLocationHash: false });
client.getProfile(localStorage.getItem('userToken'), () => {});`,
      errors: [
        {
          messageId: 'legacyApi',
          line: 3,
          data: { api: 'callbackOnLocationHash', replacement: "responseType: 'code'", review: '' },
        },
        { messageId: 'legacyApi', line: 4 },
      ],
    },
    {
      name: 'Lock 10 getProfile with the ID token of the authenticated result',
      filename: as.jsx,
      code: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com');
lock.on('authenticated', (authResult) => {
  localStorage.setItem('idToken', authResult.idToken);
  lock.getProfile(authResult.idToken, (error, profile) => {});
});`,
      errors: [
        {
          messageId: 'legacyApi',
          line: 6,
          data: { api: 'getProfile', replacement: 'getUserInfo(accessToken) (/userinfo)', review: '' },
        },
      ],
    },
    {
      name: 'angular-lock: an injected lock that emits authenticated, getProfile with the stored ID token',
      filename: as.js,
      code: `
angular.module('app').run(function (lock) {
  lock.interceptHash();
  lock.on('authenticated', function (authResult) { localStorage.setItem('id_token', authResult.idToken); });
  lock.getProfile(localStorage.getItem('id_token'), function (error, profile) {});
});`,
      errors: [{ messageId: 'legacyApi', line: 5 }],
    },
    {
      name: 'Lock getProfile with a token only its name calls an ID token needs review',
      filename: as.js,
      options: [{ reportNeedsManual: true }],
      code: `
var lock = new Auth0Lock('abc', 'acme.auth0.com');
function show(idToken) { lock.getProfile(idToken, function () {}); }`,
      errors: [
        {
          messageId: 'legacyApi',
          line: 3,
          data: {
            api: 'getProfile',
            replacement: 'getUserInfo(accessToken) (/userinfo)',
            review: ' (needs manual review)',
          },
        },
      ],
    },
    {
      name: "Lock 9's bundled auth0.js client",
      filename: as.js,
      code: `
var lock = new Auth0Lock('abc', 'acme.auth0.com');
lock.getClient().refreshToken(localStorage.getItem('refresh_token'), function () {});`,
      errors: [{ messageId: 'legacyApi', line: 3 }],
    },
    {
      name: 'auth0.js Authentication#delegation and loginWithResourceOwner (TypeScript)',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc' });
const authentication = new auth0.Authentication({ domain: 'acme.auth0.com', clientID: 'abc' });
webAuth.client.delegation({ id_token: 'x', api_type: 'firebase' }, () => {});
authentication.delegation({ id_token: 'x' }, () => {});
authentication.loginWithResourceOwner({ username: 'a', password: 'b', connection: 'db' }, () => {});`,
      errors: [
        { messageId: 'legacyApi', line: 5 },
        { messageId: 'legacyApi', line: 6 },
        { messageId: 'legacyApi', line: 7 },
      ],
    },
    {
      name: 'node-auth0 tokens.getInfo and oauth.signIn on a server',
      filename: as.ts,
      code: `
import { AuthenticationClient } from 'auth0';
const authentication = new AuthenticationClient({ domain: 'acme.auth0.com', clientId: 'abc' });
export const profile = (idToken: string) => authentication.tokens.getInfo(idToken);
export const signIn = () => authentication.oauth.signIn({ username: 'a', password: 'b', connection: 'db' });`,
      errors: [
        { messageId: 'legacyApi', line: 4 },
        { messageId: 'legacyApi', line: 5 },
      ],
    },
    {
      name: 'legacy endpoints on the Auth0 tenant, however the URL is built',
      filename: as.ts,
      code: `
import { WebAuth } from 'auth0-js';
const domain = window.env.domain;
const webAuth = new WebAuth({ domain, clientID: 'abc' });
declare const AUTH0_DOMAIN: string;
fetch('https://acme.auth0.com/tokeninfo', { method: 'POST' });
fetch('https://acme.eu.auth0.com/tokeninfo?id_token=' + localStorage.getItem('id_token'));
fetch('https://' + AUTH0_DOMAIN + '/delegation', { method: 'POST' });
fetch(\`https://\${domain}/oauth/ro\`, { method: 'POST' });`,
      errors: [
        {
          messageId: 'legacyApi',
          line: 6,
          data: {
            api: '/tokeninfo',
            replacement: '/userinfo with the access token (getUserInfo / userInfo)',
            review: '',
          },
        },
        { messageId: 'legacyApi', line: 7 },
        {
          messageId: 'legacyApi',
          line: 8,
          data: {
            api: '/delegation',
            replacement: 'an access token for the API from /authorize or /oauth/token',
            review: '',
          },
        },
        {
          messageId: 'legacyApi',
          line: 9,
          data: {
            api: '/oauth/ro',
            replacement: '/oauth/token with grant_type password (or password-realm) and an audience',
            review: '',
          },
        },
      ],
    },
    {
      name: 'the same legacy endpoint URLs passed to fetch are calls',
      filename: 'src/login-urls.js',
      code: `
fetch('https://me.auth0.com/oauth/ro', { method: 'POST' });
fetch('https://acme.auth0.com/tokeninfo', { method: 'POST' });
fetch('https://acme.auth0.com/delegation', { method: 'POST' });`,
      errors: [
        {
          messageId: 'legacyApi',
          line: 2,
          data: {
            api: '/oauth/ro',
            replacement: '/oauth/token with grant_type password (or password-realm) and an audience',
            review: '',
          },
        },
        {
          messageId: 'legacyApi',
          line: 3,
          data: {
            api: '/tokeninfo',
            replacement: '/userinfo with the access token (getUserInfo / userInfo)',
            review: '',
          },
        },
        {
          messageId: 'legacyApi',
          line: 4,
          data: {
            api: '/delegation',
            replacement: 'an access token for the API from /authorize or /oauth/token',
            review: '',
          },
        },
      ],
    },
    {
      name: 'an assertion next to a call: only the call is reported',
      filename: 'src/login.js',
      code: `
expect(loginUrl).to.be('https://me.auth0.com/oauth/ro');
export const login = (body) => fetch('https://me.auth0.com/oauth/ro', { method: 'POST', body });`,
      errors: [
        {
          messageId: 'legacyApi',
          line: 3,
          data: {
            api: '/oauth/ro',
            replacement: '/oauth/token with grant_type password (or password-realm) and an audience',
            review: '',
          },
        },
      ],
    },
    {
      name: 'the /oauth/ro login of the not-judged cases is reported in application code',
      filename: as.js,
      code: RO_LOGIN,
      errors: [
        {
          messageId: 'legacyApi',
          line: 2,
          data: {
            api: '/oauth/ro',
            replacement: '/oauth/token with grant_type password (or password-realm) and an audience',
            review: '',
          },
        },
      ],
    },
  ],
});
