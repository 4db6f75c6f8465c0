/**
 * String literals as written: which characters of a value the source writes as themselves and which through an escape
 * sequence, so that an edit changes only part of a value and leaves every other byte, each escape included, as it was.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap, walk } from './ast';
import type { Node, TextEdit } from './types';

/** How a literal's body is written: its delimiter, and whether it is a JSX attribute (no backslash escapes, HTML entities). */
export interface LiteralKind {
  readonly delimiter: "'" | '"' | '`';
  readonly jsx: boolean;
}

/** Source between a literal's delimiters: a string literal's body, a template's quasi, or a part of either. */
interface Body extends LiteralKind {
  readonly start: number;
  readonly end: number;
}

/**
 * One token of a body: a `char` written as itself, an `escape` sequence (or a line continuation, which writes nothing),
 * or the `edge` where a body starts or ends; `hole` stands for an expression whose value the text does not show (a
 * template's `${…}`, a variable in a `+`).
 */
type Piece =
  | {
      readonly type: 'char' | 'escape' | 'edge';
      readonly body: Body;
      readonly start: number;
      readonly end: number;
      readonly cooked: string;
    }
  | { readonly type: 'hole' };
type TextPiece = Exclude<Piece, { type: 'hole' }>;

/** A piece with the offsets of its value in the whole string's value. */
interface Placed {
  readonly piece: TextPiece;
  readonly from: number;
  readonly to: number;
}

/** A change to a value: `[start, end)` of the old value becomes `text`. */
interface ValueChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What a JSX attribute decodes as an HTML entity. */
const ENTITY = /^&(?:#\d+|#x[\da-f]+|[a-z][\da-z]*);/i;
const SINGLE_ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029']);
const LONE_SURROGATE = String.raw`[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`;
/** What a literal must escape: its delimiter, backslashes, what ends its line or opens a `${`, and lone surrogates. */
const SPECIAL: Readonly<Record<LiteralKind['delimiter'], RegExp>> = {
  "'": new RegExp(String.raw`['\\\n\r\u2028\u2029]|${LONE_SURROGATE}`, 'g'),
  '"': new RegExp(String.raw`["\\\n\r\u2028\u2029]|${LONE_SURROGATE}`, 'g'),
  '`': new RegExp(String.raw`[\`\\\r]|\$\{|${LONE_SURROGATE}`, 'g'),
};

/** The kind of a string literal (or JSX attribute string) or template literal. */
export function literalKind(node: Node, text: string): LiteralKind | undefined {
  if (node.type === 'TemplateLiteral') return { delimiter: '`', jsx: false };
  const delimiter = text[node.range[0]];
  if (node.type !== 'Literal' || (delimiter !== "'" && delimiter !== '"')) return undefined;
  return { delimiter, jsx: node.parent?.type === 'JSXAttribute' };
}

/** `value` as source inside a JavaScript literal with this delimiter. */
export function escapeInto(delimiter: LiteralKind['delimiter'], value: string): string {
  return value.replace(SPECIAL[delimiter], escapeSequence);
}

function escapeSequence(special: string): string {
  if (special === '\n') return '\\n';
  if (special === '\r') return '\\r';
  // By code: a line separator is easy to miss, and no file encoding can hold a lone surrogate.
  if (/^[\u2028\u2029\uD800-\uDFFF]$/.test(special)) return `\\u${special.charCodeAt(0).toString(16).toUpperCase()}`;
  return `\\${special}`;
}

/** `value` as source inside a literal of this kind; undefined for a JSX attribute that cannot hold it (it has no escapes). */
export function sourceFor(kind: LiteralKind, value: string): string | undefined {
  if (!kind.jsx) return escapeInto(kind.delimiter, value);
  return value.includes(kind.delimiter) || new RegExp(LONE_SURROGATE).test(value) ? undefined : value;
}

/**
 * The edits that make the string `node` writes (a literal, a template literal or a `+` of them) read `to` instead of
 * `from`: the changed characters only, in the literal that holds them and escaped for it. Undefined when a change
 * touches what is written with escapes (a `\n` between two scopes, a line continuation), a `${…}` or a `+`, or cannot
 * be placed: such a value is not for a tool to rewrite.
 */
export function writtenValueEdits(node: Node, from: string, to: string, text: string): TextEdit[] | undefined {
  const pieces = piecesOf(node, text);
  return pieces && editPieces(runs(pieces, from), changesBetween(from, to), text);
}

/** The same edits for a range inside one literal's body (a URL's query value), whose value `to` replaces. */
export function fragmentEdits(
  range: readonly [number, number],
  kind: LiteralKind,
  to: string,
  text: string,
): TextEdit[] | undefined {
  const pieces = scan(text, { ...kind, start: range[0], end: range[1] });
  if (!pieces) return undefined;
  const from = cooked(pieces);
  return editPieces([place(pieces, 0)], changesBetween(from, to), text);
}

/** The value a range inside one literal's body writes, when it holds whole characters. */
export function fragmentValue(range: readonly [number, number], kind: LiteralKind, text: string): string | undefined {
  const pieces = scan(text, { ...kind, start: range[0], end: range[1] });
  return pieces && cooked(pieces);
}

/** Whether every string in an expression is written without escapes, so that writing its value anew loses none. */
export function writtenPlainly(node: Node, text: string): boolean {
  let plain = true;
  walk(node, (inner) => {
    if (
      !plain ||
      (inner.type !== 'Literal' && inner.type !== 'TemplateLiteral') ||
      (inner.type === 'Literal' && typeof inner.value !== 'string')
    )
      return;
    const pieces = piecesOf(inner, text);
    plain = pieces !== undefined && pieces.every((piece) => piece.type !== 'escape');
  });
  return plain;
}

/** How a literal's text is written: its kind, and the source offset before each character of its value and after the last. */
export interface WrittenText {
  readonly kind: LiteralKind;
  /** Undefined inside an escape sequence that writes two UTF-16 units (`\u{1F600}`), which has no boundary to edit at. */
  readonly offsets: readonly (number | undefined)[];
}

/** How a string literal, or each quasi of a template literal, is written; undefined where the source does not read as the parser says. */
export function valueOffsets(
  node: TSESTree.StringLiteral | TSESTree.TemplateLiteral,
  text: string,
): (WrittenText | undefined)[] {
  const values = node.type === 'Literal' ? [node.value] : node.quasis.map((quasi) => quasi.value.cooked);
  return bodiesOf(node, text).map((body, index) => {
    const pieces = body && scan(text, body);
    if (!body || !pieces || cooked(pieces) !== values[index]) return undefined;
    const offsets: (number | undefined)[] = new Array<number | undefined>(values[index]!.length + 1).fill(undefined);
    let at = 0;
    for (const piece of pieces) {
      offsets[at] ??= piece.start;
      at += piece.cooked.length;
    }
    return { kind: { delimiter: body.delimiter, jsx: body.jsx }, offsets };
  });
}

// ------------------------------------------------------------------------------------------------ reading

/** The pieces of a string expression, holes for what is not a literal; undefined when a literal reads otherwise than its parser says. */
function piecesOf(node: Node, text: string): Piece[] | undefined {
  const target = unwrap(node);
  if ((target.type === 'Literal' && typeof target.value === 'string') || target.type === 'TemplateLiteral') {
    const values =
      target.type === 'Literal' ? [target.value as string] : target.quasis.map((quasi) => quasi.value.cooked);
    const pieces: Piece[] = [];
    for (const [index, body] of bodiesOf(target as TSESTree.StringLiteral | TSESTree.TemplateLiteral, text).entries()) {
      const scanned = body && scan(text, body);
      if (!scanned || cooked(scanned) !== values[index]) return undefined;
      pieces.push(...(index > 0 ? [{ type: 'hole' } as const] : []), ...scanned);
    }
    return pieces;
  }
  if (target.type === 'BinaryExpression' && target.operator === '+') {
    const left = piecesOf(target.left, text);
    const right = piecesOf(target.right, text);
    return left && right && [...left, ...right];
  }
  return [{ type: 'hole' }];
}

/** The body of a string literal, or of each quasi of a template literal (undefined where the source does not agree). */
function bodiesOf(node: TSESTree.StringLiteral | TSESTree.TemplateLiteral, text: string): (Body | undefined)[] {
  const kind = literalKind(node, text);
  if (!kind) return [undefined];
  if (node.type === 'Literal')
    return text[node.range[1] - 1] === kind.delimiter
      ? [{ ...kind, start: node.range[0] + 1, end: node.range[1] - 1 }]
      : [undefined];
  // Parsers differ on whether a quasi's range holds its delimiters (`, }, ${): the first quasi tells which.
  const delimited = node.quasis[0]!.range[0] === node.range[0];
  return node.quasis.map((quasi) => {
    const start = delimited ? quasi.range[0] + 1 : quasi.range[0];
    const end = delimited ? quasi.range[1] - (quasi.tail ? 1 : 2) : quasi.range[1];
    const opens = start - 1 === node.range[0] ? text[start - 1] === '`' : text[start - 1] === '}';
    const closes = quasi.tail ? text[end] === '`' : text.startsWith('${', end);
    return opens && closes ? { ...kind, start, end } : undefined;
  });
}

/** A body's pieces, between its two edges; undefined when the body does not read as one of its kind. */
function scan(text: string, body: Body): TextPiece[] | undefined {
  const pieces: TextPiece[] = [{ type: 'edge', body, start: body.start, end: body.start, cooked: '' }];
  for (let at = body.start; at < body.end;) {
    const piece = pieceAt(text, at, body);
    if (!piece || piece.end > body.end) return undefined;
    pieces.push(piece);
    at = piece.end;
  }
  pieces.push({ type: 'edge', body, start: body.end, end: body.end, cooked: '' });
  return pieces;
}

function pieceAt(text: string, at: number, body: Body): TextPiece | undefined {
  const char = text[at]!;
  const written = (end: number, value: string): TextPiece => ({
    type: text.slice(at, end) === value ? 'char' : 'escape',
    body,
    start: at,
    end,
    cooked: value,
  });
  if (char === body.delimiter) return undefined;
  if (body.jsx) return char === '&' && ENTITY.test(text.slice(at, at + 32)) ? undefined : written(at + 1, char);
  if (char === '\\') return escapeAt(text, at, body.delimiter === '`', written);
  if (body.delimiter === '`') {
    if (char === '$' && text[at + 1] === '{') return undefined;
    // A template reads a CR or CRLF line break as LF.
    if (char === '\r') return written(text[at + 1] === '\n' ? at + 2 : at + 1, '\n');
    return written(at + 1, char);
  }
  return char === '\n' || char === '\r' ? undefined : written(at + 1, char);
}

/** The escape sequence at `at` (a backslash), as a piece; undefined for one its literal does not allow. */
function escapeAt(
  text: string,
  at: number,
  template: boolean,
  written: (end: number, value: string) => TextPiece,
): TextPiece | undefined {
  const next = text[at + 1];
  if (next === undefined) return undefined;
  if (LINE_BREAKS.has(next)) return written(next === '\r' && text[at + 2] === '\n' ? at + 3 : at + 2, '');
  if (next === 'x') {
    const hex = /^[\da-f]{2}/i.exec(text.slice(at + 2, at + 4))?.[0];
    return hex === undefined ? undefined : written(at + 4, String.fromCharCode(parseInt(hex, 16)));
  }
  if (next === 'u') {
    const code = /^(?:\{([\da-f]+)\}|([\da-f]{4}))/i.exec(text.slice(at + 2, at + 14));
    const value = code && parseInt(code[1] ?? code[2]!, 16);
    return !code || value! > 0x10ffff ? undefined : written(at + 2 + code[0].length, String.fromCodePoint(value!));
  }
  if (/[0-9]/.test(next)) {
    // `\0` alone is NUL; other digits are legacy octal escapes (`\8`, `\9` the digits), which templates do not allow.
    const nul = next === '0' && !/[0-9]/.test(text[at + 2] ?? '');
    if (template && !nul) return undefined;
    const octal = /^(?:[0-3][0-7]{0,2}|[4-7][0-7]?)/.exec(text.slice(at + 1, at + 4))?.[0];
    return written(
      at + 1 + (octal ?? next).length,
      octal === undefined ? next : String.fromCharCode(parseInt(octal, 8)),
    );
  }
  const escaped = String.fromCodePoint(text.codePointAt(at + 1)!);
  return written(at + 1 + escaped.length, SINGLE_ESCAPES[escaped] ?? escaped);
}

function cooked(pieces: readonly Piece[]): string {
  return pieces.map((piece) => (piece.type === 'hole' ? '' : piece.cooked)).join('');
}

// ------------------------------------------------------------------------------------------------ editing

/**
 * The changes that turn `from` into `to`: the words (runs between whitespace and commas) both have, in order, stay; each
 * stretch between them changes as little as it can, either keeping what it shares at its start or at its end first (a
 * dropped scope goes with the separator after it, or the one before), the first that can be written being used.
 */
function changesBetween(from: string, to: string): ValueChange[][] {
  const changes: ValueChange[][] = [];
  let [fromAt, toAt] = [0, 0];
  for (const [shared, other] of [
    ...sharedWords(from, to),
    [
      { start: from.length, end: from.length },
      { start: to.length, end: to.length },
    ] as const,
  ]) {
    const [gap, written] = [from.slice(fromAt, shared.start), to.slice(toAt, other.start)];
    if (gap !== written)
      changes.push([false, true].map((fromEnd) => shifted(changeBetween(gap, written, fromEnd), fromAt)));
    [fromAt, toAt] = [shared.end, other.end];
  }
  return changes;
}

/** The words `from` and `to` share, as the longest common subsequence of their words: pairs of ranges in each. */
function sharedWords(from: string, to: string): (readonly [Word, Word])[] {
  const [a, b] = [words(from), words(to)];
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i]![j] =
        a[i]!.word === b[j]!.word ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  }
  const pairs: (readonly [Word, Word])[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]!.word === b[j]!.word) pairs.push([a[i++]!, b[j++]!]);
    else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

interface Word {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

function words(value: string): Word[] {
  return [...value.matchAll(/[^\s,]+/g)].map((match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The part of `from` that differs from `to`: what lies between the common start and the common end (the end first if asked). */
function changeBetween(from: string, to: string, fromEnd = false): ValueChange {
  const limit = Math.min(from.length, to.length);
  const commonEnd = (upTo: number): number => {
    let common = 0;
    while (common < upTo && from[from.length - 1 - common] === to[to.length - 1 - common]) common++;
    // Never between the two halves of a surrogate pair, one of which the change would then hold alone.
    return splitsPair(from, from.length - common) || splitsPair(to, to.length - common) ? common - 1 : common;
  };
  const suffix = fromEnd ? commonEnd(limit) : 0;
  let start = 0;
  while (start < limit - suffix && from[start] === to[start]) start++;
  if (splitsPair(from, start) || splitsPair(to, start)) start--;
  const common = fromEnd ? suffix : commonEnd(limit - start);
  return { start, end: from.length - common, text: to.slice(start, to.length - common) };
}

function shifted(change: ValueChange, by: number): ValueChange {
  return { ...change, start: change.start + by, end: change.end + by };
}

function splitsPair(value: string, at: number): boolean {
  return /[\uD800-\uDBFF]/.test(value[at - 1] ?? '') && /[\uDC00-\uDFFF]/.test(value[at] ?? '');
}

/** Each change made with the first of its alternatives that can be written, in a run of the value; together they must read as intended. */
function editPieces(
  placed: readonly Placed[][],
  changes: readonly (readonly ValueChange[])[],
  text: string,
): TextEdit[] | undefined {
  const chosen: Chosen[] = [];
  for (const alternatives of changes) {
    const found = alternatives
      .flatMap((change) => placed.flatMap((run) => sourceRanges(run, change)))
      .find((candidate) => readsAsIntended([candidate], text));
    if (!found) return undefined;
    chosen.push(found);
  }
  return readsAsIntended(chosen, text) ? chosen.map(({ range, written }) => ({ range, text: written })) : undefined;
}

/** A change written into one body: the source range it replaces, the source written there and the value that reads. */
interface Chosen {
  readonly body: Body;
  readonly pieces: readonly TextPiece[];
  readonly range: readonly [number, number];
  readonly written: string;
  readonly value: string;
}

/**
 * The runs of pieces whose place in the value is known: from the start up to the first hole, and from the last hole to
 * the end (the text does not show how long a hole's value is). A run that does not spell its part of `from` is dropped.
 */
function runs(pieces: readonly Piece[], from: string): Placed[][] {
  const first = pieces.findIndex((piece) => piece.type === 'hole');
  if (first === -1) return cooked(pieces) === from ? [place(pieces as TextPiece[], 0)] : [];
  const leading = pieces.slice(0, first) as TextPiece[];
  const trailing = pieces.slice(pieces.findLastIndex((piece) => piece.type === 'hole') + 1) as TextPiece[];
  return [
    ...(from.startsWith(cooked(leading)) ? [place(leading, 0)] : []),
    ...(from.endsWith(cooked(trailing)) ? [place(trailing, from.length - cooked(trailing).length)] : []),
  ];
}

function place(pieces: readonly TextPiece[], start: number): Placed[] {
  let at = start;
  return pieces.map((piece) => ({ piece, from: at, to: (at += piece.cooked.length) }));
}

/**
 * Where in the source a change may go: the characters it replaces, which must be written as themselves in one body, or
 * each boundary where an insertion lands; with the change's value written for that body (none where a body cannot hold it).
 */
function sourceRanges(run: readonly Placed[], change: ValueChange): Chosen[] {
  const candidates: { range: readonly [number, number]; body: Body }[] = [];
  if (change.start === change.end) {
    for (const { piece, from, to } of run) {
      if (from === change.start) candidates.push({ range: [piece.start, piece.start], body: piece.body });
      if (to === change.start) candidates.push({ range: [piece.end, piece.end], body: piece.body });
    }
  } else {
    const first = run.findIndex((placed) => placed.to > change.start);
    const last = run.findLastIndex((placed) => placed.from < change.end);
    const replaced = first === -1 || last < first ? [] : run.slice(first, last + 1).map((placed) => placed.piece);
    const body = replaced[0]?.body;
    const whole = run[first]?.from === change.start && run[last]?.to === change.end;
    if (body && whole && replaced.every((piece) => piece.type === 'char' && piece.body === body))
      candidates.push({ range: [replaced[0]!.start, replaced[replaced.length - 1]!.end], body });
  }
  return candidates.flatMap(({ range, body }) => {
    const written = sourceFor(body, change.text);
    const pieces = run.map((placed) => placed.piece).filter((piece) => piece.body === body);
    return written === undefined ? [] : [{ body, pieces, range, written, value: change.text }];
  });
}

/**
 * Whether each body, with the chosen changes written in, reads as before with their values in place: the new text joins
 * no neighbour into another escape (`\0` and a digit, `$` and `{`, `&` and an entity name).
 */
function readsAsIntended(chosen: readonly Chosen[], text: string): boolean {
  return [...new Set(chosen.map((change) => change.body))].every((body) => {
    const changes = chosen.filter((change) => change.body === body).sort((a, b) => a.range[0] - b.range[0]);
    const pieces = changes[0]!.pieces;
    let source = '';
    let expected = '';
    let at = body.start;
    for (const change of changes) {
      if (change.range[0] < at) return false;
      source += text.slice(at, change.range[0]) + change.written;
      expected += cooked(pieces.filter((piece) => piece.start >= at && piece.end <= change.range[0])) + change.value;
      at = change.range[1];
    }
    source += text.slice(at, body.end);
    expected += cooked(pieces.filter((piece) => piece.start >= at));
    const reread = scan(source, { ...body, start: 0, end: source.length });
    return reread !== undefined && cooked(reread) === expected;
  });
}
