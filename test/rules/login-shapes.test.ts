/**
 * Logins written the way legacy apps write them (issue 14, family 3): each must be found as its flow's login, so the
 * audience and scope findings land on it: Lock on an ambient `declare var` global in an Angular service field, and
 * Lock built by a factory of the file's own whose calls carry the options.
 */
import audienceRule from '../../rules/require-management-audience';
import idTokenRule from '../../rules/no-id-token-for-management-api';
import { as, ruleTester } from '../rule-tester';

const MANAGEMENT_AUDIENCE = "'https://acme.auth0.com/api/v2/'";

const DECLARED_SERVICE = `declare var Auth0Lock: any;
declare var auth0: any;
export class AccountService {
  lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { params: { scope: 'openid' } } });
  constructor() {
    this.lock.on('authenticated', (authResult: any) => this.show(authResult));
  }
  show(authResult: any) {
    new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => undefined);
  }
}`;

const FACTORY = `function newLock(options) {
  return new Auth0Lock('abc', 'acme.auth0.com', options);
}
var lock = newLock({ auth: { params: { scope: 'openid' } } });
lock.on('authenticated', function (authResult) {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, function () {});
});`;

const FACTORY_TS = `declare var Auth0Lock: any;
declare var auth0: any;
const newLock = (options: object) => new Auth0Lock('abc', 'acme.auth0.com', options);
const lock = newLock({ auth: { params: { scope: 'openid' } } });
lock.on('authenticated', (authResult: any) => {
  new auth0.Management({ domain: 'acme.auth0.com', token: authResult.idToken }).getUser(authResult.idTokenPayload.sub, () => undefined);
});`;

const PASSWORDLESS_TS = `import Auth0LockPasswordless from 'auth0-lock-passwordless';
const lock = new Auth0LockPasswordless('abc', 'acme.auth0.com');
lock.emailcode({ authParams: { scope: 'openid' } }, (err: Error | null, profile: { user_id: string }, id_token: string) => {
  fetch('https://acme.auth0.com/api/v2/users/' + profile.user_id, { headers: { Authorization: 'Bearer ' + id_token } });
});`;

const V7_SIGNUP_TS = `declare var Auth0: any;
const auth = new Auth0({ domain: 'acme.auth0.com', clientID: 'abc', callbackURL: location.origin });
auth.signup({ connection: 'db', email: 'a@acme.example', password: 'x', auto_login: true, popup: true }, (err: Error | null, profile: { user_id: string }, id_token: string) => {
  fetch('https://acme.auth0.com/api/v2/users/' + profile.user_id, { headers: { Authorization: 'Bearer ' + id_token } });
});`;

const needsManual = [{ reportNeedsManual: true }] as const;
const REVIEW = ' (needs manual review)';

const WITH_AUDIENCE = `{ params: { scope: 'openid' }, audience: ${MANAGEMENT_AUDIENCE} }`;

ruleTester.run('require-management-audience (login shapes)', audienceRule, {
  valid: [
    {
      name: "a declared global's login whose token goes to the app's own /api/v2",
      filename: as.ts,
      code: `declare var Auth0Lock: any;
const lock = new Auth0Lock('abc', 'acme.auth0.com', { auth: { audience: 'https://api.acme.example' } });
lock.on('authenticated', (authResult: any) => fetch('https://api.acme.example/api/v2/orders', { headers: { Authorization: 'Bearer ' + authResult.accessToken } }));`,
    },
    {
      name: 'a class of the app that happens to be named like the global is no login',
      filename: as.ts,
      code: DECLARED_SERVICE.replace(
        'declare var Auth0Lock: any;',
        'class Auth0Lock { constructor(...args: unknown[]) {} on(..._: unknown[]) {} }',
      ),
    },
    {
      name: 'without reportNeedsManual, an SDK that cannot ask for an audience is not reported',
      filename: as.ts,
      code: PASSWORDLESS_TS,
    },
    {
      name: 'a factory whose login already asks for the Management audience',
      filename: as.js,
      code: FACTORY.replace(
        "{ params: { scope: 'openid' } }",
        `{ audience: ${MANAGEMENT_AUDIENCE}, params: { scope: 'openid read:current_user' } }`,
      ),
    },
  ],
  invalid: [
    {
      name: 'passwordless Lock 2.x cannot ask for an audience: the upgrade path, for manual review (TS)',
      filename: as.ts,
      options: needsManual,
      code: PASSWORDLESS_TS,
      errors: [{ messageId: 'sdkCannotRequestAudience', line: 2, data: { sdk: 'lock-passwordless', review: REVIEW } }],
    },
    {
      name: 'auth0.js v7 on a declared global, signed up with auto_login: the upgrade path, for manual review (TS)',
      filename: as.ts,
      options: needsManual,
      code: V7_SIGNUP_TS,
      errors: [{ messageId: 'sdkCannotRequestAudience', line: 2, data: { sdk: 'auth0.js-v7', review: REVIEW } }],
    },
    {
      name: 'an ambient declaration stands for the global: the service field is the login',
      filename: as.ts,
      code: DECLARED_SERVICE,
      errors: [
        {
          messageId: 'missingAudience',
          line: 4,
          suggestions: [
            {
              messageId: 'addAudience',
              output: DECLARED_SERVICE.replace("{ params: { scope: 'openid' } }", WITH_AUDIENCE),
            },
          ],
        },
      ],
    },
    {
      name: "a factory's call carries the options: the audience goes there (JS)",
      filename: as.js,
      code: FACTORY,
      errors: [
        {
          messageId: 'missingAudience',
          line: 4,
          suggestions: [
            { messageId: 'addAudience', output: FACTORY.replace("{ params: { scope: 'openid' } }", WITH_AUDIENCE) },
          ],
        },
      ],
    },
    {
      name: "an arrow factory's call carries the options (TS)",
      filename: as.ts,
      code: FACTORY_TS,
      errors: [
        {
          messageId: 'missingAudience',
          line: 4,
          suggestions: [
            { messageId: 'addAudience', output: FACTORY_TS.replace("{ params: { scope: 'openid' } }", WITH_AUDIENCE) },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-id-token-for-management-api (login shapes)', idTokenRule, {
  valid: [
    {
      name: 'the access token of a declared global login is no ID token',
      filename: as.ts,
      code: DECLARED_SERVICE.replace('authResult.idToken', 'authResult.accessToken'),
    },
  ],
  invalid: [
    {
      name: "the declared global login's ID token: the suggestion sends its access token",
      filename: as.ts,
      code: DECLARED_SERVICE,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 9,
          suggestions: [
            {
              messageId: 'useAccessToken',
              output: DECLARED_SERVICE.replace('authResult.idToken', 'authResult.accessToken'),
            },
          ],
        },
      ],
    },
    {
      name: "the factory's login's ID token: the suggestion sends its access token",
      filename: as.js,
      code: FACTORY,
      errors: [
        {
          messageId: 'idTokenCredential',
          line: 6,
          suggestions: [
            { messageId: 'useAccessToken', output: FACTORY.replace('authResult.idToken', 'authResult.accessToken') },
          ],
        },
      ],
    },
  ],
});
