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

/** A service class that holds what it is built with, and a `parseHash` callback that builds it with `argument`. */
const serviceClass = (argument: string, held = 'this.token'): string => `${LOGIN}class UserApi {
  constructor(token) {
    this.token = token;
  }
  patch(id, body) {
    return fetch('https://acme.auth0.com/api/v2/users/' + id, { method: 'PATCH', headers: { Authorization: 'Bearer ' + ${held} }, body });
  }
}
webAuth.parseHash((err, authResult) => new UserApi(${argument}).patch('me', '{}'));`;

/** A TypeScript service that keeps the login result in a parameter property and sends `token` of it. */
const sessionService = (
  token: string,
  url = 'https://acme.auth0.com/api/v2/users/me',
): string => `${LOGIN}class ProfileService {
  constructor(private readonly session: auth0.Auth0DecodedHash) {}
  load() {
    return fetch('${url}', { headers: { Authorization: \`Bearer \${this.session.${token}}\` } });
  }
}
webAuth.parseHash((err, result) => result && new ProfileService(result).load());`;

/** A function that hands the login's `token` to a callback; `extra` is more of its body (what else it does with `done`). */
const callbackHandoff = (token: string, extra = ''): string => `${LOGIN}function withToken(done) {${extra}
  webAuth.parseHash((err, authResult) => done(authResult.${token}));
}
withToken((token) => fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: 'Bearer ' + token } }));`;

/** A class component that sends `this.props.token`, rendered from the login callback with `attributes`. */
const classProps = (attributes: string): string => `${LOGIN}class Profile extends React.Component {
  componentDidMount() {
    fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: 'Bearer ' + this.props.token } });
  }
  render() {
    return null;
  }
}
webAuth.parseHash((err, authResult) => ReactDOM.render(<Profile ${attributes} />, root));`;

/** A function component that destructures `token`, rendered from the login callback with `attributes`. */
const functionProps = (attributes: string): string => `${LOGIN}const Profile = ({ token }) => {
  fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: \`Bearer \${token}\` } });
  return null;
};
webAuth.parseHash((err, authResult) => ReactDOM.render(<Profile ${attributes} />, root));`;

ruleTester.run('no-id-token-for-management-api (wrappers and hand-offs)', rule, {
  valid: [
    {
      name: 'Vue state: the access token of the stored result is what the call should send',
      filename: as.js,
      code: vueState('', 'accessToken'),
    },
    {
      name: "service class: the app's own /api/v2 is not the Management API",
      filename: as.ts,
      code: sessionService('idToken', 'https://api.acme.example/api/v2/orders'),
    },
    {
      name: 'service class built with the access token',
      filename: as.js,
      code: serviceClass('authResult.accessToken'),
    },
    {
      name: 'callback hand-off of the access token',
      filename: as.js,
      code: callbackHandoff('accessToken'),
    },
    {
      name: 'class component given the access token',
      filename: as.jsx,
      code: classProps('token={authResult.accessToken}'),
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
    {
      name: 'service class: the ID token handed to its constructor is proven; the class field it sits in gets no switch',
      filename: as.js,
      code: serviceClass('authResult.idToken'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 8,
          data: { source: 'authResult.idToken', review: '' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'service class built with something the file cannot trace: needs manual review',
      filename: as.js,
      options: needsManual,
      code: serviceClass('window.token'),
      errors: [{ messageId: 'untracedCredential', line: 8, suggestions: [] }],
    },
    {
      name: 'service with a parameter property holding the login result (TS): switches to its access token',
      filename: as.ts,
      code: sessionService('idToken'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 6,
          data: { source: 'this.session.idToken', review: '' },
          suggestions: [{ messageId: 'useAccessToken', output: sessionService('accessToken') }],
        },
      ],
    },
    {
      name: 'callback hand-off: the token given to done(...) is what the callback sends; switches with its login',
      filename: as.js,
      code: callbackHandoff('idToken'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 6,
          data: { source: 'authResult.idToken', review: '' },
          suggestions: [{ messageId: 'useAccessToken', output: callbackHandoff('accessToken') }],
        },
      ],
    },
    {
      name: 'callback hand-off (TS)',
      filename: as.ts,
      code: callbackHandoff('idToken'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 6,
          suggestions: [{ messageId: 'useAccessToken', output: callbackHandoff('accessToken') }],
        },
      ],
    },
    {
      name: 'callback also kept for later (who calls it then is not in sight): needs manual review',
      filename: as.js,
      options: needsManual,
      code: callbackHandoff('idToken', '\n  window.onToken = done;'),
      errors: [{ messageId: 'untracedCredential', line: 7, suggestions: [] }],
    },
    {
      name: 'promise chain: the token a then() returns is proven; no switch across the chain',
      filename: as.ts,
      code: `${LOGIN}const login = () => new Promise((resolve) => webAuth.parseHash((err, result) => resolve(result)));
login()
  .then((result) => result.idToken)
  .then((token) => fetch('https://acme.auth0.com/api/v2/users/me', { headers: { Authorization: 'Bearer ' + token } }));`,
      errors: [
        { messageId: 'idTokenCredential', line: 6, data: { source: 'result.idToken', review: '' }, suggestions: [] },
      ],
    },
    {
      name: 'class component: this.props.token is what its element passes; switches with its login',
      filename: as.jsx,
      code: classProps('token={authResult.idToken}'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 5,
          data: { source: 'authResult.idToken', review: '' },
          suggestions: [{ messageId: 'useAccessToken', output: classProps('token={authResult.accessToken}') }],
        },
      ],
    },
    {
      name: 'function component destructuring its props (TSX)',
      filename: as.tsx,
      code: functionProps('token={authResult.idToken}'),
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 4,
          suggestions: [{ messageId: 'useAccessToken', output: functionProps('token={authResult.accessToken}') }],
        },
      ],
    },
    {
      name: 'spread props: the token is out of sight, needs manual review',
      filename: as.jsx,
      options: needsManual,
      code: functionProps('{...authResult}'),
      errors: [{ messageId: 'untracedCredential', line: 4, suggestions: [] }],
    },
  ],
});
