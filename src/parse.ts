/**
 * Parsing for the codemod and the CLI: the parser by file type, each file parsed once, with the scope manager the
 * recogniser needs. `.vue` files yield one unit per `<script>` block, with the block's offset in the file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { walk } from './analysis/ast';
import type { ScopeManagerLike } from './analysis/file-context';
import { parseNatively } from './native-parse';
import { MAX_FLOW_NESTING, MAX_NESTING, nestsDeeperThan } from './nesting';

export interface ParsedUnit {
  readonly program: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
  /** The unit's text: the whole file, or a `.vue` `<script>` block's content. */
  readonly text: string;
  /** Offset of `text` in the file. */
  readonly offset: number;
}

/** A file no parser accepts. Not a crash, so it carries no stack: runners print just the reason. */
export class ParseError extends Error {
  constructor(
    readonly file: string,
    reason: string,
    message = `${file}: cannot parse (${reason}); the file is left unchanged`,
  ) {
    super(message);
    this.name = 'ParseError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The leading whitespace and comments of a file, matched in linear time (each comment form is unambiguous). */
const LEADING_COMMENTS = /^(?:\s+|\/\/[^\n]*|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/)*/;
const FLOW_PRAGMA = /(?:\/\/|\/\*+)\s*@flow\b/;
const VUE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

type Flavour = 'js' | 'ts' | 'tsx' | 'flow';

/** A text to parse as one unit: the whole file, or a `.vue` `<script>` block. */
interface Source {
  readonly text: string;
  readonly offset: number;
  readonly flavour: Flavour;
}

/** Parses a file into the units the recogniser reads. Throws `ParseError` when no parser accepts it. */
export function parseFile(file: string, text: string): ParsedUnit[] {
  return sources(file, text).map((source) => {
    refuseDeepNesting(file, source);
    // A Rule as written is no program for any parser: trying it first would only fail, after loading TypeScript.
    const parsed = auth0RuleSource(source) ?? source;
    return withScopes(file, parsed, parseSource(file, parsed));
  });
}

/** An Auth0 Rule: a file that is one anonymous `function (user, context, callback) { … }`, which no parser takes as a program. */
const AUTH0_RULE = /^(?:async\s+)?function\s*\(/;
/** Written before a Rule's function to make it an expression statement; the unit's offset takes it back out. */
const RULE_PREFIX = '0,';

/**
 * A Rule's text as a script that parses (the function as an expression), at an offset that maps its nodes back onto
 * the file; undefined for anything else.
 */
function auth0RuleSource(source: Source): Source | undefined {
  if (source.flavour !== 'js' || !AUTH0_RULE.test(source.text.slice(LEADING_COMMENTS.exec(source.text)![0].length)))
    return undefined;
  return { text: RULE_PREFIX + source.text, offset: source.offset - RULE_PREFIX.length, flavour: 'js' };
}

/**
 * The units of a plain JavaScript file, parsed by espree alone; undefined when a unit needs another parser, or none
 * accepts it. Loads neither TypeScript nor Babel: the reader thread screens candidates with it.
 */
export function parseJavaScriptFile(file: string, text: string): ParsedUnit[] | undefined {
  const units: ParsedUnit[] = [];
  for (const source of sources(file, text)) {
    refuseDeepNesting(file, source);
    const program = source.flavour === 'js' ? parseJavaScript(source.text) : undefined;
    if (!program) return undefined;
    units.push(withScopes(file, source, program));
  }
  return units;
}

function sources(file: string, text: string): Source[] {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? 'js';
  if (extension === 'vue') {
    return Array.from(text.matchAll(VUE_SCRIPT), (match) => {
      const lang = /\blang\s*=\s*["']?(tsx?|jsx?)/i.exec(match[1]!)?.[1]?.toLowerCase() ?? 'js';
      return {
        text: match[2]!,
        offset: match.index! + match[0].indexOf('>') + 1,
        flavour: lang === 'ts' || lang === 'tsx' ? lang : 'js',
      };
    });
  }
  const flavour = FLOW_PRAGMA.test(LEADING_COMMENTS.exec(text)![0])
    ? 'flow'
    : extension === 'ts' || extension === 'mts' || extension === 'cts'
      ? 'ts'
      : extension === 'tsx'
        ? 'tsx'
        : 'js';
  return [{ text, offset: 0, flavour }];
}

/** Before any parser: a text nested too deeply could end the process instead of throwing (see `nesting.ts`). */
function refuseDeepNesting(file: string, { text, flavour }: Source): void {
  if (nestsDeeperThan(text, flavour === 'flow' ? MAX_FLOW_NESTING : MAX_NESTING, flavour !== 'ts'))
    throw tooDeepToAnalyse(file);
}

function tooDeepToAnalyse(file: string): ParseError {
  return new ParseError(file, 'nested too deeply to analyse', `${file}: nested too deeply to analyse: skipped`);
}

function parseSource(file: string, { text, flavour }: Source): TSESTree.Program {
  try {
    if (flavour === 'flow') return parseFlow(text);
    if (flavour === 'js') return parseJavaScript(text) || parseTypeScript(text, true);
    return parseNatively(text, flavour) ?? parseTypeScript(text, flavour === 'tsx');
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message))
      throw new ParseError(file, 'nested too deeply for the parser');
    const { message, lineNumber, column, loc } = error as Error & {
      lineNumber?: number;
      column?: number;
      loc?: { line: number; column: number };
    };
    const line = lineNumber ?? loc?.line;
    const where = line !== undefined ? `line ${line}, column ${(column ?? loc?.column ?? 0) + 1}: ` : '';
    throw new ParseError(file, `${where}${message.split('\n')[0]!.replace(/\s*\(\d+:\d+\)$/, '')}`);
  }
}

function withScopes(file: string, source: Source, program: TSESTree.Program): ParsedUnit {
  // Loaded only once a candidate file is parsed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { analyze } = require('@typescript-eslint/scope-manager') as typeof import('@typescript-eslint/scope-manager');
  const isModule = program.body.some(
    (statement) => statement.type === 'ImportDeclaration' || statement.type.startsWith('Export'),
  );
  // No lib typings: their globals never resolve a reference (a global stays unresolved either way), and declaring
  // them costs more than the rest of the scope analysis.
  let scopeManager;
  try {
    scopeManager = analyze(program, { sourceType: isModule ? 'module' : 'script', jsxPragma: null, lib: [] });
  } catch (error) {
    // A tree the parser could still build can be too deep for the scope analysis that walks it recursively.
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeepToAnalyse(file);
    throw error;
  }
  return {
    program,
    scopeManager: scopeManager as unknown as ScopeManagerLike,
    text: source.text,
    offset: source.offset,
  };
}

function parseTypeScript(text: string, jsx: boolean): TSESTree.Program {
  const { parse } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for TypeScript oxc does not take
    require('@typescript-eslint/typescript-estree') as typeof import('@typescript-eslint/typescript-estree');
  // Ranges only: the recogniser never reads `loc` or comments, and a tree without them holds a third less memory.
  return parse(text, {
    jsx,
    range: true,
    loc: false,
    allowInvalidAST: false,
    suppressDeprecatedPropertyWarnings: true,
  }) as TSESTree.Program;
}

/** Plain JavaScript through espree: a module, else a script; undefined when it is neither (JSX aside: TypeScript, Flow without its pragma, decorators). */
function parseJavaScript(text: string): TSESTree.Program | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const espree = require('espree') as { parse(text: string, options: object): unknown };
  for (const sourceType of ['module', 'script'] as const) {
    try {
      const program = espree.parse(text, {
        ecmaVersion: 'latest',
        sourceType,
        range: true,
        loc: false,
        ecmaFeatures: { jsx: true, globalReturn: sourceType === 'script' },
      }) as TSESTree.Program;
      withTypeScriptArrays(program);
      return program;
    } catch {
      // the other source type, then typescript-estree
    }
  }
  return undefined;
}

function parseFlow(text: string): TSESTree.Program {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('@babel/parser') as typeof import('@babel/parser');
  const file = parse(text, {
    sourceType: 'unambiguous',
    ranges: true,
    plugins: ['flow', 'jsx', 'estree'],
    errorRecovery: false,
  });
  const program = file.program as unknown as TSESTree.Program;
  withTypeScriptArrays(program);
  return program;
}

const CLASSES = new Set(['ClassDeclaration', 'ClassExpression']);
const CLASS_MEMBERS = new Set(['MethodDefinition', 'PropertyDefinition', 'AccessorProperty']);

/**
 * typescript-estree gives classes an `implements` array, and classes, their members and every parameter a `decorators`
 * array; @typescript-eslint/scope-manager reads them, and espree and Babel do not make them.
 */
function withTypeScriptArrays(program: TSESTree.Program): void {
  walk(program, (node) => {
    const record = node as unknown as {
      decorators?: unknown[];
      implements?: unknown[];
      params?: { decorators?: unknown[] }[];
    };
    if (CLASSES.has(node.type)) {
      record.decorators ??= [];
      record.implements ??= [];
    } else if (CLASS_MEMBERS.has(node.type)) record.decorators ??= [];
    if (Array.isArray(record.params)) for (const param of record.params) param.decorators ??= [];
  });
}
