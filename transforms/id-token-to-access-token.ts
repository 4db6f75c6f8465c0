/**
 * jscodeshift transform: rewrites ID-token Management API setups to minimal current_user access tokens.
 * It never asks jscodeshift to parse or print: the shared recogniser parses each candidate file once and its
 * edits are spliced into the text, so every byte outside them stays as it was.
 *
 *   npx jscodeshift --no-babel -t node_modules/eslint-plugin-auth0-tokens/dist/transforms/id-token-to-access-token.js src/
 */
import { mightContainAuth0 } from '../src/analysis/facts';
import type { MetadataScope } from '../src/analysis/findings';
import { migrateSource, type MigrationOptions } from '../src/migration';

/** The parts of jscodeshift's `FileInfo` and `API` the transform uses. */
export interface FileInfo {
  readonly path: string;
  readonly source: string;
}
export interface Api {
  stats(name: string, quantity?: number): void;
  report(message: string): void;
}
/** jscodeshift passes CLI flags through as strings (`--annotate` becomes `true`, `--annotate=false` a string). */
export type TransformOptions = Record<string, unknown>;

export default function transformer(file: FileInfo, api: Api, options: TransformOptions = {}): string | undefined {
  // Returning undefined tells jscodeshift the file was skipped: most files never get parsed.
  if (!mightContainAuth0(file.source)) return undefined;
  const result = migrateSource(file.path, file.source, migrationOptions(options));
  if (result.changed.length > 0) api.stats('modified', result.changed.length);
  if (result.manual.length > 0) api.stats('needs-manual', result.manual.length);
  for (const site of result.manual)
    api.report(`${site.line}:${site.column} needs manual work (${site.rule}): ${site.message}`);
  return result.output;
}

export function migrationOptions(options: TransformOptions): MigrationOptions {
  const metadataScope = String(options.metadataScope ?? 'update');
  const environment = String(options.environment ?? 'auto');
  if (!['update', 'create', 'both'].includes(metadataScope))
    throw new Error(`--metadataScope must be update, create or both (got ${metadataScope})`);
  if (!['auto', 'browser', 'server'].includes(environment))
    throw new Error(`--environment must be auto, browser or server (got ${environment})`);
  return {
    metadataScope: metadataScope as MetadataScope,
    environment: environment as MigrationOptions['environment'],
    annotate: options.annotate === true || options.annotate === 'true',
  };
}
