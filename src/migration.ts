/**
 * The migration the codemod performs on one file: run every rule's check, apply the fixes and the suggestions
 * that migrate a token request or credential, re-analyse, and report whatever is left as needs-manual with the
 * rule's own message. Pure text in, text out; the same edits the ESLint rules offer.
 */
import { CHECKS, RULE_NAMES, type CheckOptions, type RuleName } from './analysis/checks';
import { projectPath } from './analysis/environment';
import { analyzeFile } from './analysis/facts';
import type { Finding } from './analysis/findings';
import { applyEdits, eol } from './analysis/edits';
import { messageData, RULE_MESSAGES } from './analysis/messages';
import type { TextEdit } from './analysis/types';
import { lineStarts, positionAt } from './analysis/positions';
import { parseFile } from './parse';
import { redact } from './redact';

/** Suggestions that are part of the migration (the rest only inform). */
const MIGRATING_SUGGESTIONS = new Set([
  'addAudience',
  'setScopes',
  'normaliseScope',
  'useAccessToken',
  'storeAccessToken',
]);
/** Rounds of edits and re-analysis: a round's edits can make the next possible (a container made, then written into). */
export const MAX_MIGRATION_ROUNDS = 3;
export const TODO_MARKER = 'TODO(auth0-tokens):';

export interface MigrationOptions extends CheckOptions {
  /** Insert a greppable `// TODO(auth0-tokens): <reason>` above each site left for manual work. */
  readonly annotate: boolean;
}

export interface Site {
  readonly rule: RuleName;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface MigrationResult {
  readonly output: string;
  /** The edits of each pass, with the text they apply to (for review and for the untouched-bytes test). */
  readonly passes: readonly { readonly text: string; readonly edits: readonly TextEdit[] }[];
  /** Findings the edits resolved. */
  readonly changed: readonly Site[];
  /** Findings left for a developer, with the instruction the rule gives. */
  readonly manual: readonly Site[];
}

/** Migrates one file's text. Throws `ParseError` when the file cannot be parsed. */
export function migrateSource(file: string, text: string, options: MigrationOptions): MigrationResult {
  const changed: Site[] = [];
  const passes: { text: string; edits: TextEdit[] }[] = [];
  const analyse = (source: string) => ({ source, found: collect(file, source, options) });
  const last = migrateInRounds(
    () => analyse(text),
    ({ source, found }) => {
      const { edits, applied } = migratingEdits(found);
      if (edits.length === 0) return undefined;
      changed.push(...sites(source, applied));
      passes.push({ text: source, edits });
      return applyEdits(source, edits);
    },
    analyse,
  );
  let output = last.source;
  const left = last.found;
  const manual = sites(output, left);
  if (options.annotate && left.length > 0) {
    const annotated = annotate(output, left);
    // A comment in a JSX child position would change the markup: keep the unannotated text if it no longer parses.
    if (parsesTheSame(file, annotated)) output = annotated;
  }
  return { output, passes, changed, manual };
}

/**
 * The migration loop of the codemod and of a project: `applyRound` applies one round's migrating edits to what the
 * last analysis found and returns what the next analysis needs, or undefined when there was nothing to apply; then
 * `reanalyse` analyses the result. Returns the last analysis. The first is taken, not passed in, and each is dropped
 * before the next starts: a frame holding one would keep its syntax trees alive through the analysis that replaces them.
 */
export function migrateInRounds<Analysis, Next>(
  take: () => Analysis,
  applyRound: (analysis: Analysis) => Next | undefined,
  reanalyse: (next: Next) => Analysis,
): Analysis {
  let analysis: Analysis | undefined = take();
  for (let round = 0; round < MAX_MIGRATION_ROUNDS; round++) {
    const next = applyRound(analysis);
    if (next === undefined) break;
    // Not useless: it releases the old analysis while `reanalyse` builds the new one.
    // eslint-disable-next-line no-useless-assignment
    analysis = undefined;
    analysis = reanalyse(next);
  }
  return analysis;
}

export function parsesTheSame(file: string, text: string): boolean {
  try {
    parseFile(file, text);
    return true;
  } catch {
    return false;
  }
}

export interface Located {
  readonly rule: RuleName;
  readonly finding: Finding;
  /** Offset of the unit (a `.vue` script block) the finding's ranges are relative to. */
  readonly offset: number;
}

function collect(file: string, text: string, options: CheckOptions): Located[] {
  const found: Located[] = [];
  for (const unit of parseFile(file, text)) {
    const facts = analyzeFile(unit.program, unit.text, unit.scopeManager, projectPath(file, process.cwd()));
    for (const rule of RULE_NAMES)
      for (const finding of CHECKS[rule](facts, unit.text, options)) found.push({ rule, finding, offset: unit.offset });
  }
  return found.sort((a, b) => a.offset + a.finding.node.range[0] - (b.offset + b.finding.node.range[0]));
}

/** The fix, or else the first migrating suggestion, of every proven finding; overlapping edits are dropped. */
export function migratingEdits(found: readonly Located[]): { edits: TextEdit[]; applied: Located[] } {
  const edits: TextEdit[] = [];
  const applied: Located[] = [];
  for (const entry of found) {
    const { finding, offset } = entry;
    if (finding.certainty !== 'proven') continue;
    const chosen =
      finding.fix ?? finding.suggestions?.find((suggestion) => MIGRATING_SUGGESTIONS.has(suggestion.messageId))?.edits;
    if (!chosen) continue;
    const shifted = chosen.map((edit) => ({
      ...edit,
      range: [edit.range[0] + offset, edit.range[1] + offset] as const,
    }));
    if (shifted.some((edit) => edits.some((other) => conflicts(edit, other)))) continue;
    for (const edit of shifted) if (!edits.some((other) => sameEdit(edit, other))) edits.push(edit);
    applied.push(entry);
  }
  return { edits, applied };
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}

/**
 * Overlapping replacements conflict unless identical; insertions at one point do not (they are applied in order),
 * unless both create the same container: the second then waits for the next pass, which writes into the first's.
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (sameEdit(a, b)) return false;
  const aInsert = a.range[0] === a.range[1];
  const bInsert = b.range[0] === b.range[1];
  if (aInsert && bInsert) return a.range[0] === b.range[0] && a.creates !== undefined && a.creates === b.creates;
  if (aInsert) return b.range[0] < a.range[0] && a.range[0] < b.range[1];
  if (bInsert) return a.range[0] < b.range[0] && b.range[0] < a.range[1];
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

/** Each entry's place and message in `text`, its lines indexed once. */
export function sites(text: string, entries: readonly Located[]): Site[] {
  const starts = lineStarts(text);
  return entries.map(({ rule, finding, offset }) => ({
    rule,
    message: message(rule, finding),
    ...positionAt(starts, offset + finding.node.range[0]),
  }));
}

/** The rule's own message for a finding, so the codemod's reasons read exactly as the lint errors do (JWTs redacted). */
export function message(rule: RuleName, finding: Finding): string {
  const template = (RULE_MESSAGES[rule] as Record<string, string>)[finding.messageId] ?? finding.messageId;
  const data = messageData(finding);
  return redact(template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => data[key] ?? ''));
}

/** Inserts one `// TODO(auth0-tokens): <reason>` line above each manual site's line, once. */
export function annotate(text: string, found: readonly Located[]): string {
  const edits: TextEdit[] = [];
  const lines = new Set<number>();
  for (const entry of found) {
    const start = entry.offset + entry.finding.node.range[0];
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (lines.has(lineStart)) continue;
    lines.add(lineStart);
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const comment = `${indent}// ${TODO_MARKER} ${message(entry.rule, entry.finding)}`;
    const previousLineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (text.slice(previousLineStart, lineStart).trim() === comment.trim()) continue;
    edits.push({ range: [lineStart, lineStart], text: `${comment}${eol(text)}` });
  }
  return applyEdits(text, edits);
}
