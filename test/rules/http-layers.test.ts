/**
 * `no-id-token-for-management-api` over HTTP layers that inject the token themselves (issue 14, family 1): what each
 * layer attaches by default, and the cases where the code shows something else is stored under the default key.
 */
import rule from '../../rules/no-id-token-for-management-api';
import { as, ruleTester } from '../rule-tester';

const proven = { review: '' };
const review = { review: ' (needs manual review)' };
const byDefault = "storage key 'id_token' (read by default)";

ruleTester.run('no-id-token-for-management-api (HTTP layers)', rule, {
  valid: [
    // angular2-jwt defaults, but the file stores the login's access token under 'id_token': not an ID token.
    {
      code: `
import { AuthConfig, AuthHttp } from 'angular2-jwt';
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', audience: 'https://acme.auth0.com/api/v2/', responseType: 'token id_token', scope: 'openid update:current_user_metadata' });
webAuth.parseHash((err, authResult) => { localStorage.setItem('id_token', authResult.accessToken); });
export function authHttpServiceFactory(http: Http, options: RequestOptions) {
  return new AuthHttp(new AuthConfig({}), http, options);
}
export class Profile {
  constructor(private authHttp: AuthHttp) {}
  save(id: string, user_metadata: object) {
    return this.authHttp.patch('https://acme.auth0.com/api/v2/users/' + id, { user_metadata });
  }
}
`,
      filename: as.ts,
    },
    // angular2-jwt defaults, and the file writes under 'id_token' a value the code cannot classify: not claimed.
    {
      code: `
import { AuthConfig, AuthHttp } from 'angular2-jwt';
declare var Lock: any;
new Lock('abc', 'acme.auth0.com').on('authenticated', (result) => localStorage.setItem('id_token', result.token));
export const config = new AuthConfig();
`,
      filename: as.ts,
      options: [{ reportNeedsManual: true }],
    },
    // A configuration the code does not spell out, or a getter it cannot read: no default is assumed.
    {
      code: `
const settings = { tokenGetter: readToken, domain: 'acme.auth0.com' };
new AuthConfig(settings);
new AuthConfig({ ...settings, headerPrefix: 'Bearer' });
`,
      filename: as.js,
      options: [{ reportNeedsManual: true }],
    },
    // AUTH_PROVIDERS from another module, or an AuthConfig configured with an access-token key.
    {
      code: `
import { AUTH_PROVIDERS } from './my-providers';
export const AUTH0_DOMAIN = 'acme.auth0.com';
export const providers = [AUTH_PROVIDERS];
export const config = new AuthConfig({ tokenName: 'access_token' });
`,
      filename: as.ts,
      options: [{ reportNeedsManual: true }],
    },
    // The AuthHttp call goes to the app's own API: the default ID token reaches no Management endpoint (the site is
    // still reported for review, see below, but never as proven).
    {
      code: `
import { AuthConfig, AuthHttp } from 'angular2-jwt';
export const config = new AuthConfig({});
export class Orders {
  constructor(private authHttp: AuthHttp) {}
  list() { return this.authHttp.get('/api/v2/orders'); }
}
`,
      filename: as.ts,
    },
    // encodeURI around another host's /api/v2 (PokeAPI), and encodeURIComponent, which escapes the URL's structure.
    {
      code: `
export class Pokemon {
  constructor(private http: HttpClient) {}
  load(name: string) { return this.http.get(encodeURI(\`https://pokeapi.co/api/v2/pokemon/\${name}\`)); }
  profile(id: string) { return this.http.get(encodeURIComponent(\`https://acme.auth0.com/api/v2/users/\${id}\`)); }
}
`,
      filename: as.ts,
      options: [{ reportNeedsManual: true }],
    },
  ],
  invalid: [
    // angular2-jwt's defaults in the file that calls the Management API through AuthHttp: the 'id_token' key.
    {
      code: `
import { AuthConfig, AuthHttp } from 'angular2-jwt';
export function authHttpServiceFactory(http: Http, options: RequestOptions) {
  return new AuthHttp(new AuthConfig({ noJwtError: true }), http, options);
}
export class Profile {
  constructor(private authHttp: AuthHttp) {}
  save(id: string, user_metadata: object) {
    return this.authHttp.patch('https://' + 'acme.auth0.com' + '/api/v2/users/' + id, { user_metadata });
  }
}
`,
      filename: as.ts,
      errors: [{ messageId: 'idTokenCredential', line: 4, data: { source: byDefault, ...proven }, suggestions: [] }],
    },
    {
      code: `
var ng = require('angular2-jwt');
exports.factory = function (http, options) {
  return new ng.AuthHttp(new ng.AuthConfig(), http, options);
};
exports.Profile = function Profile(authHttp) {
  this.save = function (id, body) {
    return authHttp.patch('https://acme.auth0.com/api/v2/users/' + id, body);
  };
};
`,
      filename: as.js,
      errors: [{ messageId: 'idTokenCredential', line: 4, data: { source: byDefault, ...proven }, suggestions: [] }],
    },
    // The file stores the ID token under 'id_token' itself: proven from the write.
    {
      code: `
import { provideAuth, AuthHttp } from 'angular2-jwt';
import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'id_token' });
webAuth.parseHash((err, authResult) => { localStorage.setItem('id_token', authResult.idToken); });
export const providers = [provideAuth({ headerName: 'Authorization' })];
export class Profile {
  constructor(private authHttp: AuthHttp) {}
  load(id: string) { return this.authHttp.get('https://acme.auth0.com/api/v2/users/' + id); }
}
`,
      filename: as.ts,
      errors: [{ messageId: 'idTokenCredential', line: 6, data: { source: byDefault, ...proven }, suggestions: [] }],
    },
    // `providers: [AUTH_PROVIDERS]` (every default) in a module file with no Management call: for review. (A module
    // file with no Auth0 text at all, domain or key, is skipped by the pre-filter before any recogniser sees it.)
    {
      code: `
import { NgModule } from '@angular/core';
import { AUTH_PROVIDERS } from 'angular2-jwt';
export const AUTH0_DOMAIN = 'acme.auth0.com';
@NgModule({ providers: [AUTH_PROVIDERS] })
export class AppModule {}
`,
      filename: as.ts,
      options: [{ reportNeedsManual: true }],
      errors: [{ messageId: 'idTokenCredential', line: 5, data: { source: byDefault, ...review }, suggestions: [] }],
    },
    // `new AuthConfig({})` in a module file, as the real quickstarts write it: for review, not proven.
    {
      code: `
import { AuthConfig, AuthHttp } from 'angular2-jwt';
export const AUTH0_DOMAIN = 'acme.auth0.com';
export function authHttpServiceFactory(http: Http, options: RequestOptions) {
  return new AuthHttp(new AuthConfig({}), http, options);
}
`,
      filename: as.ts,
      options: [{ reportNeedsManual: true }],
      errors: [{ messageId: 'idTokenCredential', line: 5, data: { source: byDefault, ...review }, suggestions: [] }],
    },
    // A URL wrapped in encodeURI is still the Management API; the token an interceptor of another module attaches
    // (auth0-angular's AuthHttpInterceptor) is not in view: untraced, for review.
    {
      code: `
import { HttpClient } from '@angular/common/http';
export class UserMetadataComponent {
  constructor(private http: HttpClient) {}
  load(sub: string) { return this.http.get(encodeURI(\`https://acme.auth0.com/api/v2/users/\${sub}\`)); }
}
`,
      filename: as.ts,
      options: [{ reportNeedsManual: true }],
      errors: [
        {
          messageId: 'untracedCredential',
          line: 5,
          data: { call: 'GET /api/v2/users/{id}', ...review },
        },
      ],
    },
    {
      code: `
$.ajax({ url: encodeURI('https://acme.auth0.com/api/v2/users/' + userId), type: 'PATCH', headers: { Authorization: 'Bearer ' + localStorage.getItem('id_token') } });
`,
      filename: as.js,
      errors: [
        {
          messageId: 'idTokenFromStorage',
          line: 2,
          data: { source: "storage key 'id_token'", ...proven },
          suggestions: [],
        },
      ],
    },
  ],
});
