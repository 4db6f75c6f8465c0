/**
 * Redaction of secrets in what the tools print: a JWT pasted into the code (an ID token, a Management API token) must
 * never reach a report, a log or a CI annotation in full. Applied where messages and reports are produced, so every
 * output format is covered at once.
 */

/** Three (JWS) or five (JWE) base64url parts, the first a JSON header (`{"` is `eyJ`). */
const JWT = /(?<![\w-])eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*(?:\.[\w-]*\.[\w-]*)?/g;

/** How much of a token stays visible: enough to recognise it, never enough to use it. */
const VISIBLE = 12;

/** Replaces every JWT-looking literal in `text` with its first characters and an ellipsis (`eyJhbGciOiJI…`). */
export function redact(text: string): string {
  return text.replace(JWT, (token) => `${token.slice(0, VISIBLE)}…`);
}

/** `redact` applied to every string in a plain value (objects, arrays), which is otherwise copied unchanged. */
export function redactStrings<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactStrings) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redactStrings(entry)])) as T;
  return value;
}
