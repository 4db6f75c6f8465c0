/** The legacy, secret and Management SDK tables: consistent with each other, and reaching the pre-filter. */
import { describe, expect, it } from 'vitest';
import { mightContainAuth0 } from '../../src/analysis/prefilter';
import { findSdkMethod, LEGACY_CLIENTS, LEGACY_ENDPOINTS, LEGACY_METHODS, MANAGEMENT_SDKS } from '../../src/catalog';

describe('legacy clients', () => {
  it('each can be recognised in code', () => {
    const derived = LEGACY_CLIENTS.flatMap((client) => (client.derived ?? []).map((entry) => entry.client));
    for (const client of LEGACY_CLIENTS)
      expect(
        !!client.instancesOf?.length ||
          !!client.namespaces?.length ||
          !!client.members?.length ||
          !!client.subscription ||
          derived.includes(client),
      ).toBe(true);
  });

  it('derive only clients of the table', () => {
    for (const client of LEGACY_CLIENTS)
      for (const entry of client.derived ?? []) expect(LEGACY_CLIENTS).toContain(entry.client);
  });

  it('name members as <entity>.<member>', () => {
    for (const member of LEGACY_CLIENTS.flatMap((client) => client.members ?? []))
      expect(member).toMatch(/^[^.]+(\.[A-Za-z_$][\w$]*)+$/);
  });

  it('have methods of their own, which no method of every client shadows', () => {
    const everywhere = new Set(LEGACY_METHODS.map((entry) => entry.method));
    for (const client of LEGACY_CLIENTS) {
      const names = client.methods.map((entry) => entry.method);
      expect(names.length).toBeGreaterThan(0);
      expect(new Set(names).size).toBe(names.length);
      expect(names.filter((name) => everywhere.has(name))).toEqual([]);
    }
  });
});

describe('the pre-filter', () => {
  it.each(Object.keys(LEGACY_ENDPOINTS))('passes a file that calls %s', (path) => {
    expect(mightContainAuth0(`fetch('https://' + tenant + '${path}?x=1')`)).toBe(true);
    expect(mightContainAuth0(`route('${path.toUpperCase()}')`)).toBe(true);
  });

  it('skips the same letters inside a longer word', () => {
    expect(mightContainAuth0("route('/tokeninfos', '/delegations')")).toBe(false);
  });
});

describe('Management SDKs', () => {
  it('find each method of each SDK by its call', () => {
    for (const { sdk, methods } of MANAGEMENT_SDKS)
      for (const row of methods) expect(findSdkMethod(sdk, row.call)).toEqual({ sdk, ...row });
  });
});
