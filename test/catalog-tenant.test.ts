import { describe, expect, it } from 'vitest';
import {
  isAuth0TenantHost,
  isAuth0TenantHostTemplate,
  isManagementAudience,
  managementAudienceOrigin,
  placeholderName,
} from '../src/catalog';

describe('the Management API audience', () => {
  it.each([
    ['https://acme.auth0.com/api/v2/', 'https://acme.auth0.com'],
    ['https://acme.auth0.com/api/v2', 'https://acme.auth0.com'],
    ['https://login.example.com/api/v2/', 'https://login.example.com'],
    ['/api/v2/', ''],
  ])('%s names it, over %j', (audience, origin) => {
    expect(isManagementAudience(audience)).toBe(true);
    expect(managementAudienceOrigin(audience)).toBe(origin);
  });

  it.each(['https://api.example.com', 'https://acme.auth0.com/api/v2/users', 'https://acme.auth0.com/userinfo', ''])(
    '%j does not',
    (audience) => {
      expect(isManagementAudience(audience)).toBe(false);
      expect(managementAudienceOrigin(audience)).toBeUndefined();
    },
  );

  it('an unknown audience is not it', () => expect(isManagementAudience(undefined)).toBe(false));
});

describe('Auth0 tenant hosts', () => {
  it.each([
    'acme.auth0.com',
    'acme.eu.auth0.com',
    'ACME.US.AUTH0.COM',
    'acme-dev.auth0app.com',
    'acme.auth0.com:443',
    'user@acme.auth0.com',
  ])('%s is one', (host) => expect(isAuth0TenantHost(host)).toBe(true));
  it.each([
    'auth0.com',
    'acme.auth0.com.evil.com',
    'login.example.com',
    'acme.auth0.com/api/v2',
    'my_tenant.auth0.com',
  ])('%s is not', (host) => expect(isAuth0TenantHost(host)).toBe(false));
});

describe('Auth0 tenant hosts written as templates', () => {
  it.each([
    '<MY_DOMAIN>.auth0.com',
    '{{TENANT}}.eu.auth0.com',
    '{yourTenant}.auth0.com',
    'YOUR_TENANT.us.auth0.com',
    '%TENANT%.auth0.com',
    '[tenant].auth0app.com',
  ])('%s is one', (host) => expect(isAuth0TenantHostTemplate(host)).toBe(true));
  it.each([
    'acme.auth0.com',
    'my_tenant.auth0.com',
    '<MY_DOMAIN>',
    '{{DOMAIN}}',
    '<MY_DOMAIN>.zendesk.com',
    '{subdomain}.zendesk.com',
    '<MY_DOMAIN>.auth0.com.evil.com',
  ])('%s is not', (host) => expect(isAuth0TenantHostTemplate(host)).toBe(false));

  it.each([
    ['{{AUTH0_DOMAIN}}', 'AUTH0_DOMAIN'],
    ['<your-auth0-domain>', 'your-auth0-domain'],
    ['YOUR_AUTH0_DOMAIN', 'YOUR_AUTH0_DOMAIN'],
    ['{yourDomain}', 'yourDomain'],
    ['%DOMAIN%', 'DOMAIN'],
  ])('%s is a placeholder named %s', (text, name) => expect(placeholderName(text)).toBe(name));
  it.each(['acme.auth0.com', 'localhost:3000', 'DOMAIN', 'my_tenant', '<a>.<b>'])('%s is no placeholder', (text) =>
    expect(placeholderName(text)).toBeUndefined(),
  );
});
