/** `no-id-token-for-management-api` over raw HTTP transports and interceptors (no Auth0 Management SDK client). */
import rule from '../../rules/no-id-token-for-management-api';
import { as, ruleTester } from '../rule-tester';

const proven = { review: '' };
const review = { review: ' (needs manual review)' };

ruleTester.run('no-id-token-for-management-api (raw HTTP)', rule, {
  valid: [
    // Access tokens are the right credential, whatever the transport.
    {
      code: `
import { useAuth0 } from '@auth0/auth0-react';
export function useProfile() {
  const { getAccessTokenSilently, user } = useAuth0();
  return async () => {
    const token = await getAccessTokenSilently({ authorizationParams: { audience: \`https://\${domain}/api/v2/\` } });
    return fetch(\`https://\${domain}/api/v2/users/\${user.sub}\`, { headers: { Authorization: \`Bearer \${token}\` } });
  };
}
`,
      filename: as.jsx,
    },
    // The secondary account's ID token belongs in the link_with body.
    {
      code: `
$.ajax({
  type: 'POST',
  url: 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + primaryId + '/identities',
  data: { link_with: secondary.idToken },
  headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') },
});
`,
      filename: as.js,
    },
    // ID tokens sent to other APIs: Zendesk, the app's own backend, relative paths.
    {
      code: `
const idToken = localStorage.getItem('id_token');
fetch('https://acme.zendesk.com/api/v2/users/' + id + '.json', { headers: { Authorization: 'Bearer ' + idToken } });
axios.get('http://localhost:5000/api/v2/users', { headers: { Authorization: 'Bearer ' + idToken } });
$.ajax({ url: '/api/v2/users/' + id + '/books', headers: { Authorization: 'Bearer ' + idToken } });
`,
      filename: as.js,
    },
    // angular-jwt that whitelists only the app's own API, or nothing (other origins never get the token).
    {
      code: `
import { JwtModule } from '@auth0/angular-jwt';
export const jwt = JwtModule.forRoot({ config: { tokenGetter: () => localStorage.getItem('id_token'), allowedDomains: ['localhost:3001', 'api.example.com'] } });
export class ProfileService {
  constructor(private http: HttpClient) {}
  load(id: string) { return this.http.get(\`https://\${environment.auth0Domain}/api/v2/users/\${id}\`); }
}
`,
      filename: as.ts,
    },
    {
      code: `
JwtModule.forRoot({ config: { tokenGetter: () => localStorage.getItem('id_token') } });
`,
      filename: as.ts,
    },
    // AngularJS interceptor with an ID token but no Management call through $http in the file.
    {
      code: `
angular.module('app').config(function (jwtInterceptorProvider, $httpProvider) {
  jwtInterceptorProvider.tokenGetter = function (auth) { return auth.idToken; };
  $httpProvider.interceptors.push('jwtInterceptor');
});
`,
      filename: as.js,
    },
    // Interceptors that send an access token, or a token the code cannot classify.
    {
      code: `
JwtModule.forRoot({ config: { tokenGetter: () => localStorage.getItem('access_token'), whitelistedDomains: ['acme.auth0.com'] } });
new AuthConfig({ headerPrefix: 'Bearer' });
$.ajaxSetup({ headers: { Authorization: 'Bearer ' + localStorage.getItem('access_token') } });
`,
      filename: as.ts,
    },
    // angular2-jwt with an ID token and no Management call in the file: only reported for review.
    {
      code: `
export function authHttpServiceFactory(http: Http, options: RequestOptions) {
  return new AuthHttp(new AuthConfig({ tokenName: 'id_token' }), http, options);
}
`,
      filename: as.ts,
    },
    // A host the code does not prove to be Auth0, and a Zendesk URL built with new URL.
    {
      code: `
const idToken = localStorage.getItem('id_token');
fetch(\`https://\${host}/api/v2/users/\${id}\`, { headers: { Authorization: 'Bearer ' + idToken } });
fetch(new URL(\`/api/v2/users/\${id}.json\`, 'https://acme.zendesk.com'), { headers: { Authorization: 'Bearer ' + idToken } });
`,
      filename: as.js,
    },
    // A server using a machine-to-machine token.
    {
      code: `
const request = require('request-promise-native');
module.exports = async function getUsers(managementToken) {
  return request({ uri: 'https://' + process.env.AUTH0_DOMAIN + '/api/v2/users', auth: { bearer: managementToken }, json: true });
};
`,
      filename: as.js,
    },
  ],
  invalid: [
    // fetch, with the token from the login result.
    {
      code: `
webAuth.parseHash(function (err, authResult) {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, {
    headers: { Authorization: 'Bearer ' + authResult.idToken },
  });
});
`,
      filename: as.js,
      errors: [
        { messageId: 'idTokenCredential', line: 4, data: { source: 'authResult.idToken', ...proven }, suggestions: [] },
      ],
    },
    // The login provably returns an access token too: suggest sending it.
    {
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', scope: 'openid' });
webAuth.parseHash((err, authResult) => {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.idToken } });
});
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 4,
          data: { source: 'authResult.idToken', ...proven },
          suggestions: [
            {
              messageId: 'useAccessToken',
              data: { replacement: 'authResult.accessToken' },
              output: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token', scope: 'openid' });
webAuth.parseHash((err, authResult) => {
  fetch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub, { headers: { Authorization: 'Bearer ' + authResult.accessToken } });
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('id_token', authResult.idToken);
  localStorage.setItem('access_token', authResult.accessToken);
});
$.ajax({ url: 'https://acme.auth0.com/api/v2/users/' + id, headers: { Authorization: 'Bearer ' + localStorage.getItem("id_token") } });
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 7,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [
            {
              messageId: 'useAccessToken',
              data: { replacement: 'localStorage.getItem("access_token")' },
              output: `
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token' });
webAuth.parseHash(function (err, authResult) {
  localStorage.setItem('id_token', authResult.idToken);
  localStorage.setItem('access_token', authResult.accessToken);
});
$.ajax({ url: 'https://acme.auth0.com/api/v2/users/' + id, headers: { Authorization: 'Bearer ' + localStorage.getItem("access_token") } });
`,
            },
          ],
        },
      ],
    },
    // window.fetch with a Headers object.
    {
      code: `
const headers = new Headers();
headers.append('Authorization', 'Bearer ' + localStorage.getItem('id_token'));
window.fetch(\`https://\${AUTH0_DOMAIN}/api/v2/users/\${userId}\`, { headers });
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 3,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    // axios: verb with data and config, config form, instance default headers, global defaults.
    {
      code: `
import axios from 'axios';
const idToken = localStorage.getItem('id_token') as string;
export function saveTheme(userId: string, theme: string) {
  return axios.patch(\`https://\${AUTH0_DOMAIN}/api/v2/users/\${userId}\`, { user_metadata: { theme } }, { headers: { Authorization: \`Bearer \${idToken}\` } });
}
`,
      filename: as.ts,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 5,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    {
      code: `
import axios from 'axios';
axios({
  method: 'DELETE',
  url: \`https://\${AUTH0_DOMAIN}/api/v2/users/\${sub}/identities/\${provider}/\${secondaryId}\`,
  headers: { authorization: 'Bearer ' + sessionStorage.getItem('id_token') },
});
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 6,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    {
      code: `
import axios from 'axios';
const management = axios.create({
  baseURL: \`https://\${AUTH0_DOMAIN}/api/v2/\`,
  headers: { Authorization: \`Bearer \${localStorage.getItem('id_token')}\` },
});
export const getProfile = (id) => management.get(\`users/\${id}\`);
export const saveProfile = (id, user_metadata) => management.patch(\`users/\${id}\`, { user_metadata });
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 5,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    {
      code: `
const axios = require('axios');
lock.on('authenticated', function (authResult) {
  axios.defaults.headers.common['Authorization'] = 'Bearer ' + authResult.idToken;
});
axios.get('https://acme.auth0.com/api/v2/users/' + userId);
`,
      filename: as.js,
      errors: [
        { messageId: 'idTokenCredential', line: 4, data: { source: 'authResult.idToken', ...proven }, suggestions: [] },
      ],
    },
    // AngularJS $http: config form (link body keeps its ID token) and verb form.
    {
      code: `
angular.module('app').controller('Link', function ($http, store) {
  this.link = function (secondary) {
    return $http({
      method: 'POST',
      url: 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + this.profile.user_id + '/identities',
      headers: { Authorization: 'Bearer ' + store.get('id_token') },
      data: { link_with: secondary.idToken },
    });
  };
});
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 7,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    {
      code: `
function ProfileController($http, auth) {
  this.save = function (metadata) {
    return $http.patch('https://' + AUTH0_DOMAIN + '/api/v2/users/' + auth.profile.user_id, { user_metadata: metadata }, {
      headers: { Authorization: 'Bearer ' + auth.idToken },
    });
  };
}
`,
      filename: as.js,
      errors: [
        { messageId: 'idTokenCredential', line: 5, data: { source: 'auth.idToken', ...proven }, suggestions: [] },
      ],
    },
    // jQuery: headers and beforeSend.
    {
      code: `
$.ajax({
  method: 'patch',
  url: 'https://acme.auth0.com/api/v2/users/' + userId,
  headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') },
  data: JSON.stringify({ user_metadata: metadata }),
});
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 5,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    {
      code: `
jQuery.ajax('https://acme.auth0.com/api/v2/users/' + userId, {
  beforeSend: function (xhr) {
    xhr.setRequestHeader('Authorization', 'Bearer ' + localStorage.getItem('id_token'));
  },
});
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 4,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    // browser-request with auth.bearer, and request on a server (regular web app linking with the user's ID token).
    {
      code: `
var request = require('browser-request');
request.patch({ url: 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + id, auth: { bearer: localStorage.getItem('id_token') }, json: { user_metadata: md } }, done);
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 3,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    {
      code: `
const request = require('request');
module.exports = function link(req, res) {
  request({
    method: 'POST',
    url: 'https://' + process.env.AUTH0_DOMAIN + '/api/v2/users/' + req.user.id + '/identities',
    headers: { authorization: 'Bearer ' + req.session.id_token },
    body: JSON.stringify({ link_with: req.body.secondaryToken }),
  }, () => res.end());
};
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenCredentialServer',
          line: 7,
          data: { source: 'req.session.id_token', ...proven },
          suggestions: [],
        },
      ],
    },
    // superagent: a chain, superagent imported as `request`, and `.auth(token, { type: 'bearer' })`.
    {
      code: `
import request from 'superagent';
export function save(authResult, metadata) {
  return request.patch('https://acme.auth0.com/api/v2/users/' + authResult.idTokenPayload.sub)
    .set('Authorization', 'Bearer ' + authResult.idToken)
    .send({ user_metadata: metadata });
}
`,
      filename: as.js,
      errors: [
        { messageId: 'idTokenCredential', line: 5, data: { source: 'authResult.idToken', ...proven }, suggestions: [] },
      ],
    },
    {
      code: `
const superagent = require('superagent');
superagent.del('https://acme.auth0.com/api/v2/device-credentials/' + id).auth(localStorage.getItem('id_token'), { type: 'bearer' }).end(done);
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 3,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    // XMLHttpRequest.
    {
      code: `
var xhr = new XMLHttpRequest();
xhr.open('GET', 'https://' + AUTH0_DOMAIN + '/api/v2/users/' + userId + '/enrollments');
xhr.setRequestHeader('Authorization', 'Bearer ' + localStorage.getItem('id_token'));
xhr.send();
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 4,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    // Angular HttpClient with HttpHeaders and with a plain headers object.
    {
      code: `
import { Injectable } from '@angular/core';
import { HttpClient, HttpHeaders } from '@angular/common/http';

@Injectable({ providedIn: 'root' })
export class ProfileService {
  constructor(private http: HttpClient) {}

  save(userId: string, metadata: object) {
    const headers = new HttpHeaders()
      .set('Content-Type', 'application/json')
      .set('Authorization', \`Bearer \${localStorage.getItem('id_token')}\`);
    return this.http.patch(\`https://\${environment.auth0.domain}/api/v2/users/\${userId}\`, { user_metadata: metadata }, { headers });
  }

  load(userId: string) {
    return this.http.get(\`https://\${environment.auth0.domain}/api/v2/users/\${userId}\`, {
      headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') },
    });
  }
}
`,
      filename: as.ts,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 12,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
        {
          messageId: 'idTokenFromStorage',
          line: 18,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    // axios.request with an URL object, jQuery inside an IIFE with urljoin, Vue's this.$axios, request-promise.
    {
      code: `
import axios from 'axios';
export function loadEnrollments(userId: string, idToken: string) {
  const url = new URL(\`users/\${encodeURIComponent(userId)}/enrollments\`, \`https://\${AUTH0_DOMAIN}/api/v2/\`);
  return axios.request({ url: url.toString(), headers: { Authorization: \`Bearer \${idToken}\` } });
}
`,
      filename: as.ts,
      options: [{ reportNeedsManual: true }],
      errors: [{ messageId: 'idTokenCredential', line: 5, data: { source: 'idToken', ...review }, suggestions: [] }],
    },
    {
      code: `
(function ($) {
  $.ajax({
    url: urljoin('https://' + AUTH0_DOMAIN, 'api/v2/users', userId),
    type: 'PATCH',
    data: JSON.stringify({ user_metadata: { locale: 'fr' } }),
    beforeSend: function (xhr) { xhr.setRequestHeader('Authorization', 'Bearer ' + window.localStorage.getItem('id_token')); },
  });
})(jQuery);
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 7,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    {
      code: `
export default {
  methods: {
    async loadProfile() {
      const { data } = await this.$axios.get(\`https://\${process.env.AUTH0_DOMAIN}/api/v2/users/\${this.userId}\`, {
        headers: { Authorization: \`Bearer \${localStorage.getItem('id_token')}\` },
      });
      this.profile = data;
    },
  },
};
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 6,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    {
      code: `
const rp = require('request-promise');
exports.profile = (req) => rp({ uri: 'https://acme.auth0.com/api/v2/users/' + req.user.sub, auth: { bearer: req.session.idToken }, json: true });
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenCredentialServer',
          line: 3,
          data: { source: 'req.session.idToken', ...proven },
          suggestions: [],
        },
      ],
    },
    // JSX: the encoded ID token from getIdTokenClaims().
    {
      code: `
import { useAuth0 } from '@auth0/auth0-react';
export function SaveButton({ metadata }) {
  const { getIdTokenClaims, user } = useAuth0();
  const save = async () => {
    const claims = await getIdTokenClaims();
    await fetch(\`https://\${process.env.REACT_APP_AUTH0_DOMAIN}/api/v2/users/\${user.sub}\`, {
      method: 'PATCH',
      headers: { Authorization: \`Bearer \${claims.__raw}\`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user_metadata: metadata }),
    });
  };
  return <button onClick={save}>Save</button>;
}
`,
      filename: as.jsx,
      errors: [
        { messageId: 'idTokenCredential', line: 9, data: { source: 'claims.__raw', ...proven }, suggestions: [] },
      ],
    },
    // TSX: axios in a component with the token from storage.
    {
      code: `
import axios from 'axios';
export function Unlink({ id, provider, secondary }: { id: string; provider: string; secondary: string }) {
  const unlink = () =>
    axios.delete(\`https://\${import.meta.env.VITE_AUTH0_DOMAIN}/api/v2/users/\${id}/identities/\${provider}/\${secondary}\`, {
      headers: { Authorization: \`Bearer \${localStorage.getItem('id_token')}\` },
    });
  return <button onClick={unlink}>Unlink</button>;
}
`,
      filename: as.tsx,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 6,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },

    // ------------------------------------------------------------------ interceptors
    // angular2-jwt: the file calls the Management API through AuthHttp.
    {
      code: `
import { AuthConfig, AuthHttp } from 'angular2-jwt';
export function authHttpServiceFactory(http: Http, options: RequestOptions) {
  return new AuthHttp(new AuthConfig({ tokenGetter: () => localStorage.getItem('id_token') }), http, options);
}
export class Profile {
  constructor(private authHttp: AuthHttp) {}
  save(id: string, user_metadata: object) {
    return this.authHttp.patch('https://' + AUTH0_DOMAIN + '/api/v2/users/' + id, { user_metadata });
  }
}
`,
      filename: as.ts,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 4,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    // angular2-jwt with no Management call in the file: for review.
    {
      code: `
export function authHttpServiceFactory(http: Http, options: RequestOptions) {
  return new AuthHttp(new AuthConfig({ tokenName: 'id_token' }), http, options);
}
`,
      filename: as.ts,
      options: [{ reportNeedsManual: true }],
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 3,
          data: { source: "storage key 'id_token'", ...review },
          suggestions: [],
        },
      ],
    },
    // @auth0/angular-jwt whitelisting the Auth0 tenant (JwtModule in a module file with no call).
    {
      code: `
import { NgModule } from '@angular/core';
import { JwtModule } from '@auth0/angular-jwt';

export function tokenGetter() {
  return localStorage.getItem('id_token');
}

const jwt = JwtModule.forRoot({ config: { tokenGetter: tokenGetter, whitelistedDomains: ['acme.auth0.com', 'localhost:3001'] } });

@NgModule({ imports: [jwt] })
export class AppModule {}
`,
      filename: as.ts,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 6,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    {
      code: `
JwtModule.forRoot({ config: { tokenGetter: () => localStorage.getItem('id_token'), allowedDomains: [environment.auth0Domain] } });
`,
      filename: as.ts,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 2,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    // A whitelist the code computes, and a Management call through HttpClient: for review.
    {
      code: `
JwtModule.forRoot({ config: { tokenGetter: () => localStorage.getItem('id_token'), allowedDomains: environment.allowedDomains } });
export class ProfileService {
  constructor(private http: HttpClient) {}
  load(id: string) { return this.http.get(\`https://\${environment.auth0Domain}/api/v2/users/\${id}\`); }
}
`,
      filename: as.ts,
      options: [{ reportNeedsManual: true }],
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 2,
          data: { source: "storage key 'id_token'", ...review },
          suggestions: [],
        },
      ],
    },
    // AngularJS angular-jwt with a $http call to the Management API and no visible header.
    {
      code: `
angular.module('app', ['angular-jwt'])
  .config(function (jwtInterceptorProvider, $httpProvider) {
    jwtInterceptorProvider.tokenGetter = function (auth) {
      return auth.idToken;
    };
    $httpProvider.interceptors.push('jwtInterceptor');
  })
  .controller('Profile', function ($http, auth) {
    this.save = function (attrs) {
      return $http.patch('https://' + AUTH0_DOMAIN + '/api/v2/users/' + auth.profile.user_id, { user_metadata: attrs });
    };
  });
`,
      filename: as.js,
      errors: [
        { messageId: 'idTokenCredential', line: 5, data: { source: 'auth.idToken', ...proven }, suggestions: [] },
      ],
    },
    // Legacy auth0-angular stores the ID token under 'token': likely, not proven.
    {
      code: `
angular.module('app', ['auth0', 'angular-storage', 'angular-jwt'])
  .config(function (authProvider, jwtInterceptorProvider) {
    authProvider.init({ domain: AUTH0_DOMAIN, clientID: AUTH0_CLIENT_ID });
    jwtInterceptorProvider.tokenGetter = ['store', function (store) {
      return store.get('token');
    }];
  })
  .service('Users', function ($http) {
    this.get = function (id) { return $http.get('https://' + AUTH0_DOMAIN + '/api/v2/users/' + id); };
  });
`,
      filename: as.js,
      options: [{ reportNeedsManual: true }],
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 6,
          data: { source: "store.get('token') (auth0-angular v4 stores the ID token)", ...review },
          suggestions: [],
        },
      ],
    },
    // AngularJS jwtOptionsProvider whitelisting the tenant.
    {
      code: `
angular.module('app').config(function (jwtOptionsProvider) {
  jwtOptionsProvider.config({
    tokenGetter: ['auth', function (auth) { return auth.idToken; }],
    whiteListedDomains: ['acme.auth0.com'],
  });
});
`,
      filename: as.js,
      errors: [
        { messageId: 'idTokenCredential', line: 4, data: { source: 'auth.idToken', ...proven }, suggestions: [] },
      ],
    },
    // $.ajaxSetup with a jQuery Management call in the file.
    {
      code: `
$.ajaxSetup({
  beforeSend: function (xhr) {
    xhr.setRequestHeader('Authorization', 'Bearer ' + localStorage.getItem('id_token'));
  },
});
$.ajax({ url: 'https://acme.auth0.com/api/v2/users/' + userId, type: 'PATCH', data: JSON.stringify({ user_metadata: md }) });
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 4,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
    // $.ajaxSetup alone: for review.
    {
      code: `
$.ajaxSetup({ headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });
`,
      filename: as.js,
      options: [{ reportNeedsManual: true }],
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 2,
          data: { source: "storage key 'id_token'", ...review },
          suggestions: [],
        },
      ],
    },
    // An axios request interceptor with an axios Management call in the file.
    {
      code: `
import axios from 'axios';
axios.interceptors.request.use((config) => {
  config.headers.Authorization = \`Bearer \${localStorage.getItem('id_token')}\`;
  return config;
});
export const loadUser = (id: string) => axios.get(\`https://\${AUTH0_DOMAIN}/api/v2/users/\${id}\`);
`,
      filename: as.ts,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 4,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
  ],
});
