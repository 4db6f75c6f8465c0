/**
 * Text edits for token requests: set or add `responseType`, `audience` and `scope` in the SDK's place for them
 * (an options object, a JSX element's attributes, or a raw URL's query), following the file's quote style,
 * indentation and trailing commas, and touching no other byte.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findProperty, isStringLiteral, unwrap } from './ast';
import { mergeText } from './file-context';
import {
  escapeInto,
  fragmentEdits,
  fragmentValue,
  literalKind,
  sourceFor,
  writtenPlainly,
  writtenValueEdits,
  type LiteralKind,
} from './literal-text';
import type { Node, OptionValue, TextEdit, TokenRequest, UrlQueryPlacement } from './types';

export type OptionName = 'audience' | 'scope' | 'responseType';

/** A value to write: literal text, and source code for the parts an expression supplies (a non-literal domain). */
export type ValuePart = { readonly text: string } | { readonly code: string };

/** The quote character a file mostly uses for JavaScript strings (JSX attribute strings, `name="..."`, do not count). */
export function quoteStyle(text: string): "'" | '"' {
  // Attempts start only where a name starts: from inside a long run of word characters each would rescan the run.
  const code = text.replace(/(?<![\w-])[\w-]+=("[^"\n]*"|'[^'\n]*')/g, '');
  const single = (code.match(/'/g) ?? []).length;
  const double = (code.match(/"/g) ?? []).length;
  return double > single ? '"' : "'";
}

/** A string literal in the style of `like` (an existing literal) or the file. */
export function stringLiteral(value: string, text: string, like?: Node): string {
  const quote = like && isStringLiteral(like) ? (text[like.range[0]] as "'" | '"') : quoteStyle(text);
  return `${quote}${escapeInto(quote, value)}${quote}`;
}

export function managementAudience(domain: string): string {
  return `https://${domain.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/api/v2/`;
}

/** `https://<domain>/api/v2/` over the request's domain, as text where the domain is static and code where it is not. */
export function managementAudienceParts(request: TokenRequest, text: string): ValuePart[] | undefined {
  if (request.domainValue !== undefined) return [{ text: managementAudience(request.domainValue) }];
  const domain = request.domain && unwrap(request.domain);
  if (!domain) return undefined;
  if (isStringLiteral(domain)) return [{ text: managementAudience(domain.value) }];
  const inner: ValuePart[] =
    domain.type === 'TemplateLiteral'
      ? domain.quasis.flatMap((quasi, index) => {
          const expression = domain.expressions[index];
          const cooked = quasi.value.cooked ?? quasi.value.raw;
          return [...(cooked ? [{ text: cooked }] : []), ...(expression ? [{ code: source(expression, text) }] : [])];
        })
      : [{ code: source(domain, text) }];
  const first = inner[0];
  if (first && 'text' in first) inner[0] = { text: first.text.replace(/^https?:\/\//, '') };
  const last = inner[inner.length - 1];
  if (last && 'text' in last) inner[inner.length - 1] = { text: last.text.replace(/\/+$/, '') };
  return mergeText<ValuePart>([{ text: 'https://' }, ...inner, { text: '/api/v2/' }]);
}

/** How a value reads in a message: code parts as `${code}`. */
export function displayValue(parts: readonly ValuePart[]): string {
  return parts.map((part) => ('text' in part ? part.text : `\${${part.code}}`)).join('');
}

/** A value as JavaScript: a string literal (in the style of `like` or the file) when it is all text, else a template literal. */
export function valueCode(parts: readonly ValuePart[], text: string, like?: Node): string {
  const literal = staticText(parts);
  if (literal !== undefined) return stringLiteral(literal, text, like);
  return `\`${parts.map((part) => ('text' in part ? escapeInto('`', part.text) : `\${${part.code}}`)).join('')}\``;
}

/** Sets an option: replaces its value where it is written, otherwise inserts it (and any missing parents) in the SDK's place. */
export function setOption(
  request: TokenRequest,
  option: OptionName,
  value: string | readonly ValuePart[],
  text: string,
): TextEdit[] | undefined {
  const parts = typeof value === 'string' ? [{ text: value }] : value;
  const existing = option === 'audience' ? request.audience : option === 'scope' ? request.scope : request.responseType;
  const { placement } = request;
  if (placement.query)
    return queryEdit(
      placement.query,
      existing,
      option === 'responseType' ? placement.responseTypeKey : option,
      parts,
      text,
    );
  if (existing) return replaceValue(existing, parts, text);
  const key = option === 'responseType' ? placement.responseTypeKey : option;
  const path =
    option === 'audience'
      ? placement.audiencePath
      : option === 'scope'
        ? placement.scopePath
        : placement.responseTypePath;
  if (placement.element) return insertIntoElement(placement.element, path, key, parts, text);
  if (placement.root) return insertIntoObject(placement.root, path, key, parts, text);
  const after = placement.newArgumentAfter;
  return (
    after && [
      {
        range: [after.range[1], after.range[1]],
        text: `, { ${nestedCode(path, `${key}: ${valueCode(parts, text)}`)} }`,
        creates: '()',
      },
    ]
  );
}

/** Whether `setOption` can write the option where the request keeps it (what it writes depends on the file; whether it can does not). */
export function canSetOption(request: TokenRequest, option: OptionName): boolean {
  return setOption(request, option, '', '') !== undefined;
}

/** A URL query parameter: its value edited in place when one literal writes it all, else inserted right after the `?`. */
function queryEdit(
  query: UrlQueryPlacement,
  existing: OptionValue | undefined,
  key: string,
  parts: readonly ValuePart[],
  text: string,
): TextEdit[] | undefined {
  if (existing) {
    const range = existing.queryRange;
    const kind = literalKind(existing.valueNode, text);
    const written = range && kind && fragmentValue(range, kind, text);
    const value = staticText(parts);
    if (!range || !kind || written === undefined || value === undefined) return undefined;
    return fragmentEdits(range, kind, encodeQuery(value, written.includes('+') && !written.includes('%20')), text);
  }
  const { insertAt, literal } = query;
  const value = literal && queryValue(parts, literal);
  if (insertAt === undefined || value === undefined) return undefined;
  return [{ range: [insertAt, insertAt], text: `${key}=${value}${query.hasParameters ? '&' : ''}` }];
}

/**
 * An option's value where it is written: only the parts that change, so that each escape the value is written with
 * stays; else all of it anew when that loses no escape, and otherwise nothing (the site is left to a person).
 */
function replaceValue(option: OptionValue, parts: readonly ValuePart[], text: string): TextEdit[] | undefined {
  const to = staticText(parts);
  const edits =
    option.value !== undefined && to !== undefined
      ? writtenValueEdits(option.valueNode, option.value, to, text)
      : undefined;
  if (edits) return edits;
  if (!writtenPlainly(option.valueNode, text)) return undefined;
  if (option.valueNode.parent?.type === 'JSXAttribute')
    return [{ range: option.valueNode.range, text: attributeValue(parts, text, option.valueNode) }];
  return [{ range: option.valueNode.range, text: valueCode(parts, text, option.valueNode) }];
}

function encodeQuery(value: string, plusForSpace: boolean): string {
  const encoded = encodeURIComponent(value);
  return plusForSpace ? encoded.replace(/%20/g, '+') : encoded;
}

/**
 * A new query parameter's value inside the literal that holds the `?`: URL-encoded text escaped for that literal, code
 * spliced in as `${code}` (template) or `' + code + '` (string literal); undefined where the literal cannot hold it.
 */
function queryValue(parts: readonly ValuePart[], literal: LiteralKind): string | undefined {
  const written = parts.map((part) => {
    if ('code' in part)
      return literal.delimiter === '`'
        ? `\${${part.code}}`
        : `${literal.delimiter} + ${part.code} + ${literal.delimiter}`;
    return sourceFor(literal, encodeQuery(part.text, false));
  });
  return written.every((part) => part !== undefined) ? written.join('') : undefined;
}

// ------------------------------------------------------------------------------------------------ objects

function insertIntoObject(
  root: TSESTree.ObjectExpression,
  path: readonly string[],
  key: string,
  parts: readonly ValuePart[],
  text: string,
): TextEdit[] | undefined {
  let object = root;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const property = findProperty(object, path[depth]!);
    if (!property) break;
    const value = unwrap(property.value);
    if (value.type !== 'ObjectExpression') return undefined;
    object = value;
  }
  const like = object.properties.find(
    (property): property is TSESTree.Property => property.type === 'Property' && isStringLiteral(property.value),
  )?.value;
  const inserted = insertProperty(
    object,
    nestedCode(path.slice(depth), `${key}: ${valueCode(parts, text, like)}`),
    text,
  );
  return [depth < path.length ? { ...inserted, creates: path.slice(0, depth + 1).join('.') } : inserted];
}

/** `a: { b: { <code> } }` for the parent objects a path still lacks. */
function nestedCode(missing: readonly string[], code: string): string {
  return missing.reduceRight((inner, name) => `${name}: { ${inner} }`, code);
}

/** Inserts `code` as the object's last property, on its own line when the object spans lines. */
export function insertProperty(object: TSESTree.ObjectExpression, code: string, text: string): TextEdit {
  const last = object.properties[object.properties.length - 1];
  const closing = object.range[1] - 1;
  if (!last) return { range: [object.range[0] + 1, closing], text: ` ${code} ` };
  const between = text.slice(last.range[1], closing);
  const comma = commaAfter(between);
  const multiline = text.slice(object.range[0], object.range[1]).includes('\n');
  if (!multiline)
    return comma === -1
      ? { range: [last.range[1], last.range[1]], text: `, ${code}` }
      : { range: [last.range[1] + comma + 1, last.range[1] + comma + 1], text: ` ${code},` };
  const indent = indentationOf(last, text);
  if (comma !== -1) {
    // After the trailing comma's line (so a comment after the comma stays with the last property).
    const after = last.range[1] + comma + 1;
    const lineEnd = lineBreakAt(text, after);
    const at = lineEnd === -1 || lineEnd > closing ? after : lineEnd;
    return { range: [at, at], text: `${eol(text)}${indent}${code},` };
  }
  // No trailing comma: add one after the last property, keeping a trailing line comment on its line.
  const lineEnd = lineBreakAt(text, last.range[1]);
  const comment = lineEnd === -1 ? '' : text.slice(last.range[1], lineEnd);
  if (/^\s*\/\//.test(comment))
    return { range: [last.range[1], lineEnd], text: `,${comment}${eol(text)}${indent}${code}` };
  return { range: [last.range[1], last.range[1]], text: `,${eol(text)}${indent}${code}` };
}

/** Offset of the trailing comma in the text between the last property and `}` (comments skipped), or -1. */
function commaAfter(between: string): number {
  const match = /^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*,/.exec(between);
  return match ? match[0].length - 1 : -1;
}

// ------------------------------------------------------------------------------------------------ JSX

function insertIntoElement(
  element: TSESTree.JSXOpeningElement,
  path: readonly string[],
  key: string,
  parts: readonly ValuePart[],
  text: string,
): TextEdit[] | undefined {
  if (path.length === 0)
    return [insertAttribute(element, `${key}=${attributeValue(parts, text, stringAttributeOf(element))}`, text)];
  const attribute = attributeOf(element, path[0]!);
  if (!attribute)
    return [
      {
        ...insertAttribute(
          element,
          `${path[0]}={{ ${nestedCode(path.slice(1), `${key}: ${valueCode(parts, text)}`)} }}`,
          text,
        ),
        creates: path[0],
      },
    ];
  const container = attribute.value;
  const object =
    container?.type === 'JSXExpressionContainer' && container.expression.type !== 'JSXEmptyExpression'
      ? unwrap(container.expression)
      : undefined;
  return object?.type === 'ObjectExpression' ? insertIntoObject(object, path.slice(1), key, parts, text) : undefined;
}

export function attributeOf(element: TSESTree.JSXOpeningElement, name: string): TSESTree.JSXAttribute | undefined {
  let found: TSESTree.JSXAttribute | undefined;
  for (const attribute of element.attributes)
    if (attribute.type === 'JSXAttribute' && attribute.name.type === 'JSXIdentifier' && attribute.name.name === name)
      found = attribute;
  return found;
}

/** A JSX attribute value: `"text"` (in the quote of `like`, else double quotes) or `{code}`. */
function attributeValue(parts: readonly ValuePart[], text: string, like: Node | undefined): string {
  const literal = staticText(parts);
  if (literal === undefined || /["'{}<>\\\n]/.test(literal)) return `{${valueCode(parts, text)}}`;
  const quote = like && isStringLiteral(like) ? text[like.range[0]]! : '"';
  return `${quote}${literal}${quote}`;
}

/** An attribute of the element written as a string literal, whose quotes new attributes follow. */
function stringAttributeOf(element: TSESTree.JSXOpeningElement): Node | undefined {
  for (const attribute of element.attributes)
    if (attribute.type === 'JSXAttribute' && attribute.value && isStringLiteral(attribute.value))
      return attribute.value;
  return undefined;
}

/** Adds an attribute after the last one: on its own line when the attributes are written one per line. */
function insertAttribute(element: TSESTree.JSXOpeningElement, code: string, text: string): TextEdit {
  const last = element.attributes[element.attributes.length - 1];
  const after = last ?? element.name;
  const onOwnLines = last !== undefined && lineStart(text, last.range[0]) !== lineStart(text, element.range[0]);
  return {
    range: [after.range[1], after.range[1]],
    text: onOwnLines ? `${eol(text)}${indentationOf(last, text)}${code}` : ` ${code}`,
  };
}

// ------------------------------------------------------------------------------------------------ shared

function staticText(parts: readonly ValuePart[]): string | undefined {
  return parts.every((part) => 'text' in part)
    ? parts.map((part) => (part as { text: string }).text).join('')
    : undefined;
}

function source(node: Node, text: string): string {
  return text.slice(node.range[0], node.range[1]);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentationOf(node: Node, text: string): string {
  const start = lineStart(text, node.range[0]);
  return /^[ \t]*/.exec(text.slice(start, node.range[0]))![0];
}

/** Applies non-overlapping edits; insertions at the same point keep their order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.range[0] - a.edit.range[0] || b.edit.range[1] - a.edit.range[1] || b.index - a.index);
  // Edits come from the end, so the text after `cursor` is final: its pieces are joined once. Rebuilding the whole
  // text for every edit made a file with thousands of edits quadratic, in time and in garbage.
  let head = text;
  let cursor = text.length;
  const pieces: string[] = [];
  for (const { edit } of ordered) {
    const [start, end] = edit.range;
    if (end > cursor) {
      // Into an edit already applied: applied to the text as it now is.
      head = head.slice(0, cursor) + pieces.reverse().join('');
      pieces.length = 0;
      cursor = head.length;
    }
    pieces.push(head.slice(end, cursor), edit.text);
    cursor = start;
  }
  pieces.push(head.slice(0, cursor));
  return pieces.reverse().join('');
}

/** The file's line break: CRLF files get CRLF in inserted lines. */
export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Where the line containing `from` ends: at its `\r\n` or `\n`, or -1 on the last line. */
function lineBreakAt(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}
