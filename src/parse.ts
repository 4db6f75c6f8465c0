/**
 * Parsing for the codemod and the CLI: the parser by file type, each file parsed once, with the scope manager the
 * recogniser needs. `.vue` files yield one unit per `<script>` block, with the block's offset in the file; an HTML
 * page yields one unit for all its inline scripts (see `pageScripts`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { walk } from './analysis/ast';
import { mightContainAuth0 } from './analysis/prefilter';
import type { ScopeManagerLike } from './analysis/file-context';
import { parseNatively } from './native-parse';
import { MAX_FLOW_NESTING, MAX_NESTING, nestsDeeperThan } from './nesting';

export interface ParsedUnit {
  readonly program: TSESTree.Program;
  readonly scopeManager: ScopeManagerLike;
  /**
   * The unit's text: the whole file, a `.vue` `<script>` block's content, or an HTML page with everything but its
   * inline scripts blanked.
   */
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

/** A text to parse as one unit: the whole file, a `.vue` `<script>` block, or an HTML page's inline scripts. */
interface Source {
  readonly text: string;
  readonly offset: number;
  readonly flavour: Flavour;
  /** For an HTML page: the page and its inline scripts, each parsed alone. */
  readonly page?: Page;
}

/** Parses a file into the units the recogniser reads. Throws `ParseError` when no parser accepts it. */
export function parseFile(file: string, text: string): ParsedUnit[] {
  return sources(file, text).map((source) => {
    refuseDeepNesting(file, source);
    if (source.page) return withScopes(file, source, parsePage(file, source.page));
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
    // A page's blocks may need typescript-estree, which this must not load: the main thread parses pages.
    if (source.page) return undefined;
    refuseDeepNesting(file, source);
    const program = source.flavour === 'js' ? parseJavaScript(source.text) : undefined;
    if (!program) return undefined;
    units.push(withScopes(file, source, program));
  }
  return units;
}

function sources(file: string, text: string): Source[] {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? 'js';
  if (HTML_EXTENSIONS.has(extension)) {
    const blocks = inlineScripts(text);
    return blocks.length === 0 ? [] : [pageSource(text, blocks)];
  }
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

/** HTML pages: their inline `<script>` blocks are read, the markup never. */
const HTML_EXTENSIONS = new Set(['html', 'htm']);
/** An HTML comment (whose scripts never run) or a `<script>` element, its attributes and its body. */
const PAGE_SCRIPT_OR_COMMENT = /<!--[\s\S]*?-->|<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/**
 * The `type`s a browser runs as JavaScript (none, the JavaScript MIME types, `module`), and the JSX that an in-page
 * Babel transpiles (`text/babel`, `text/jsx`); templates, JSON and import maps are data.
 */
const JAVASCRIPT_TYPE =
  /^(?:|module|(?:text|application)\/(?:x-)?(?:javascript|ecmascript)(?:1\.\d)?|text\/(?:jscript|livescript|babel|jsx))$/i;
const TYPE_ATTRIBUTE = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
/** With a `src`, a browser runs the file and ignores the body. */
const SRC_ATTRIBUTE = /(?:^|\s)src\s*=/i;
/**
 * Written over the `</` of each block's end tag in the text `pageScripts` gives a linter, which parses the blocks as one
 * script: a line break (U+2028, which no line count of the tool sees, so every position stays the page's) ends a `//`
 * comment a block may end with, and `;` its last statement, as the browser's separate scripts would.
 */
const BLOCK_END = '\u2028;';

/** An inline script of an HTML page: where its body lies in the page. */
interface PageBlock {
  readonly start: number;
  readonly end: number;
}

interface Page {
  readonly text: string;
  readonly blocks: readonly PageBlock[];
}

/** The inline scripts a browser runs as JavaScript, in page order. */
function inlineScripts(page: string): PageBlock[] {
  const blocks: PageBlock[] = [];
  for (const match of page.matchAll(PAGE_SCRIPT_OR_COMMENT)) {
    const [element, attributes, body] = match;
    if (body === undefined || !runsAsJavaScript(attributes!)) continue;
    const start = match.index + element.indexOf('>') + 1;
    blocks.push({ start, end: start + body.length });
  }
  return blocks;
}

function runsAsJavaScript(attributes: string): boolean {
  if (SRC_ATTRIBUTE.test(attributes)) return false;
  const type = TYPE_ATTRIBUTE.exec(attributes);
  return JAVASCRIPT_TYPE.test((type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim());
}

/**
 * A page's inline scripts at their places in the page, every other character blanked and line breaks kept, so offsets,
 * lines and columns are the page's: the unit's text, and what a linter without an HTML processor can read (the
 * tests lint migrated pages so). Without the blocks `parsePage` leaves out.
 */
export function pageScripts(page: string): string {
  const blocks = inlineScripts(page).filter(({ start, end }) => {
    const script = page.slice(start, end);
    return mightContainAuth0(script) || parseJavaScript(script) !== undefined;
  });
  return pageSource(page, blocks).text;
}

function pageSource(page: string, blocks: readonly PageBlock[]): Source {
  let text = '';
  let last = 0;
  for (const { start, end } of blocks) {
    text += blank(page.slice(last, start)) + page.slice(start, end) + BLOCK_END;
    last = end + BLOCK_END.length;
  }
  text += blank(page.slice(last));
  return { text, offset: 0, flavour: 'js', page: { text: page, blocks } };
}

function blank(markup: string): string {
  return markup.replace(/[^\r\n]/g, ' ');
}

/**
 * A page's inline scripts as one program, as the browser runs them: each block parsed alone (a block the browser
 * cannot run stops only itself), its nodes placed at their offsets in the page, and all the statements in one body,
 * so the scope analysis sees the globals they share. A block no parser takes is left out when it names nothing
 * Auth0-related (server-side template syntax, `{{ }}` placeholders); otherwise the page is a parse error, with the
 * block's position in the page: a flow the tool cannot read is reported, never passed over.
 */
function parsePage(file: string, { text, blocks }: Page): TSESTree.Program {
  const body: TSESTree.ProgramStatement[] = [];
  for (const block of blocks) {
    const script = text.slice(block.start, block.end);
    let program: TSESTree.Program;
    try {
      program = parseSource(file, { text: script, offset: block.start, flavour: 'js' }, text);
    } catch (error) {
      if (error instanceof ParseError && !mightContainAuth0(script)) continue;
      throw error;
    }
    walk(program, (node) => {
      node.range = [node.range[0] + block.start, node.range[1] + block.start];
    });
    body.push(...program.body);
  }
  const program = {
    type: 'Program',
    body,
    sourceType: body.some((statement) => statement.type === 'ImportDeclaration') ? 'module' : 'script',
    comments: [],
    tokens: [],
    range: [0, text.length],
  } as unknown as TSESTree.Program;
  for (const statement of body) (statement as { parent?: TSESTree.Node }).parent = program;
  return program;
}

/** Before any parser: a text nested too deeply could end the process instead of throwing (see `nesting.ts`). */
function refuseDeepNesting(file: string, { text, flavour }: Source): void {
  if (nestsDeeperThan(text, flavour === 'flow' ? MAX_FLOW_NESTING : MAX_NESTING, flavour !== 'ts'))
    throw tooDeepToAnalyse(file);
}

function tooDeepToAnalyse(file: string): ParseError {
  return new ParseError(file, 'nested too deeply to analyse', `${file}: nested too deeply to analyse: skipped`);
}

/** `page`: the page a block of it comes from, so an error's line and column are the page's. */
function parseSource(file: string, { text, flavour, offset }: Source, page?: string): TSESTree.Program {
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
    const where = line !== undefined ? positionText(line, column ?? loc?.column ?? 0, page, offset) : '';
    throw new ParseError(file, `${where}${message.split('\n')[0]!.replace(/\s*\(\d+:\d+\)$/, '')}`);
  }
}

/** `line N, column M: ` of a parser's error (line 1-based, column 0-based), in the page when the text is a block of one. */
function positionText(line: number, column: number, page: string | undefined, offset: number): string {
  if (page === undefined) return `line ${line}, column ${column + 1}: `;
  const before = page.slice(0, offset).split('\n');
  const pageLine = before.length + line - 1;
  const pageColumn = line === 1 ? before[before.length - 1]!.length + column : column;
  return `line ${pageLine}, column ${pageColumn + 1}: `;
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
