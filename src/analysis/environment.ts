/**
 * Where a file runs, from evidence the analysis can name: `browser`, `server` or `unknown`. Rules that only make sense
 * in a browser need browser evidence; nothing falls back to "browser". Test code and vendored libraries are not
 * judged at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  BROWSER_LIBRARY_GLOBALS,
  BROWSER_PACKAGES,
  HTTP_TRANSPORTS,
  isPublicBuildVariable,
  matchesPackage,
  REQUEST_HANDLER_PARAMETERS,
  SERVER_PACKAGES,
  TENANT_ACTION,
  TENANT_RULE,
} from '../catalog';
import { calleePath, isFunction, memberName, propertyName, unwrap } from './ast';
import type { FileContext } from './file-context';
import { moduleNamespace } from './sdk';
import type { DetectedEnvironment, Node } from './types';

export interface EnvironmentVerdict {
  readonly environment: DetectedEnvironment;
  /** What decided it, for reports: `imports 'express'`, `reads localStorage`, `pages/api route`. */
  readonly evidence?: string;
  /** In browser code, the ranges that run on the server (a page's `getServerSideProps`). */
  readonly serverRegions?: readonly (readonly [number, number])[];
}

/** Paths of code that runs in Node whatever it imports: API routes, route handlers, build tool configurations. */
const SERVER_PATHS: readonly (readonly [RegExp, string])[] = [
  [/(^|\/)pages\/api\//, 'a Next.js API route (pages/api)'],
  [/(^|\/)(gulpfile|gruntfile)(\.[\w-]+)?\.[cm]?[jt]s$/i, 'a build script (gulpfile/Gruntfile)'],
  [
    /(^|\/)(webpack|rollup|vite|babel|postcss|tailwind|next|nuxt|svelte|astro|metro|craco|esbuild|tsup|eslint|prettier|gatsby)\.config(\.[\w-]+)?\.[cm]?[jt]s$/,
    'a build tool configuration',
  ],
  [/(^|\/)gatsby-(node|config)\.[cm]?[jt]s$/, 'a build tool configuration'],
];

/** Test code: by path (runners' conventions) or by the test libraries it imports. */
const TEST_PATH =
  /(^|\/)(tests?|__tests__|__mocks__|specs?|e2e|cypress|playwright)\/|\.(test|tests|spec|e2e|cy)\.[cm]?[jt]sx?$|(^|\/)(playwright|cypress|jest|vitest|karma|protractor|wdio)\.(config|conf)\.[cm]?[jt]s$/i;
const TEST_MODULES =
  /^(mocha|chai|sinon|jest|@jest\/globals|vitest|jasmine|ava|tape|supertest|nock|enzyme|@testing-library\/.*|@playwright\/test|playwright|cypress|@angular\/core\/testing|@vue\/test-utils)$/;

/**
 * Vendored libraries announce themselves in a banner comment at the top: a preserved `/*!` comment with a version, a
 * licence or a copyright, or any doc comment naming a version (`auth0-js v9.24.1`) or `@license`. A copyright line
 * alone in a `/**` comment is a company's header on its own code.
 */
const LEADING_BANNER = /^\s*(?:\/\/[^\n]*\n\s*)*\/\*([*!])((?:[^*]|\*(?!\/)){0,800})\*\//;
const LIBRARY_MARKS = /@license|@preserve|\bv\d+\.\d+\.\d+/i;
const PRESERVED_MARKS = /\(c\)\s*\d{4}|copyright\s+(?:\(c\)\s*)?\d{4}|\blicen[cs]ed?\b/i;

const NODE_BUILTINS = new Set([
  'assert',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'readline',
  'stream',
  'tls',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
]);
/**
 * Browser APIs, the browser's own transport, and the globals of Auth0's and front-end libraries' script-tag builds
 * (`BROWSER_LIBRARY_GLOBALS`).
 */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  ...HTTP_TRANSPORTS.flatMap((transport) => (transport.kind === 'open-send-object' ? [transport.constructorName] : [])),
  ...BROWSER_LIBRARY_GLOBALS,
];
/** Component files of front-end frameworks. */
const COMPONENT_FILE = /\.(jsx|tsx|vue|svelte)$/;
/** Set by bundlers and Node alike: says nothing. */
const NEUTRAL_ENV = new Set(['NODE_ENV', 'PUBLIC_URL', 'BASE_URL', 'DEV', 'PROD', 'MODE', 'SSR']);
/** Next.js App Router route handlers: `app/…/route.ts` exporting HTTP methods (Remix and Ember have `route` files too). */
const ROUTE_HANDLER = /(^|\/)app\/(.+\/)?route\.[cm]?[jt]s$/;
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const DATA_FUNCTIONS = new Set(['getServerSideProps', 'getStaticProps']);

/**
 * A file's path as the environment rules read it: relative to its project's root, POSIX style. The root is the nearest
 * directory above the file that holds a `package.json` or `.git`, or `cwd` when that lies deeper and holds the file: the directories above a project say
 * nothing about its code (a checkout under `tests/` is not test code).
 */
export function projectPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const nearest = projectRoot(path.dirname(absolute));
  // The deeper of the two that holds the file: a project below the working directory, or a working directory inside it.
  const cwdHoldsFile = absolute.startsWith(cwd.endsWith(path.sep) ? cwd : cwd + path.sep);
  const root = nearest === undefined || (cwdHoldsFile && cwd.length > nearest.length) ? cwd : nearest;
  return path
    .relative(root, absolute)
    .split(path.sep)
    .join('/')
    .replace(/^(\.\.\/)+/, '');
}

const roots = new Map<string, string | null>();

/** The nearest directory at or above `directory` holding `package.json` or `.git`, looked up once per directory. */
function projectRoot(directory: string): string | undefined {
  const known = roots.get(directory);
  if (known !== undefined) return known ?? undefined;
  const parent = path.dirname(directory);
  const found =
    fs.existsSync(path.join(directory, 'package.json')) || fs.existsSync(path.join(directory, '.git'))
      ? directory
      : parent === directory
        ? undefined
        : projectRoot(parent);
  roots.set(directory, found ?? null);
  return found;
}

export function isTestPath(file: string): boolean {
  return TEST_PATH.test(file);
}

/** Whether a text is a vendored library copy, by the banner such builds carry. */
export function hasLibraryBanner(text: string): boolean {
  const [, kind, comment] = LEADING_BANNER.exec(text.slice(0, 2000)) ?? [];
  return comment !== undefined && (LIBRARY_MARKS.test(comment) || (kind === '!' && PRESERVED_MARKS.test(comment)));
}

/** Test code, by path or by the test libraries it imports. */
export function isTestCode(context: FileContext, file: string | undefined): boolean {
  return (file !== undefined && isTestPath(file)) || moduleSources(context).some((source) => TEST_MODULES.test(source));
}

/**
 * The environment a file runs in. Strong server evidence (an API route, a build script, an Auth0 Rule or Action,
 * `'use server'`, Next.js data functions, jsdom) wins; then browser evidence; then weaker server evidence (Node
 * modules, server frameworks, private environment variables); else `unknown`.
 */
export function environmentOf(context: FileContext, file: string | undefined): EnvironmentVerdict {
  const server = (evidence: string): EnvironmentVerdict => ({ environment: 'server', evidence });
  const serverPath = file === undefined ? undefined : SERVER_PATHS.find(([pattern]) => pattern.test(file));
  if (serverPath) return server(serverPath[1]);
  const exported = exportedNames(context);
  if (file !== undefined && ROUTE_HANDLER.test(file) && exported.some((name) => HTTP_METHODS.has(name)))
    return server('a Next.js route handler (app/**/route)');
  const directive = directives(context.program);
  if (directive.has('use server')) return server("'use server'");
  if (isTenantRule(context.program)) return server(TENANT_RULE.description);
  const action = exported.find((name) => TENANT_ACTION.exportName.test(name));
  if (action) return server(`${TENANT_ACTION.description} (${action})`);
  if (file !== undefined && /(^|\/)api\//.test(file) && hasRequestHandler(context))
    return server('a serverless function (api/ with a (req, res) handler)');
  const jsdom = fakesBrowserGlobals(context);
  if (jsdom) return server(jsdom);

  // Next.js data functions run on the server inside a page that runs in the browser: with browser evidence the file is
  // browser code whose data functions are server regions; without it, they make it server code.
  const dataFunctions = exportedFunctions(context, DATA_FUNCTIONS);
  const browser = browserEvidence(context, file, directive);
  if (browser !== undefined)
    return {
      environment: 'browser',
      evidence: browser,
      ...(dataFunctions.length > 0 && { serverRegions: dataFunctions.map((fn) => fn.range) }),
    };
  const dataFunction = exported.find((name) => DATA_FUNCTIONS.has(name));
  if (dataFunction) return server(`Next.js ${dataFunction}`);
  if (exported.includes('handler')) return server('a serverless handler (exports.handler)');

  const serverModule = moduleSources(context).find(
    (source) =>
      NODE_BUILTINS.has(source.replace(/^node:/, '')) ||
      source.startsWith('node:') ||
      matchesPackage(SERVER_PACKAGES, source),
  );
  if (serverModule !== undefined) return server(`imports '${serverModule}'`);
  const dirname = ['__dirname', '__filename'].find((name) => context.globals.has(name));
  if (dirname !== undefined) return server(`uses ${dirname}`);
  const privateVariable = environmentVariables(context).find((name) => !NEUTRAL_ENV.has(name));
  if (privateVariable !== undefined) return server(`reads process.env.${privateVariable}, which no bundler exposes`);
  return { environment: 'unknown' };
}

/** What shows the file runs in a browser, if anything does. */
function browserEvidence(
  context: FileContext,
  file: string | undefined,
  directive: ReadonlySet<string>,
): string | undefined {
  if (directive.has('use client')) return "'use client'";
  // An Auth0 SDK's module is browser evidence unless the SDK runs on a server (node-auth0).
  const client = moduleSources(context).find(
    (source) =>
      matchesPackage(BROWSER_PACKAGES, source) ||
      (moduleNamespace(source) !== undefined && !matchesPackage(SERVER_PACKAGES, source)),
  );
  if (client !== undefined) return `imports '${client}'`;
  const global = BROWSER_GLOBALS.find((name) => context.globals.has(name) && !onlyTypeofChecks(context, name));
  if (global !== undefined) return `uses the browser global ${global}`;
  if (context.jsxElements.length > 0) return 'renders JSX';
  const component = file === undefined ? undefined : COMPONENT_FILE.exec(file)?.[0];
  if (component !== undefined) return `a ${component} component file`;
  const publicVariable = environmentVariables(context).find(isPublicBuildVariable);
  return publicVariable === undefined ? undefined : `reads the bundled variable ${publicVariable}`;
}

/** The functions a module exports under these names (`export async function getServerSideProps`, `export const x = () => …`). */
function exportedFunctions(context: FileContext, names: ReadonlySet<string>): Node[] {
  const functions: Node[] = [];
  for (const statement of context.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id && names.has(declaration.id.name))
      functions.push(declaration);
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations)
        if (declarator.id.type === 'Identifier' && names.has(declarator.id.name) && declarator.init)
          functions.push(declarator.init);
    }
  }
  return functions;
}

/** Every module the file imports or requires. */
function moduleSources(context: FileContext): string[] {
  const sources = context.imports.map((declaration) => String(declaration.source.value));
  for (const call of context.calls) {
    const [argument] = call.arguments;
    if (
      call.callee.type === 'Identifier' &&
      call.callee.name === 'require' &&
      argument?.type === 'Literal' &&
      typeof argument.value === 'string'
    )
      sources.push(argument.value);
  }
  return sources;
}

function directives(program: TSESTree.Program): Set<string> {
  const found = new Set<string>();
  for (const statement of program.body) {
    if (
      statement.type !== 'ExpressionStatement' ||
      statement.expression.type !== 'Literal' ||
      typeof statement.expression.value !== 'string'
    )
      break;
    found.add(statement.expression.value);
  }
  return found;
}

/** An Auth0 Rule: a top-level function of `TENANT_RULE.parameters` (parsed as an expression, see `parseFile`). */
function isTenantRule(program: TSESTree.Program): boolean {
  return program.body.some((statement) => {
    // A Rule's function is an expression (see `parseFile`); a declaration of that shape is an app's own function.
    if (statement.type !== 'ExpressionStatement') return false;
    const expression = statement.expression;
    const candidate = expression.type === 'SequenceExpression' ? expression.expressions.at(-1) : expression;
    return (
      !!candidate &&
      isFunction(candidate) &&
      TENANT_RULE.parameters.every((name, index) => {
        const param = candidate.params[index];
        return param?.type === 'Identifier' && param.name === name;
      })
    );
  });
}

/** Names the module exports: `exports.x =`, `module.exports.x =`, `export const/function x`, `export { x }`. */
function exportedNames(context: FileContext): string[] {
  const names: string[] = [];
  for (const assignment of context.assignments) {
    const path = calleePath(assignment.left);
    if (
      path &&
      ((path.length === 2 && path[0] === 'exports') ||
        (path.length === 3 && path[0] === 'module' && path[1] === 'exports'))
    )
      names.push(path.at(-1)!);
  }
  for (const statement of context.program.body) {
    if (statement.type !== 'ExportNamedDeclaration') continue;
    const declaration = statement.declaration;
    if (declaration?.type === 'VariableDeclaration')
      for (const declarator of declaration.declarations)
        if (declarator.id.type === 'Identifier') names.push(declarator.id.name);
    if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id)
      names.push(declaration.id.name);
    for (const specifier of statement.specifiers)
      if (specifier.exported.type === 'Identifier') names.push(specifier.exported.name);
  }
  return names;
}

/** A default-exported (or `module.exports =`) function of `(req, res)`: a Vercel or Express-style handler. */
function hasRequestHandler(context: FileContext): boolean {
  const candidates: Node[] = [];
  for (const statement of context.program.body)
    if (statement.type === 'ExportDefaultDeclaration') candidates.push(statement.declaration);
  for (const assignment of context.assignments)
    if ((calleePath(assignment.left) ?? []).join('.') === 'module.exports') candidates.push(assignment.right);
  return candidates.some((candidate) => {
    const params = context.functionOf(unwrap(candidate))?.params ?? [];
    return REQUEST_HANDLER_PARAMETERS.every((pattern, index) => {
      const param = params[index];
      return param?.type === 'Identifier' && pattern.test(param.name);
    });
  });
}

/** A Node script that defines `window`/`document` itself (jsdom, `global.window = …`) only pretends to be a browser. */
function fakesBrowserGlobals(context: FileContext): string | undefined {
  for (const assignment of context.assignments) {
    const path = calleePath(assignment.left);
    if (
      path &&
      path.length === 2 &&
      (path[0] === 'global' || path[0] === 'globalThis') &&
      BROWSER_GLOBALS.includes(path[1]!)
    )
      return `assigns ${path.join('.')} (a Node script faking the browser)`;
  }
  return context.news.some((node) => calleePath(node.callee)?.at(-1) === 'JSDOM')
    ? 'creates a JSDOM (a Node script faking the browser)'
    : undefined;
}

/** `typeof window !== 'undefined'` asks whether it is a browser; it is no evidence that it is one. */
function onlyTypeofChecks(context: FileContext, name: string): boolean {
  let any = false;
  for (const node of context.globalReferences(name)) {
    any = true;
    if (node.parent?.type !== 'UnaryExpression' || node.parent.operator !== 'typeof') return false;
  }
  return any;
}

/** The names read as `process.env.NAME` or `import.meta.env.NAME`. */
function environmentVariables(context: FileContext): string[] {
  const names: string[] = [];
  for (const node of context.globalReferences('process')) {
    const env = node.parent;
    if (env?.type !== 'MemberExpression' || memberName(env) !== 'env') continue;
    const read = env.parent;
    if (read?.type === 'MemberExpression' && read.object === env) {
      const name = propertyName(read.property, read.computed);
      if (name !== undefined) names.push(name);
    }
  }
  for (const node of context.metaProperties) {
    const env = node.parent;
    if (env?.type !== 'MemberExpression' || memberName(env) !== 'env') continue;
    const read = env.parent;
    const name =
      read?.type === 'MemberExpression' && read.object === env ? propertyName(read.property, read.computed) : undefined;
    if (name !== undefined) names.push(name);
  }
  return names;
}
