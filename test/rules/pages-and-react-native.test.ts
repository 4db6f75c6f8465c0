/**
 * react-native-auth0 `auth0.users(token)`: the token argument is traced to its login and reported, wherever the
 * instance is kept in the file; a token that cannot be traced is needs-manual; other objects' `users()` are not clients.
 * (HTML pages are read by the CLI and the codemod: see test/pages.test.ts and the html-* transform fixtures.)
 */
import rule from '../../rules/no-id-token-for-management-api';
import { as, ruleTester } from '../rule-tester';
import { needsManual } from './shapes';

const untraced = (call: string) => ({ call, review: ' (needs manual review)' });

ruleTester.run('no-id-token-for-management-api: react-native-auth0 users(token)', rule, {
  valid: [
    {
      name: "another object's users(token) is no Management client",
      filename: as.js,
      options: needsManual,
      code: `
import api from './api';
export function load(token, id) {
  return api.users(token).getUser({ id });
}`,
    },
    {
      name: 'an access token from the login is not reported',
      filename: as.tsx,
      code: `
import Auth0 from 'react-native-auth0';
const auth0 = new Auth0({ domain: 'acme.auth0.com', clientId: 'abc' });
export async function load(id: string) {
  const credentials = await auth0.webAuth.authorize({ scope: 'openid read:current_user', audience: 'https://acme.auth0.com/api/v2/' });
  return auth0.users(credentials.accessToken).getUser({ id });
}`,
    },
    {
      name: 'an untraced token is silent without reportNeedsManual',
      filename: as.js,
      code: `
import Auth0 from 'react-native-auth0';
const auth0 = new Auth0({ domain: 'acme.auth0.com', clientId: 'abc' });
export const load = (token, id) => auth0.users(token).getUser({ id });`,
    },
  ],
  invalid: [
    {
      name: 'credentials.idToken from webAuth.authorize, in a promise chain (JS)',
      filename: as.js,
      code: `
import Auth0 from 'react-native-auth0';
const auth0 = new Auth0({ domain: 'acme.auth0.com', clientId: 'abc' });
export function login() {
  return auth0.webAuth
    .authorize({ scope: 'openid profile' })
    .then((credentials) => auth0.users(credentials.idToken).getUser({ id: 'me' }));
}`,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 7,
          data: { source: 'credentials.idToken', review: '' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'an instance in a class field, the ID token in props (TSX)',
      filename: as.tsx,
      code: `
import React from 'react';
import Auth0 from 'react-native-auth0';
export class Profile extends React.Component<{ idToken: string; userId: string }> {
  auth0 = new Auth0({ domain: 'acme.auth0.com', clientId: 'abc' });
  save(theme: string) {
    return this.auth0.users(this.props.idToken).patchUser({ id: this.props.userId, metadata: { theme } });
  }
}`,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 7,
          data: { source: 'this.props.idToken', review: '' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a token parameter no caller in view passes is needs-manual (TS)',
      filename: as.ts,
      options: needsManual,
      code: `
import Auth0 from 'react-native-auth0';
export default class Api {
  private auth0 = new Auth0({ domain: 'acme.auth0.com', clientId: 'abc' });
  getProfile(token: string, id: string) {
    return this.auth0.users(token).getUser({ id });
  }
}`,
      errors: [{ messageId: 'untracedCredential', line: 6, data: untraced('GET /api/v2/users/{id}'), suggestions: [] }],
    },
    {
      name: 'a token read back from AsyncStorage is needs-manual (JS)',
      filename: as.js,
      options: needsManual,
      code: `
import Auth0 from 'react-native-auth0';
import AsyncStorage from '@react-native-async-storage/async-storage';
const auth0 = new Auth0({ domain: 'acme.auth0.com', clientId: 'abc' });
export async function saveTheme(id, theme) {
  const token = await AsyncStorage.getItem('idToken');
  return auth0.users(token).patchUser({ id, metadata: { theme } });
}`,
      errors: [
        { messageId: 'untracedCredential', line: 7, data: untraced('PATCH /api/v2/users/{id}'), suggestions: [] },
      ],
    },
  ],
});
