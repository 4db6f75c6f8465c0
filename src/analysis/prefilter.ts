/**
 * The text pre-filter: what any file worth parsing for Auth0 patterns contains; everything else is skipped unparsed.
 * A module of its own, so the CLI's reader thread loads nothing else.
 */
const PREFILTER =
  /auth0|api\/v2|\b(?:id_token|idToken|ID_TOKEN|id-token|IdToken)\b|\/authorize\b|oauth\/(?:token|ro)\b|\/tokeninfo\b|\/delegation\b/i;

export function mightContainAuth0(text: string): boolean {
  return PREFILTER.test(text);
}
