/**
 * Environment across modules: a module that shows no evidence of its own runs where the modules that import it run,
 * when they all agree (`src/api/users.js`, plain `fetch` calls, imported only by React components, is browser code).
 * ESLint, one file at a time, cannot see this; the CLI can.
 */
import type { DetectedEnvironment, FileFacts } from '../analysis/types';

/** The part of a project module this needs; `facts` is replaced when the environment is inherited. */
export interface EnvironmentModule {
  readonly file: string;
  readonly absolute: string;
  readonly units: readonly { readonly view: { readonly importSources: readonly string[] }; facts: FileFacts }[];
}

/** Chains of modules without evidence (page -> service -> helper) inherit one step per round. */
const MAX_ROUNDS = 4;

/** Gives each module without evidence the environment its importers agree on. `resolve` maps an import to a path. */
export function inheritEnvironments(
  modules: readonly EnvironmentModule[],
  resolve: (source: string, from: string) => string | undefined,
): void {
  const byPath = new Map(modules.map((module) => [module.absolute, module]));
  const importers = new Map<EnvironmentModule, EnvironmentModule[]>();
  for (const module of modules) {
    for (const source of new Set(module.units.flatMap(({ view }) => view.importSources))) {
      const resolved = resolve(source, module.absolute);
      const target = resolved === undefined ? undefined : byPath.get(resolved);
      if (!target || target === module) continue;
      const known = importers.get(target);
      if (known) known.push(module);
      else importers.set(target, [module]);
    }
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const [module, from] of importers) {
      if (environmentOf(module) !== 'unknown') continue;
      const known = from.filter((importer) => environmentOf(importer) !== 'unknown');
      const environment = known[0] && environmentOf(known[0]);
      if (!environment || known.some((importer) => environmentOf(importer) !== environment)) continue;
      const evidence = `imported by ${known[0]!.file}, which is ${environment} code`;
      for (const unit of module.units) unit.facts = { ...unit.facts, environment, environmentEvidence: evidence };
      changed = true;
    }
    if (!changed) break;
  }
}

/** A module's environment: its units' when they agree (a `.vue` file's script blocks), else unknown. */
function environmentOf(module: EnvironmentModule): DetectedEnvironment {
  const [first, ...rest] = module.units.map((unit) => unit.facts.environment);
  return first !== undefined && rest.every((environment) => environment === first) ? first : 'unknown';
}
