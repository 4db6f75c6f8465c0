/**
 * The text pre-filter: what any file worth parsing for Auth0 patterns contains; everything else is skipped unparsed.
 * A module of its own, importing only the catalog's legacy table (no runtime imports), so the CLI's reader thread
 * loads nothing else.
 */
import { LEGACY_ENDPOINTS } from '../catalog/legacy-apis';

/**
 * The vendor's name, the Management API, ID token spellings, and the authorize and token endpoints (`oauth/ro`, the
 * legacy one, also without the leading slash its catalog path has).
 */
const AUTH0_TEXT =
  /auth0|api\/v2|\b(?:id_token|idToken|ID_TOKEN|id-token|IdToken)\b|\/authorize\b|oauth\/(?:token|ro)\b/;

/** Built once at load: the text above, or a legacy endpoint's path as a whole word. */
const PREFILTER = new RegExp(
  [AUTH0_TEXT.source, ...Object.keys(LEGACY_ENDPOINTS).map((path) => `${escapeRegExp(path)}\\b`)].join('|'),
  'i',
);

export function mightContainAuth0(text: string): boolean {
  return PREFILTER.test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
