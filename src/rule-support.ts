/** What every rule shares: the RuleCreator, the per-file facts from the recogniser, and reporting of its findings. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { CHECKS, type RuleName } from './analysis/checks';
import { projectPath } from './analysis/environment';
import { analyzeFile, mightContainAuth0 } from './analysis/facts';
import type { Finding, MetadataScope } from './analysis/findings';
import { messageData, ruleDocsUrl } from './analysis/messages';
import type { ScopeManagerLike } from './analysis/file-context';
import type { Environment, FileFacts } from './analysis/types';
import { redactStrings } from './redact';

export interface Auth0TokensDocs {
  /** Whether the rule is in the `recommended` preset (all rules are in `strict`). */
  recommended?: boolean;
}

const createNamedRule = RuleCreator<Auth0TokensDocs>(ruleDocsUrl);

/**
 * typescript-eslint's RuleCreator, with one difference: on a file with nothing Auth0-related (nearly every file a lint
 * run sees) a rule returns no listeners at once, before RuleCreator merges its default options into a
 * `structuredClone` of them, which for such files is most of what the plugin adds to the run.
 */
export const createRule: typeof createNamedRule = (rule) => {
  const created = createNamedRule(rule);
  return { ...created, create: (context) => (concernsAuth0(context.sourceCode) ? created.create(context) : {}) };
};

const concerned = new WeakMap<object, boolean>();

/** The text pre-filter for the file being linted, run once per file for all the rules. */
function concernsAuth0(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let concerns = concerned.get(sourceCode);
  if (concerns === undefined) concerned.set(sourceCode, (concerns = mightContainAuth0(sourceCode.text)));
  return concerns;
}

/** Options every rule takes. */
export interface CommonOptions {
  reportNeedsManual: boolean;
}
export interface EnvironmentOption {
  environment: 'auto' | Environment;
}

export const COMMON_OPTION_SCHEMA: Record<string, JSONSchema4> = {
  reportNeedsManual: {
    type: 'boolean',
    description:
      'Also report what the code makes likely but cannot prove (tokens from unknown helpers, names that say id token, dynamic options), marked "needs manual review". Off in `recommended`, on in `strict`.',
  },
};

export const ENVIRONMENT_OPTION_SCHEMA: Record<string, JSONSchema4> = {
  environment: {
    type: 'string',
    enum: ['auto', 'browser', 'server'],
    description:
      'Whether the file runs in a browser. `auto` decides per file from the evidence it shows (path, modules, globals, directives); a file with none is neither, and the browser-only rules skip it.',
  },
};

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The recogniser's facts for the file being linted (computed once per file and shared by every rule). */
export function factsOf(context: AnyContext): FileFacts {
  const sourceCode = context.sourceCode;
  return analyzeFile(
    sourceCode.ast as TSESTree.Program,
    sourceCode.text,
    sourceCode.scopeManager as unknown as ScopeManagerLike | null,
    projectPath(context.filename, context.cwd),
  );
}

/** Reports findings: proven ones always, needs-manual ones when asked, each with its fix and suggestions. */
export function reportFindings<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  findings: readonly Finding[],
  options: CommonOptions,
): void {
  for (const finding of findings) {
    if (finding.certainty === 'needs-manual' && !options.reportNeedsManual) continue;
    context.report({
      node: finding.node as TSESTree.Node,
      messageId: finding.messageId as MessageIds,
      // A token pasted into the code must not reach the lint output in full.
      data: redactStrings(messageData(finding)),
      fix: finding.fix
        ? (fixer) => finding.fix!.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text))
        : null,
      suggest: (finding.suggestions ?? []).map((suggestion) => ({
        messageId: suggestion.messageId as MessageIds,
        data: redactStrings(suggestion.data),
        fix: (fixer: TSESLint.RuleFixer) =>
          suggestion.edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text)),
      })),
    });
  }
}

/** Runs a rule's check from the shared registry on the file being linted and reports what it finds. */
export function runCheck<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  rule: RuleName,
  options: Partial<CommonOptions & EnvironmentOption & { metadataScope: MetadataScope }>,
): void {
  const findings = CHECKS[rule](factsOf(context), context.sourceCode.text, {
    environment: options.environment ?? 'auto',
    metadataScope: options.metadataScope ?? 'update',
  });
  reportFindings(context, findings, { reportNeedsManual: options.reportNeedsManual ?? false });
}
