/** Every rule's check as one registry, so the ESLint rules and the codemod run exactly the same logic. */
import {
  anyUserScopeFindings,
  audienceFindings,
  backendOnlyFindings,
  idTokenCredentialFindings,
  inServerRegion,
  legacyApiFindings,
  responseTypeFindings,
  scopeFindings,
  secretFindings,
  type Finding,
  untracedCredentialFindings,
  type MetadataScope,
} from './findings';
import type { DetectedEnvironment, Environment, FileFacts } from './types';

export interface CheckOptions {
  /** `auto` uses the environment the recogniser detected for the file (browser, server or unknown). */
  readonly environment: 'auto' | Environment;
  readonly metadataScope: MetadataScope;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = { environment: 'auto', metadataScope: 'update' };

type Check = (facts: FileFacts, text: string, options: CheckOptions) => Finding[];

const environment = (facts: FileFacts, options: CheckOptions): DetectedEnvironment =>
  options.environment === 'auto' ? facts.environment : options.environment;

/** A browser-only rule's findings, less those inside the file's server regions. */
const inBrowserCode = (facts: FileFacts, findings: Finding[]): Finding[] =>
  findings.filter((finding) => !inServerRegion(facts, finding.node));

export const CHECKS = {
  'no-id-token-for-management-api': (facts, text, options) => [
    ...idTokenCredentialFindings(facts, text, environment(facts, options), options.metadataScope),
    ...untracedCredentialFindings(facts, environment(facts, options)),
  ],
  'require-management-audience': (facts, text) => audienceFindings(facts, text),
  'require-token-response-type': (facts, text) => responseTypeFindings(facts, text),
  'minimal-management-scopes': (facts, text, options) => scopeFindings(facts, text, options.metadataScope),
  'no-any-user-scopes-in-browser': (facts, text, options) =>
    inBrowserCode(facts, anyUserScopeFindings(facts, text, environment(facts, options), options.metadataScope)),
  'no-backend-only-management-endpoints': (facts, _text, options) =>
    inBrowserCode(facts, backendOnlyFindings(facts, environment(facts, options))),
  'no-management-secrets-in-browser': (facts, text, options) =>
    inBrowserCode(facts, secretFindings(facts, text, environment(facts, options))),
  'no-legacy-id-token-apis': (facts) => legacyApiFindings(facts),
} satisfies Record<string, Check>;

export type RuleName = keyof typeof CHECKS;
export const RULE_NAMES = Object.keys(CHECKS) as RuleName[];
