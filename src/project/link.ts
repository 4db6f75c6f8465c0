/** The links between modules that the ESLint rules cannot see: imports, shared storage keys and tokens. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { CrossFileFacts } from '../analysis/credentials';
import type { ModuleView } from '../analysis/facts';
import type { ManagementClient } from '../analysis/management-clients';
import type { ManagementCall, Provenance, TokenRequest } from '../analysis/types';
import type { Module } from './modules';
import type { ModuleResolver } from './resolve';
import { isManagementAudience } from '../catalog/tenant';

/**
 * Re-analyses every module with what the others tell about its imports and storage reads, then gives each token
 * request the Management calls other modules make with its tokens. Returns the flows: modules joined by any link.
 */
export function linkModules(modules: readonly Module[], resolver: ModuleResolver): Map<Module, Module> {
  const byPath = new Map(modules.map((module) => [module.absolute, module]));
  const stored = storedTokens(modules);
  const flows = new Flows(modules);
  /** What the module `source` names exports, as `pick` reads it; a module that gives something joins the importer's flow. */
  const exported = <T>(module: Module, source: string, pick: (view: ModuleView) => T | undefined): T | undefined => {
    const resolved = resolver.resolve(source, module.absolute);
    const target = resolved === undefined ? undefined : byPath.get(resolved);
    const found = target?.units.map(({ view }) => pick(view)).find((value) => value !== undefined && value !== null);
    if (found !== undefined) flows.join(module, target!);
    return found;
  };
  const keyHolders = new Map<string, Module>();
  const touchKey = (module: Module, key: string) =>
    flows.join(module, keyHolders.get(key) ?? keyHolders.set(key, module).get(key)!);
  for (const module of modules)
    for (const { view } of module.units) for (const { key } of view.storedTokens()) touchKey(module, key);
  // Twice: the second pass sees what the first taught each module about its own imports (chains of modules).
  for (let pass = 0; pass < 2; pass++) {
    // What callers in other modules pass to each exported function, argument by argument.
    const passed = new Map<TSESTree.FunctionLike, Map<string, Provenance[]>>();
    for (const module of modules) {
      for (const { view } of module.units) {
        for (const { source, imported, index, property, provenance } of view.importedCallArguments()) {
          const fn = exported(module, source, (target) => target.exportedFunction(imported));
          if (!fn) continue;
          const byArgument = passed.get(fn) ?? new Map<string, Provenance[]>();
          const key = `${index}:${property ?? ''}`;
          byArgument.set(key, [...(byArgument.get(key) ?? []), provenance]);
          passed.set(fn, byArgument);
        }
      }
    }
    for (const module of modules) {
      for (const entry of module.units) {
        const clients = new Map<string, TokenRequest>();
        const managementClients = new Map<string, ManagementClient>();
        for (const binding of entry.view.imports) {
          const client = exported(module, binding.source, (view) => view.exportedClient(binding.imported));
          if (client) clients.set(binding.holderKey, client);
          const management = exported(module, binding.source, (view) =>
            view.exportedManagementClient(binding.imported),
          );
          if (management) managementClients.set(binding.holderKey, management);
        }
        const crossFile: CrossFileFacts = {
          clients,
          managementClients,
          importedToken: (source, imported) => exported(module, source, (view) => view.exportedToken(imported)),
          storedToken: (key) => {
            touchKey(module, key);
            return stored.get(key);
          },
          passedToken: (fn, index, property) => agreeing(passed.get(fn)?.get(`${index}:${property ?? ''}`) ?? []),
          contextValueToken: (source, imported, key) =>
            exported(module, source, (view) => view.exportedContextValue(imported, key)),
          classMemberToken: (source, imported, member) =>
            exported(module, source, (view) => view.exportedClassMember(imported, member)),
        };
        entry.facts = entry.view.withCrossFile(crossFile);
      }
    }
  }
  const owner = new Map<TokenRequest, Module>();
  for (const module of modules)
    for (const { facts } of module.units) for (const request of facts.tokenRequests) owner.set(request, module);
  const external = new Map<Module, ManagementCall[]>();
  for (const module of modules) {
    for (const { facts } of module.units) {
      for (const call of facts.managementCalls) {
        const issuer = call.credential?.provenance.issuer;
        const home = issuer && owner.get(issuer);
        if (!home || home === module) continue;
        external.set(home, [...(external.get(home) ?? []), { ...call, file: module.file }]);
        flows.join(home, module);
      }
    }
  }
  for (const [module, calls] of external) {
    for (const entry of module.units)
      entry.facts = { ...entry.facts, managementCalls: [...entry.facts.managementCalls, ...calls] };
  }
  return flows.representatives();
}

/** Modules joined into flows (union-find): a migration writes a flow's files together or not at all. */
class Flows {
  private readonly parent = new Map<Module, Module>();
  private readonly order: Map<Module, number>;

  constructor(private readonly modules: readonly Module[]) {
    this.order = new Map(modules.map((module, index) => [module, index]));
  }

  join(a: Module, b: Module): void {
    const [rootA, rootB] = [this.root(a), this.root(b)];
    if (rootA === rootB) return;
    // The module listed first names the flow.
    const [first, second] = this.order.get(rootA)! <= this.order.get(rootB)! ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(second, first);
  }

  representatives(): Map<Module, Module> {
    return new Map(this.modules.map((module) => [module, this.root(module)]));
  }

  private root(module: Module): Module {
    let root = module;
    while (this.parent.has(root)) root = this.parent.get(root)!;
    // Path compression keeps later lookups short.
    for (let at = module; at !== root;) {
      const next = this.parent.get(at)!;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }
}

/**
 * What each storage key holds across the project, when exactly one kind of token from one login is written to it,
 * and the key its access token is (or, once migrated, will be) stored under.
 */
function storedTokens(modules: readonly Module[]): Map<string, { provenance: Provenance; accessTokenKey?: string }> {
  const writers = new Map<string, { provenance: Provenance; accessTokenKey?: string }[]>();
  for (const module of modules) {
    for (const { view } of module.units) {
      for (const { key, provenance, alternative } of view.storedTokens()) {
        const migratable =
          !provenance.issuer || (provenance.issuer.supportsAudience && isManagementAudienceOrNone(provenance.issuer));
        writers.set(key, [
          ...(writers.get(key) ?? []),
          { provenance, accessTokenKey: migratable ? alternative?.name : undefined },
        ]);
      }
    }
  }
  const stored = new Map<string, { provenance: Provenance; accessTokenKey?: string }>();
  for (const [key, entries] of writers) {
    const [first] = entries;
    if (
      first &&
      entries.every(
        (entry) =>
          entry.provenance.kind === first.provenance.kind && entry.provenance.issuer === first.provenance.issuer,
      )
    ) {
      stored.set(key, {
        provenance: first.provenance,
        accessTokenKey: entries.every((entry) => entry.accessTokenKey === first.accessTokenKey)
          ? first.accessTokenKey
          : undefined,
      });
    }
  }
  return stored;
}

/** Tokens several callers pass: one kind from one login, or nothing provable. */
function agreeing(provenances: readonly Provenance[]): Provenance | undefined {
  const [first] = provenances;
  return first &&
    provenances.every((provenance) => provenance.kind === first.kind && provenance.issuer === first.issuer)
    ? first
    : undefined;
}

function isManagementAudienceOrNone(request: TokenRequest): boolean {
  const audience = request.audience?.value ?? request.audience?.pattern;
  return request.audience === undefined || isManagementAudience(audience);
}
