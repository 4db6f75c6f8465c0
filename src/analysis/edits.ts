/**
 * Text edits for token requests: set or add `responseType`, `audience` and `scope` in the SDK's place for them,
 * following the file's quote style, indentation and trailing commas, and touching no other byte.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { findProperty, isStringLiteral, unwrap } from './ast';
import type { Node, OptionValue, TextEdit, TokenRequest } from './types';

export type OptionName = 'audience' | 'scope' | 'responseType';

/** The quote character a file mostly uses for strings. */
export function quoteStyle(text: string): "'" | '"' {
  const single = (text.match(/'/g) ?? []).length;
  const double = (text.match(/"/g) ?? []).length;
  return double > single ? '"' : "'";
}

/** A string literal in the style of `like` (an existing literal) or the file. */
export function stringLiteral(value: string, text: string, like?: Node): string {
  const quote = like && isStringLiteral(like) ? (text[like.range[0]] as "'" | '"') : quoteStyle(text);
  return `${quote}${value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
}

/** `https://<domain>/api/v2/` as code: a literal when the domain is one, else a template literal over its expression. */
export function audienceExpression(request: TokenRequest, text: string): string | undefined {
  const domain = request.domain && unwrap(request.domain);
  if (!domain) return undefined;
  if (isStringLiteral(domain)) return stringLiteral(managementAudience(domain.value), text);
  if (domain.type === 'TemplateLiteral') return `\`https://${text.slice(domain.range[0] + 1, domain.range[1] - 1)}/api/v2/\``;
  return `\`https://\${${text.slice(domain.range[0], domain.range[1])}}/api/v2/\``;
}

export function managementAudience(domain: string): string {
  return `https://${domain.replace(/^https?:\/\//, '').replace(/\/+$/, '')}/api/v2/`;
}

/** Sets an option to `valueCode`: replaces the value when the option exists, otherwise inserts it (and any missing parent objects). */
export function setOption(request: TokenRequest, option: OptionName, valueCode: string, text: string): TextEdit[] | undefined {
  const existing = optionOf(request, option);
  if (existing) return [{ range: existing.valueNode.range, text: valueCode }];
  const { root } = request.placement;
  if (!root) return undefined;
  const path = option === 'audience' ? request.placement.audiencePath : option === 'scope' ? request.placement.scopePath : request.placement.responseTypePath;
  const key = option === 'responseType' ? request.placement.responseTypeKey : option;
  let object: TSESTree.ObjectExpression = root;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const property = findProperty(object, path[depth]!);
    if (!property) break;
    const value = unwrap(property.value);
    if (value.type !== 'ObjectExpression') return undefined;
    object = value;
  }
  let code = `${key}: ${valueCode}`;
  for (let index = path.length - 1; index >= depth; index--) code = `${path[index]}: { ${code} }`;
  return [insertProperty(object, code, text)];
}

/** Replaces a string option's value with a new string in the same quote style. */
export function replaceString(option: OptionValue, value: string, text: string): TextEdit {
  return { range: option.valueNode.range, text: stringLiteral(value, text, option.valueNode) };
}

function optionOf(request: TokenRequest, option: OptionName): OptionValue | undefined {
  return option === 'audience' ? request.audience : option === 'scope' ? request.scope : request.responseType;
}

/** Inserts `code` as the object's last property, on its own line when the object spans lines. */
export function insertProperty(object: TSESTree.ObjectExpression, code: string, text: string): TextEdit {
  const last = object.properties[object.properties.length - 1];
  const closing = object.range[1] - 1;
  if (!last) return { range: [object.range[0] + 1, closing], text: ` ${code} ` };
  const between = text.slice(last.range[1], closing);
  const trailingComma = /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*,/.test(between) || between.includes(',');
  const multiline = text.slice(object.range[0], object.range[1]).includes('\n');
  if (!multiline) return { range: [last.range[1], last.range[1]], text: `, ${code}` };
  const indent = indentationOf(last, text);
  if (trailingComma) {
    const comma = last.range[1] + between.indexOf(',') + 1;
    const lineEnd = text.indexOf('\n', comma);
    const at = lineEnd === -1 || lineEnd > closing ? comma : lineEnd;
    return { range: [at, at], text: at === comma ? `\n${indent}${code},` : `\n${indent}${code},` };
  }
  // No trailing comma: add one after the last property, keeping a trailing line comment on its line.
  const lineEnd = text.indexOf('\n', last.range[1]);
  const comment = lineEnd === -1 ? '' : text.slice(last.range[1], lineEnd);
  if (/^\s*\/\//.test(comment)) {
    return { range: [last.range[1], lineEnd], text: `,${comment}\n${indent}${code}` };
  }
  return { range: [last.range[1], last.range[1]], text: `,\n${indent}${code}` };
}

function indentationOf(node: Node, text: string): string {
  const lineStart = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, node.range[0]))![0];
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) result = result.slice(0, edit.range[0]) + edit.text + result.slice(edit.range[1]);
  return result;
}
