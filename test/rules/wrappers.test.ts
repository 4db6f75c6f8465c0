/**
 * Wrappers and hand-offs: a token that reaches the Management API through the app's own code, component state
 * (`this.authResult` of a Vue Options API component), constructor and callback parameters, and component props.
 * The switch to the access token is offered only where the token provably comes from one login result.
 */
import rule from '../../rules/no-id-token-for-management-api';
import { as, ruleTester } from '../rule-tester';
import { needsManual } from './shapes';

const LOGIN = `import auth0 from 'auth0-js';
const webAuth = new auth0.WebAuth({ domain: 'acme.auth0.com', clientID: 'abc', responseType: 'token id_token' });
`;

/** A Vue Options API component that keeps the login result in its state and reads `token` of it in another method. */
const vueState = (restore: string, token: string): string => `${LOGIN}export default {
  data() {
    return { authResult: null };
  },
  mounted() {${restore}
    webAuth.parseHash((err, authResult) => {
      this.authResult = authResult;
    });
  },
  methods: {
    logout() {
      this.authResult = null;
    },
    load() {
      return fetch('https://acme.auth0.com/api/v2/users/' + this.authResult.idTokenPayload.sub, {
        headers: { Authorization: 'Bearer ' + this.authResult.${token} },
      });
    },
  },
};`;
const RESTORED = `
    this.authResult = JSON.parse(sessionStorage.getItem('session'));`;

ruleTester.run('no-id-token-for-management-api (wrappers and hand-offs)', rule, {
  valid: [
    {
      name: 'Vue state: the access token of the stored result is what the call should send',
      filename: as.js,
      code: vueState('', 'accessToken'),
    },
  ],
  invalid: [
    {
      name: 'Vue state: this.authResult.idToken switches to this.authResult.accessToken',
      filename: as.js,
      code: vueState('', 'idToken'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 18,
          data: { source: 'this.authResult.idToken', review: '' },
          suggestions: [{ messageId: 'useAccessToken', output: vueState('', 'accessToken') }],
        },
      ],
    },
    {
      name: 'Vue state (TS): the same switch',
      filename: as.ts,
      code: vueState('', 'idToken'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 18,
          suggestions: [{ messageId: 'useAccessToken', output: vueState('', 'accessToken') }],
        },
      ],
    },
    {
      name: 'Vue state also restored from a session the file cannot read: reported, no switch',
      filename: as.js,
      options: needsManual,
      code: vueState(RESTORED, 'idToken'),
      errors: [{ messageId: 'idTokenCredential', line: 19, suggestions: [] }],
    },
  ],
});
