import rule from '../../rules/require-token-response-type';
import { as, ruleTester } from '../rule-tester';
import {
  ID_TOKEN_LOGIN,
  LINKING_LOCK,
  M2M_CLIENT_CREDENTIALS,
  M2M_FROM_BACKEND,
  needsManual,
  notJudged,
  TS_IMPORTS,
  tsLogin,
} from './shapes';

ruleTester.run('require-token-response-type', rule, {
  valid: [
    {
      name: 'a linking login that reassigns the shared lock variable: its response type is not judged',
      filename: as.js,
      options: needsManual,
      code: LINKING_LOCK,
    },
    {
      name: 'a machine-to-machine token read off the app backend: the ID-token-only login may stay so',
      filename: as.js,
      options: needsManual,
      code: M2M_FROM_BACKEND,
    },
    {
      name: "a client-credentials response's access_token: the ID-token-only login may stay so",
      filename: as.js,
      options: needsManual,
      code: M2M_CLIENT_CREDENTIALS,
    },
    ...notJudged(ID_TOKEN_LOGIN),
    // A host the code computes (`${tenant}.eu.auth0.com`): no edit can add the audience, so the login is left as it
    // is (require-management-audience reports what blocks it) and its tokens stay ID tokens.
    {
      filename: as.tsx,
      code: `
export const Login = ({ tenant }: { tenant: string }) => <a href={\`https://\${tenant}.eu.auth0.com/authorize?response_type=id_token&scope=openid+read:current_user&client_id=abc\`}>Log in</a>;`,
    },
    {
      name: 'auth0.js already asks for an access token',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token token', audience: 'https://acme.auth0.com/api/v2/' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.accessToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
    },
    {
      name: 'a code flow is never touched',
      filename: as.ts,
      code: `
import { WebAuth } from 'auth0-js';
export const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'code', scope: 'openid read:current_user' });`,
    },
    {
      name: 'an ID-token login whose tokens never reach the Management API',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid profile' });`,
    },
    {
      name: 'Lock 10/11 without a response type defaults to token',
      filename: as.js,
      code: `
import Auth0Lock from 'auth0-lock';
const lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { audience: 'https://acme.auth0.com/api/v2/', params: { scope: 'openid read:current_user' } } });
lock.on('authenticated', (authResult) => fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } }));`,
    },
    {
      name: 'renewAuth defaults to token',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token' });
webAuth.renewAuth({ audience: 'https://acme.auth0.com/api/v2/', scope: 'read:current_user' }, (err, result) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: result.accessToken }).getUser(result.idTokenPayload.sub, () => {});
});`,
    },
    {
      name: 'the ID token of a secondary login only goes into linkUser',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', audience: 'https://acme.auth0.com/api/v2/' });
const secondary = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });
webAuth.parseHash((err, primary) => {
  secondary.popup.authorize({}, (error, other) => {
    new auth0.Management({ domain: 'acme.auth0.com', token: primary.accessToken }).linkUser(primary.idTokenPayload.sub, other.idToken, () => {});
  });
});`,
    },
    {
      name: 'the redirect call sets its own response type, which is the one the login uses',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', audience: 'https://acme.auth0.com/api/v2/' });
webAuth.authorize({ responseType: 'token id_token' });`,
    },
    {
      name: 'spa-js has no response type',
      filename: as.ts,
      code: `
import { createAuth0Client } from '@auth0/auth0-spa-js';
export const client = await createAuth0Client({ domain: 'acme.auth0.com', clientId: 'abc', authorizationParams: { scope: 'openid read:current_user' } });`,
    },
    {
      name: "another provider's /authorize with response_type=id_token",
      filename: as.js,
      code: `
location.href = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?response_type=id_token&scope=openid%20read:current_user&client_id=abc';`,
    },
    {
      name: 'auth0.js v7 cannot ask for the api/v2 audience, so token would bring no Management token (the audience rule reports it)',
      filename: as.js,
      code: `
var auth = new Auth0({ domain: 'acme.auth0.com', clientID: 'abc', callbackURL: location.href, responseType: 'id_token', scope: 'openid read:current_user' });`,
    },
    {
      name: 'a token for another API: the Management token is a second request, not this response type',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', audience: 'https://api.acme.com', scope: 'openid read:current_user' });`,
    },
    {
      name: 'the only Management call needs a backend (root attributes): no reason to migrate the login',
      filename: as.ts,
      code: `
import { WebAuth, Management } from 'auth0-js';
const webAuth = new WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token', scope: 'openid' });
webAuth.parseHash((err, authResult) => {
  new Management({ domain: 'acme.auth0.com', token: authResult.idToken }).patchUserAttributes(authResult.idTokenPayload.sub, { name: 'New Name' }, () => {});
});`,
    },
    {
      name: 'a response type the code computes cannot be checked',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: settings.responseType, scope: 'openid read:current_user' });`,
    },
  ],
  invalid: [
    {
      name: 'auth0.js: token added in front, id_token kept',
      filename: as.js,
      code: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({
  domain: 'acme.auth0.com',
  clientID: 'abc',
  responseType: 'id_token',
  audience: 'https://acme.auth0.com/api/v2/',
});
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
      output: `
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({
  domain: 'acme.auth0.com',
  clientID: 'abc',
  responseType: 'token id_token',
  audience: 'https://acme.auth0.com/api/v2/',
});
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
      errors: [
        {
          messageId: 'missingTokenResponseType',
          line: 6,
          data: { responseType: 'id_token', fixed: 'token id_token', review: '' },
        },
      ],
    },
    {
      name: 'TS with double quotes: the quote style is kept',
      filename: as.ts,
      code: `
import { WebAuth } from "auth0-js";
export const webAuth = new WebAuth({ domain: "acme.auth0.com", clientID: "abc", responseType: "id_token", scope: "openid update:current_user_metadata" });`,
      output: `
import { WebAuth } from "auth0-js";
export const webAuth = new WebAuth({ domain: "acme.auth0.com", clientID: "abc", responseType: "token id_token", scope: "openid update:current_user_metadata" });`,
      errors: [{ messageId: 'missingTokenResponseType' }],
    },
    {
      name: 'Lock: auth.responseType',
      filename: as.js,
      code: `
const lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { responseType: 'id_token', params: { scope: 'openid' } } });
lock.on('authenticated', (authResult) => {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.idToken } });
});`,
      output: `
const lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { responseType: 'token id_token', params: { scope: 'openid' } } });
lock.on('authenticated', (authResult) => {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.idToken } });
});`,
      errors: [{ messageId: 'missingTokenResponseType', line: 2 }],
    },
    {
      name: 'checkSession: the per-call response type of the call whose token is sent',
      filename: as.ts,
      code: `
import auth0 from 'auth0-js';
const domain = 'acme.auth0.com';
const webAuth = new auth0.WebAuth({ domain, clientID: 'abc', responseType: 'token id_token', audience: 'https://api.acme.com' });
webAuth.checkSession({ audience: \`https://\${domain}/api/v2/\`, scope: 'read:current_user', responseType: 'id_token' }, (err, result) => {
  new auth0.Management({ domain, token: result.idToken }).getUser(result.idTokenPayload.sub, () => {});
});`,
      output: `
import auth0 from 'auth0-js';
const domain = 'acme.auth0.com';
const webAuth = new auth0.WebAuth({ domain, clientID: 'abc', responseType: 'token id_token', audience: 'https://api.acme.com' });
webAuth.checkSession({ audience: \`https://\${domain}/api/v2/\`, scope: 'read:current_user', responseType: 'token id_token' }, (err, result) => {
  new auth0.Management({ domain, token: result.idToken }).getUser(result.idTokenPayload.sub, () => {});
});`,
      errors: [{ messageId: 'missingTokenResponseType', line: 5 }],
    },
    {
      name: 'a redirect authorize() sets the response type of the shared parseHash result',
      filename: as.js,
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: 'https://acme.auth0.com/api/v2/' });
webAuth.authorize({ responseType: 'id_token', scope: 'openid' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
      output: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: 'https://acme.auth0.com/api/v2/' });
webAuth.authorize({ responseType: 'token id_token', scope: 'openid' });
webAuth.parseHash((err, authResult) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => {});
});`,
      errors: [{ messageId: 'missingTokenResponseType', line: 3 }],
    },
    {
      name: 'AngularJS angularAuth0Provider.init',
      filename: as.js,
      code: `
angular.module('app').config(function (angularAuth0Provider) {
  angularAuth0Provider.init({ clientID: 'abc', domain: 'acme.auth0.com', responseType: 'id_token', scope: 'openid read:current_user' });
});`,
      output: `
angular.module('app').config(function (angularAuth0Provider) {
  angularAuth0Provider.init({ clientID: 'abc', domain: 'acme.auth0.com', responseType: 'token id_token', scope: 'openid read:current_user' });
});`,
      errors: [{ messageId: 'missingTokenResponseType' }],
    },
    {
      name: 'raw /authorize URL: response_type URL-encoded, the rest of the literal byte-identical',
      filename: as.js,
      code: `
const loginUrl = 'https://acme.auth0.com/authorize?response_type=id_token&client_id=abc&scope=openid%20read%3Acurrent_user&nonce=n';`,
      output: `
const loginUrl = 'https://acme.auth0.com/authorize?response_type=token%20id_token&client_id=abc&scope=openid%20read%3Acurrent_user&nonce=n';`,
      errors: [{ messageId: 'missingTokenResponseType', line: 2 }],
    },
    ...TS_IMPORTS.map(([how, imports, management]) => ({
      name: `auth0.js in TypeScript through ${how}`,
      filename: as.ts,
      code: tsLogin(imports, management),
      output: tsLogin(imports, management, { responseType: 'token id_token' }),
      errors: [
        {
          messageId: 'missingTokenResponseType' as const,
          line: imports.split('\n').length + 2,
          data: { responseType: 'id_token', fixed: 'token id_token', review: '' },
        },
      ],
    })),
    {
      name: 'the ID-token login of the not-judged cases is reported in application code',
      filename: 'src/profile.js',
      code: ID_TOKEN_LOGIN,
      output: ID_TOKEN_LOGIN.replace("responseType: 'id_token'", "responseType: 'token id_token'"),
      errors: [
        {
          messageId: 'missingTokenResponseType',
          line: 2,
          data: { responseType: 'id_token', fixed: 'token id_token', review: '' },
        },
      ],
    },
  ],
});
