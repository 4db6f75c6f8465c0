import { describe, expect, it } from 'vitest';
import { isManagementAudience, managementAudienceOrigin } from '../src/catalog';

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

  it.each(['https://api.example.com', 'https://acme.auth0.com/api/v2/users', 'https://acme.auth0.com/userinfo', ''])('%j does not', (audience) => {
    expect(isManagementAudience(audience)).toBe(false);
    expect(managementAudienceOrigin(audience)).toBeUndefined();
  });

  it('an unknown audience is not it', () => expect(isManagementAudience(undefined)).toBe(false));
});
