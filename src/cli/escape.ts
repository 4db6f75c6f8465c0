/**
 * Text from the analysed tree (file names above all, and anything quoting code) made safe to print in the human
 * formats and on stderr: a file name holding a newline and `::error …` would otherwise be a GitHub workflow command of
 * its own, and an escape character would drive the terminal. JSON and SARIF need none of this: JSON.stringify escapes
 * every C0 control character.
 */

/**
 * C0 and C1 control characters, DEL, the Unicode line and paragraph separators, and the bidirectional controls that
 * reorder what a line shows.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with each unprintable character written as an escape (`\n`, `\t`, `\u001b`), as in a JavaScript string. */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A workflow command's message, escaped as GitHub's runner unescapes it (`%`, CR and LF), so a line break stays a line
 * break in the annotation and never starts a command; other unprintable characters are shown as escapes.
 */
export function workflowData(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A workflow command's property value (`file=…`): as a message, and `:` and `,`, which end a property. */
export function workflowProperty(text: string): string {
  return workflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
