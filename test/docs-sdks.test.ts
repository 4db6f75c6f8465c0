/**
 * The README's table of supported login SDKs is the catalog's `LOGIN_VARIANTS`, rendered: a variant added to the
 * catalog without its row (or a row left for a variant gone) fails here, and the failure shows the table to paste.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOGIN_VARIANTS, type LoginVariant } from '../src/catalog';

const README = fs.readFileSync(path.join(__dirname, '../README.md'), 'utf8');
const BEGIN = '<!-- begin supported SDKs (test/docs-sdks.test.ts) -->';
const END = '<!-- end supported SDKs -->';

function place(keys: readonly string[]): string {
  return keys.length === 0 ? 'top level' : `\`${keys.join('.')}\``;
}

function row(id: string, variant: LoginVariant): string {
  const { layout } = variant;
  const options = variant.supportsAudience
    ? `audience: ${place(layout.audiencePath)}, scope: ${place(layout.scopePath)}`
    : `cannot ask for an audience; scope: ${place(layout.scopePath)}`;
  const responseType = variant.hasResponseType ? `\`${layout.responseTypeKey}\`` : 'none (always an access token)';
  const second = variant.secondToken ? `\`${variant.secondToken.method}\`` : '';
  return `| ${variant.versions} | \`${id}\` | ${options} | ${responseType} | ${second} |`;
}

function table(): string {
  return [
    '| SDK | `sdk` in reports | Where the login parameters go | Response type | Second token |',
    '| :-- | :-- | :-- | :-- | :-- |',
    ...Object.entries(LOGIN_VARIANTS).map(([id, variant]) => row(id, variant)),
  ].join('\n');
}

describe('README supported SDKs', () => {
  it('lists every login variant of the catalog, as the catalog describes it', () => {
    const start = README.indexOf(BEGIN);
    const end = README.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(README.slice(start + BEGIN.length, end).trim()).toBe(table());
  });
});
