/**
 * passport-auth0 on a server: `passport.authenticate('auth0', { audience, scope })` is where its login parameters go,
 * so that call is the flow's token request (the strategy's domain from the file's `new Auth0Strategy(...)`).
 */
import { parseForESLint } from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/facts';
import type { ScopeManagerLike } from '../../src/analysis/file-context';

function requestsOf(code: string, filePath = 'file.js') {
  const { ast, scopeManager } = parseForESLint(code, { range: true, loc: true, filePath });
  return analyzeFile(ast, code, scopeManager as unknown as ScopeManagerLike).tokenRequests;
}

const STRATEGY = `const passport = require('passport');
const Auth0Strategy = require('passport-auth0');
passport.use(new Auth0Strategy({ domain: 'acme.auth0.com', clientID: 'abc', clientSecret: process.env.SECRET, callbackURL: '/callback' },
  (accessToken, refreshToken, extraParams, profile, done) => done(null, profile)));
`;

describe('logins started by their strategy name', () => {
  it('the authenticate options are the request: audience and scope read there, the domain from the strategy', () => {
    const [request] = requestsOf(
      STRATEGY +
        "app.get('/login', passport.authenticate('auth0', { audience: 'https://api.acme.example', scope: 'openid' }));",
    );
    expect(request?.sdk).toBe('passport-auth0');
    expect(request?.audience?.value).toBe('https://api.acme.example');
    expect(request?.scope?.value).toBe('openid');
    expect(request?.domain && request.domain.type === 'Literal' ? request.domain.value : undefined).toBe(
      'acme.auth0.com',
    );
    expect(request?.dynamic).toBe(false);
  });

  it('without options: a known-empty request (TS, imported passport)', () => {
    const requests = requestsOf(
      "import passport from 'passport';\nexport const login = passport.authenticate('auth0');",
      'file.ts',
    );
    expect(requests.map((request) => [request.sdk, request.audience, request.dynamic])).toEqual([
      ['passport-auth0', undefined, false],
    ]);
  });

  it('another strategy, or authenticate on a receiver that is not passport, is no Auth0 login', () => {
    expect(
      requestsOf(STRATEGY + "passport.authenticate('google', { scope: ['email'] });\nauth.authenticate('auth0', {});"),
    ).toEqual([]);
  });
});
