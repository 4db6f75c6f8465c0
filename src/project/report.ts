/** The report of a project's analysis: its findings, token requests and Management calls, with their places. */
import { linkedCalls, requiredScopes, scopeList } from '../analysis/findings';
import type { ManagementCall, Node, TokenRequest } from '../analysis/types';
import { lineStarts, positionAt } from '../analysis/positions';
import { isAnyUserScope, isCurrentUserScope } from '../catalog';
import { message, type Located } from '../migration';
import type { Module, ProjectState } from './modules';
import type { ProjectOptions } from './options';
import type { CallSite, ManagementCallReport, ProjectFinding, ProjectReport, TokenRequestReport } from './types';

export function buildReport(
  state: ProjectState,
  options: ProjectOptions,
): Pick<ProjectReport, 'findings' | 'tokenRequests' | 'managementCalls'> {
  const findings: ProjectFinding[] = [];
  const tokenRequests: TokenRequestReport[] = [];
  const managementCalls: ManagementCallReport[] = [];
  const index = new ReportIndex(state.modules);
  for (const module of state.modules) {
    for (const entry of state.findings.get(module) ?? []) {
      const start = index.position(module, entry.offset + entry.finding.node.range[0]);
      const end = index.position(module, entry.offset + entry.finding.node.range[1]);
      findings.push({
        ruleId: `auth0-tokens/${entry.rule}`,
        certainty: entry.finding.certainty,
        message: message(entry.rule, entry.finding),
        file: module.file,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        related: relatedSites(index, module, entry),
      });
    }
    for (const { unit, facts } of module.units) {
      const at = (node: Node): number => index.position(module, unit.offset + node.range[0]).line;
      for (const request of facts.tokenRequests) {
        if (request.level === 'call' && !request.scope && !request.audience) continue;
        const calls = linkedCalls(facts, request, 'scope').filter(
          (call) => call.endpoint?.currentUserScope && !call.backendOnlyReason,
        );
        const required = requiredScopes(calls, options.metadataScope);
        const declared = scopeList(request.scope?.value);
        tokenRequests.push({
          file: module.file,
          line: at(request.node),
          sdk: request.sdk,
          audience: request.audience?.value ?? request.audience?.pattern ?? null,
          responseType: request.responseType?.value ?? null,
          declaredScopes: declared,
          requiredScopes: required.map((scope) => ({
            scope,
            because: calls
              .filter((call) => needs(call, scope))
              .map((call) => index.callSite(call, call.file ?? module.file)),
          })),
          missingScopes:
            request.scope?.value === undefined && request.scope
              ? []
              : required.filter((scope) => !declared.includes(scope)),
          excessScopes: declared.filter(
            (scope) => (isCurrentUserScope(scope) || isAnyUserScope(scope)) && !required.includes(scope),
          ),
        });
      }
      for (const call of facts.managementCalls) {
        if (call.file !== undefined) continue;
        managementCalls.push({
          ...index.callSite(call, module.file),
          currentUserScope: call.endpoint?.currentUserScope ?? null,
          anyUserScope: call.endpoint?.anyUserScope ?? null,
          credential: call.credential?.provenance.kind ?? 'unknown',
          environment: facts.environment,
          environmentEvidence: facts.environmentEvidence ?? null,
        });
      }
    }
  }
  return {
    findings,
    tokenRequests,
    managementCalls,
  };
}

/**
 * What the report looks up for every finding and call, indexed once: modules by file, the module and unit of each
 * token request and call, and each text's line starts. Searching the modules for each instead made a report of many
 * modules quadratic.
 */
class ReportIndex {
  private readonly byFile = new Map<string, Module>();
  private readonly owners = new Map<TokenRequest, { readonly module: Module; readonly offset: number }>();
  private readonly callOffsets = new Map<Node, number>();
  private readonly lineStarts = new Map<Module, number[]>();

  constructor(modules: readonly Module[]) {
    for (const module of modules) {
      this.byFile.set(module.file, module);
      for (const { unit, facts } of module.units) {
        for (const request of facts.tokenRequests) this.owners.set(request, { module, offset: unit.offset });
        for (const call of facts.managementCalls)
          if (call.file === undefined) this.callOffsets.set(call.node, unit.offset);
      }
    }
  }

  owner(request: TokenRequest): { readonly module: Module; readonly offset: number } | undefined {
    return this.owners.get(request);
  }

  /** Where a call is made: `file` is the module whose text holds its node. */
  callSite(call: ManagementCall, file: string): CallSite {
    const module = this.byFile.get(file);
    const line = module ? this.position(module, (this.callOffsets.get(call.node) ?? 0) + call.node.range[0]).line : 0;
    return {
      file,
      line,
      via: call.via,
      method: call.method,
      path: call.path === undefined ? undefined : `/api/v2/${call.path}`,
    };
  }

  /** The 1-based line and column of an offset in a module's text. */
  position(module: Module, offset: number): { line: number; column: number } {
    let starts = this.lineStarts.get(module);
    if (!starts) {
      starts = lineStarts(module.text);
      this.lineStarts.set(module, starts);
    }
    return positionAt(starts, offset);
  }
}

/**
 * Other modules' places behind a finding: the calls that make a login's options wrong, or the login that issued a
 * token sent as a credential here.
 */
function relatedSites(index: ReportIndex, module: Module, entry: Located): ProjectFinding['related'] {
  const unit = module.units.find((candidate) => candidate.unit.offset === entry.offset);
  if (!unit) return [];
  const node = entry.finding.node;
  const within = (outer: Node): boolean => outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
  const request = unit.facts.tokenRequests.find((candidate) => within(candidate.node));
  if (request) {
    return linkedCalls(unit.facts, request, 'scope')
      .filter((call) => call.file !== undefined)
      .map((call) => {
        const where = index.callSite(call, call.file!);
        return {
          file: where.file,
          line: where.line,
          message: `${where.method ?? '?'} ${where.path ?? '/api/v2/…'} (${where.via}) is called with this login's token`,
        };
      });
  }
  const credential = unit.facts.credentials.find((candidate) => candidate.node === node);
  const home = credential?.provenance.issuer && index.owner(credential.provenance.issuer);
  if (!home || home.module === module) return [];
  return [
    {
      file: home.module.file,
      line: index.position(home.module, home.offset + credential!.provenance.issuer!.node.range[0]).line,
      message: 'the login that issues this token',
    },
  ];
}

function needs(call: ManagementCall, scope: string): boolean {
  return (
    call.endpoint?.currentUserScope === scope ||
    (scope === 'create:current_user_metadata' && call.endpoint?.currentUserScope === 'update:current_user_metadata')
  );
}
