/**
 * Reporters for `scan` and `scopes`: text, the versioned JSON document, SARIF 2.1.0 for GitHub code scanning,
 * Markdown, and GitHub Actions workflow commands. Each takes the run's report and returns the whole output.
 */
import type { Colors } from 'picocolors/types';
import { RULE_NAMES, type RuleName } from '../analysis/checks';
import { DOCS_BASE_URL, RULE_DESCRIPTIONS, ruleDocsUrl } from '../analysis/messages';
import type { CallSite, FileError, ProjectFinding, ProjectReport, TokenRequestReport } from '../project/types';
import { printable, workflowData, workflowProperty } from './escape';

export const TOOL_NAME = 'auth0-tokens';
// The package's own name resolves the same from src/ (tests) and dist/src/ (published), via `exports['./package.json']`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package version, read at runtime
export const TOOL_VERSION = (require('eslint-plugin-auth0-tokens/package.json') as { version: string }).version;
const INFORMATION_URI = DOCS_BASE_URL.replace(/\/blob\/.*$/, '');
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export type Severity = 'error' | 'warning';

/** Proven findings are errors; needs-manual ones (likely, not provable) are warnings. */
export function severityOf(finding: ProjectFinding): Severity {
  return finding.certainty === 'proven' ? 'error' : 'warning';
}

/** What to do in the Auth0 tenant once the code is migrated; ends every `scopes` and `migrate --report` output. */
export const TENANT_CHECKLIST = [
  'Turn off "Allow ID Tokens for Management API v2 Authentication" (tenant settings, Advanced) once every Management API call sends an access token: from then on any call still sending an ID token fails with 401.',
  'Turn on "Allow Skipping User Consent" on the Auth0 Management API (APIs > Auth0 Management API > Settings) for first-party applications; otherwise users see a consent dialog the first time their login asks for the Management API audience. Consent is never skipped on localhost, so development always shows it (silent `checkSession` / `getTokenSilently` fail with `consent_required` there: log in with a popup or redirect instead).',
  "A token holds one audience: a login that already asks for another API's audience keeps it and gets a second token for `https://<domain>/api/v2/` (`checkSession` / `getTokenSilently` with that audience and the scopes above).",
] as const;

// ---------------------------------------------------------------------------------------------------------------
// JSON (schema version 1)

export interface JsonCallSite {
  file: string;
  line: number;
  via: string;
  method: string | null;
  path: string | null;
}

export interface JsonDocument {
  schemaVersion: 1;
  tool: string;
  version: string;
  findings: {
    ruleId: string;
    severity: Severity;
    certainty: 'proven' | 'needs-manual';
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    message: string;
    related: { file: string; line: number; message: string }[];
  }[];
  tokenRequests: {
    file: string;
    line: number;
    sdk: string;
    audience: string | null;
    responseType: string | null;
    declaredScopes: string[];
    requiredScopes: { scope: string; because: JsonCallSite[] }[];
    missingScopes: string[];
    excessScopes: string[];
  }[];
  managementCalls: (JsonCallSite & {
    currentUserScope: string | null;
    anyUserScope: string | null;
    credential: 'id-token' | 'access-token' | 'unknown';
    environment: 'browser' | 'server' | 'unknown';
    environmentEvidence: string | null;
  })[];
  summary: { filesScanned: number; filesSkipped: number; findings: number; needsManual: number; errors: number };
}

function jsonCallSite(site: CallSite): JsonCallSite {
  return { file: site.file, line: site.line, via: site.via, method: site.method ?? null, path: site.path ?? null };
}

/** The documented document, field by field, so nothing the analysis adds internally leaks into the schema. */
export function jsonDocument(report: ProjectReport): JsonDocument {
  return {
    schemaVersion: 1,
    tool: TOOL_NAME,
    version: TOOL_VERSION,
    findings: report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: severityOf(finding),
      certainty: finding.certainty,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      message: finding.message,
      related: finding.related.map(({ file, line, message }) => ({ file, line, message })),
    })),
    tokenRequests: report.tokenRequests.map((request) => ({
      file: request.file,
      line: request.line,
      sdk: request.sdk,
      audience: request.audience,
      responseType: request.responseType,
      declaredScopes: [...request.declaredScopes],
      requiredScopes: request.requiredScopes.map(({ scope, because }) => ({
        scope,
        because: because.map(jsonCallSite),
      })),
      missingScopes: [...request.missingScopes],
      excessScopes: [...request.excessScopes],
    })),
    managementCalls: report.managementCalls.map((call) => ({
      ...jsonCallSite(call),
      currentUserScope: call.currentUserScope,
      anyUserScope: call.anyUserScope,
      credential: call.credential,
      environment: call.environment,
      environmentEvidence: call.environmentEvidence,
    })),
    summary: {
      filesScanned: report.filesScanned,
      filesSkipped: report.filesSkipped,
      findings: report.findings.length,
      needsManual: report.findings.filter((finding) => finding.certainty === 'needs-manual').length,
      errors: report.errors.length,
    },
  };
}

export function formatJson(report: ProjectReport): string {
  return `${JSON.stringify(jsonDocument(report), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Text

function ruleName(ruleId: string): RuleName {
  return ruleId.replace(/^auth0-tokens\//, '') as RuleName;
}

/** A rule's documentation; the tool's home for a rule id this version does not know (a report from another one). */
function docsUrl(rule: RuleName): string {
  return RULE_NAMES.includes(rule) ? ruleDocsUrl(rule) : INFORMATION_URI;
}

function byFile<T extends { readonly file: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.file, [...(groups.get(item.file) ?? []), item]);
  return groups;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `3 errors, 1 needs manual review`: the findings by severity. */
function findingCounts(report: ProjectReport): string {
  const manual = report.findings.filter((finding) => finding.certainty === 'needs-manual').length;
  return `${plural(report.findings.length - manual, 'error')}, ${plural(manual, 'warning')} needing manual review`;
}

function fileCounts(report: ProjectReport): string {
  const errors = report.errors.length > 0 ? `, ${plural(report.errors.length, 'file')} not analysed` : '';
  return `${plural(report.filesScanned, 'file')} scanned, ${report.filesSkipped} skipped (nothing Auth0-related)${errors}`;
}

/** ESLint-stylish text: findings grouped by file, then the files that could not be analysed, then the totals. */
export function formatText(report: ProjectReport, colors: Colors): string {
  const lines: string[] = [];
  for (const [file, findings] of byFile(report.findings)) {
    lines.push(colors.underline(printable(file)));
    const width = Math.max(...findings.map((finding) => `${finding.line}:${finding.column}`.length));
    for (const finding of findings) {
      const severity = severityOf(finding);
      const label = severity === 'error' ? colors.red('error  ') : colors.yellow('warning');
      lines.push(
        `  ${colors.dim(`${finding.line}:${finding.column}`.padEnd(width))}  ${label}  ${printable(finding.message)}  ${colors.dim(finding.ruleId)}`,
      );
      for (const related of finding.related)
        lines.push(
          `  ${' '.repeat(width)}           ${colors.dim(`${printable(related.file)}:${related.line}`)} ${printable(related.message)}`,
        );
    }
    lines.push('');
  }
  if (report.errors.length > 0) {
    lines.push(colors.underline('Not analysed'));
    for (const error of report.errors)
      lines.push(`  ${colors.red('error')}  ${printable(error.file)}: ${printable(error.message)}`);
    lines.push('');
  }
  lines.push(totals(report, colors), `${fileCounts(report)}.`);
  return `${lines.join('\n')}\n`;
}

/** The problems found; "none" is said only of the files analysed when some could not be. */
function totals(report: ProjectReport, colors: Colors): string {
  if (report.findings.length > 0)
    return colors.bold(colors.red(`✖ ${plural(report.findings.length, 'problem')} (${findingCounts(report)})`));
  if (report.errors.length === 0) return colors.green('No problems found.');
  return colors.yellow(
    `No problems found in the files analysed, but ${plural(report.errors.length, 'file')} could not be analysed.`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

/** A Markdown table cell: pipes escaped, newlines folded. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Prose in Markdown: `<domain>` in a message must not be read as an HTML tag. */
export function markdownText(text: string): string {
  return printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline Markdown code. */
export function markdownCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${printable(text)}${fence}`;
}

export function formatMarkdown(report: ProjectReport): string {
  const lines = ['# auth0-tokens scan', ''];
  const found =
    report.findings.length > 0
      ? `${plural(report.findings.length, 'problem')} (${findingCounts(report)})`
      : report.errors.length > 0
        ? 'No problems found in the files analysed'
        : 'No problems found';
  lines.push(`**${found}**; ${fileCounts(report)}.`, '');
  if (report.findings.length > 0) {
    lines.push('| File | Line | Severity | Rule | Message |', '| :-- | --: | :-- | :-- | :-- |');
    for (const finding of report.findings) {
      const related = finding.related
        .map((entry) => `<br>↳ ${markdownCode(`${entry.file}:${entry.line}`)} ${markdownText(entry.message)}`)
        .join('');
      const rule = `[${markdownCode(finding.ruleId)}](${docsUrl(ruleName(finding.ruleId))})`;
      lines.push(
        `| ${markdownCell(markdownCode(finding.file))} | ${finding.line}:${finding.column} | ${severityOf(finding)} | ${rule} | ${markdownCell(markdownText(finding.message) + related)} |`,
      );
    }
    lines.push('');
  }
  lines.push(...markdownErrors(report.errors));
  return `${lines.join('\n')}\n`;
}

export function markdownErrors(errors: readonly FileError[], heading = 'Files not analysed'): string[] {
  if (errors.length === 0) return [];
  return [
    `## ${heading}`,
    '',
    ...errors.map((error) => `- ${markdownCode(error.file)}: ${markdownText(error.message)}`),
    '',
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// SARIF 2.1.0

/** A relative URI reference for a `cwd`-relative POSIX path (each segment percent-encoded). */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 in the shape GitHub code scanning accepts: one run, every rule described, relative artifact URIs. */
export function formatSarif(report: ProjectReport): string {
  const ruleIds = [...RULE_NAMES].sort();
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: INFORMATION_URI,
            rules: ruleIds.map((name) => ({
              id: `auth0-tokens/${name}`,
              name,
              shortDescription: { text: RULE_DESCRIPTIONS[name] },
              helpUri: ruleDocsUrl(name),
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.errors.map((error) => ({
              level: 'error',
              message: { text: error.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(error.file) } } }],
            })),
          },
        ],
        results: report.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: ruleIds.indexOf(ruleName(finding.ruleId)),
          level: severityOf(finding),
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(finding.file) },
                region: {
                  startLine: finding.line,
                  startColumn: finding.column,
                  endLine: finding.endLine,
                  endColumn: finding.endColumn,
                },
              },
            },
          ],
          ...(finding.related.length > 0 && {
            relatedLocations: finding.related.map((related, id) => ({
              id,
              message: { text: related.message },
              physicalLocation: {
                artifactLocation: { uri: fileUri(related.file) },
                region: { startLine: related.line },
              },
            })),
          }),
          properties: { certainty: finding.certainty },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// GitHub Actions workflow commands

function command(level: Severity, properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${workflowProperty(String(value))}`)
    .join(',');
  return `::${level} ${list}::${workflowData(message)}`;
}

/**
 * `::error file=…,line=…::message` annotations: errors for proven findings and unanalysed files, warnings for
 * needs-manual. The `file` property is the file's exact name (the runner decodes it); in a message, the only line
 * breaks are the ones before related places.
 */
export function formatGithub(report: ProjectReport): string {
  const lines = report.findings.map((finding) => {
    const related = finding.related
      .map((entry) => `\n${printable(entry.file)}:${entry.line} ${printable(entry.message)}`)
      .join('');
    const properties = {
      file: finding.file,
      line: finding.line,
      col: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      title: finding.ruleId,
    };
    return command(severityOf(finding), properties, printable(finding.message) + related);
  });
  for (const error of report.errors)
    lines.push(command('error', { file: error.file, title: TOOL_NAME }, printable(error.message)));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

// ---------------------------------------------------------------------------------------------------------------
// `scopes`: the least-privilege report per token request

function callSiteText(site: CallSite): string {
  const endpoint = site.method && site.path ? `${site.method} ${site.path}` : (site.path ?? '');
  return printable(`${site.file}:${site.line}  ${site.via}${endpoint ? `  ${endpoint}` : ''}`);
}

function scopeList(scopes: readonly string[]): string {
  return scopes.length > 0 ? printable(scopes.join(' ')) : '(none)';
}

export function formatScopesText(report: ProjectReport, colors: Colors): string {
  const lines: string[] = [];
  if (report.tokenRequests.length === 0) lines.push('No token request found whose tokens call the Management API.', '');
  for (const request of report.tokenRequests) {
    lines.push(colors.bold(`Token request ${printable(request.file)}:${request.line} (${request.sdk})`));
    lines.push(`  audience:       ${printable(request.audience ?? '(none)')}`);
    lines.push(`  response type:  ${printable(request.responseType ?? '(none)')}`);
    lines.push(`  declared:       ${scopeList(request.declaredScopes)}`);
    lines.push(`  required:       ${request.requiredScopes.length > 0 ? '' : '(none)'}`.trimEnd());
    for (const { scope, because } of request.requiredScopes) {
      lines.push(`    ${colors.cyan(printable(scope))}`);
      for (const site of because) lines.push(`      ${callSiteText(site)}`);
    }
    lines.push(
      `  missing:        ${request.missingScopes.length > 0 ? colors.red(scopeList(request.missingScopes)) : '(none)'}`,
    );
    lines.push(
      `  excess:         ${request.excessScopes.length > 0 ? colors.yellow(scopeList(request.excessScopes)) : '(none)'}`,
    );
    lines.push('');
  }
  if (report.errors.length > 0) {
    lines.push(colors.underline('Not analysed'));
    for (const error of report.errors)
      lines.push(`  ${colors.red('error')}  ${printable(error.file)}: ${printable(error.message)}`);
    lines.push('');
  }
  lines.push(colors.bold('Tenant checklist'));
  for (const item of TENANT_CHECKLIST) lines.push(`  - ${item}`);
  return `${lines.join('\n')}\n`;
}

export function markdownTokenRequest(request: TokenRequestReport): string[] {
  const lines = [`### ${markdownCode(`${request.file}:${request.line}`)} (${request.sdk})`, ''];
  lines.push(`- Audience: ${request.audience ? markdownCode(request.audience) : 'none'}`);
  lines.push(`- Response type: ${request.responseType ? markdownCode(request.responseType) : 'none'}`);
  lines.push(
    `- Declared scopes: ${request.declaredScopes.length > 0 ? markdownCode(request.declaredScopes.join(' ')) : 'none'}`,
  );
  lines.push(`- Missing: ${request.missingScopes.length > 0 ? markdownCode(request.missingScopes.join(' ')) : 'none'}`);
  lines.push(
    `- Excess: ${request.excessScopes.length > 0 ? markdownCode(request.excessScopes.join(' ')) : 'none'}`,
    '',
  );
  if (request.requiredScopes.length > 0) {
    lines.push('| Required scope | Because of |', '| :-- | :-- |');
    for (const { scope, because } of request.requiredScopes)
      lines.push(
        `| ${markdownCode(scope)} | ${markdownCell(because.map((site) => markdownCode(callSiteText(site).replace(/ {2}/g, ' '))).join('<br>'))} |`,
      );
    lines.push('');
  }
  return lines;
}

export function markdownChecklist(): string[] {
  return ['## Tenant checklist', '', ...TENANT_CHECKLIST.map((item) => `- [ ] ${item}`), ''];
}

export function formatScopesMarkdown(report: ProjectReport): string {
  const lines = ['# auth0-tokens scopes', ''];
  lines.push(
    report.tokenRequests.length === 0
      ? 'No token request found whose tokens call the Management API.'
      : `${plural(report.tokenRequests.length, 'token request')}; ${fileCounts(report)}.`,
    '',
  );
  for (const request of report.tokenRequests) lines.push(...markdownTokenRequest(request));
  lines.push(...markdownErrors(report.errors), ...markdownChecklist());
  return `${lines.join('\n')}\n`;
}
