/** The project's migration: rounds of the codemod's edits with every cross-file link applied, then each file's result. */
import { applyEdits } from '../analysis/edits';
import { siblingWrites } from '../analysis/findings';
import type { TextEdit } from '../analysis/types';
import { annotate, migrateInRounds, migratingEdits, parsesTheSame, sites, type Located } from '../migration';
import { analyzeModules, type Module, type ProjectState } from './modules';
import type { ProjectOptions } from './options';
import type { FileMigration } from './types';

export function migrateProject(
  original: ReadonlyMap<string, string>,
  take: () => ProjectState,
  options: ProjectOptions,
  withTodos: boolean,
): FileMigration[] {
  const texts = new Map(original);
  const changed = new Map<string, FileMigration['changed'][number][]>();
  // Taken by the loop, not here: this frame would hold the first state, and every first-pass tree with it, to the end.
  const state = migrateInRounds(
    take,
    (analysis) => {
      const edited = applyRound(analysis, texts, changed);
      // Only the unchanged modules are carried into the next analysis: the loop drops the state before it starts,
      // releasing the trees of the edited ones before it parses their new texts.
      return edited.size === 0
        ? undefined
        : {
            inert: analysis.inert,
            resolver: analysis.resolver,
            modules: analysis.modules.filter((module) => !edited.has(module.absolute)),
          };
    },
    (previous) => analyzeModules(texts, options, previous),
  );
  const migrations: FileMigration[] = [];
  for (const module of state.modules) {
    const left = state.findings.get(module) ?? [];
    let after = module.text;
    if (withTodos && left.length > 0) {
      const annotated = annotate(after, left);
      if (parsesTheSame(module.absolute, annotated)) after = annotated;
    }
    const before = original.get(module.absolute)!;
    const manual = sites(module.text, left);
    const flow = (state.flows.get(module) ?? module).file;
    if (before !== after || manual.length > 0)
      migrations.push({ file: module.file, flow, before, after, changed: changed.get(module.file) ?? [], manual });
  }
  return migrations;
}

/** Applies one round of fixes and suggestions to `texts`, notes what each changed, and returns the files edited. */
function applyRound(
  state: ProjectState,
  texts: Map<string, string>,
  changed: Map<string, FileMigration['changed'][number][]>,
): Set<string> {
  const edits = new Map<Module, TextEdit[]>();
  const add = (module: Module, more: readonly TextEdit[]) => {
    if (more.length > 0) edits.set(module, [...(edits.get(module) ?? []), ...more]);
  };
  let writers: Map<string, { module: Module; edits: TextEdit[] }[]> | undefined;
  for (const module of state.modules) {
    const { edits: own, applied } = migratingEdits(state.findings.get(module) ?? []);
    add(module, own);
    const appliedSites = sites(module.text, applied);
    if (appliedSites.length > 0)
      changed.set(module.file, [
        ...(changed.get(module.file) ?? []),
        ...appliedSites.map(({ line, rule, message: text }) => ({ line, rule, message: text })),
      ]);
    for (const entry of applied) {
      const key = storageKeySwitched(module, entry);
      if (key === undefined) continue;
      writers ??= storageWriters(state);
      for (const writer of writers.get(key) ?? []) add(writer.module, writer.edits);
    }
  }
  for (const [module, moduleEdits] of edits) texts.set(module.absolute, applyEdits(module.text, dedupe(moduleEdits)));
  return new Set([...edits.keys()].map((module) => module.absolute));
}

/**
 * The storage key of a stored ID token switched to its access-token key: in a module with no login of its own, the
 * module that stores the ID token must store the access token beside it. Read from the credential the finding is about.
 */
function storageKeySwitched(module: Module, entry: Located): string | undefined {
  if (entry.rule !== 'no-id-token-for-management-api' || entry.finding.suggestions?.[0]?.messageId !== 'useAccessToken')
    return undefined;
  const facts = module.units.find(({ unit }) => unit.offset === entry.offset)?.facts;
  return facts?.credentials.find(
    ({ node, provenance }) => node === entry.finding.node && provenance.kind === 'id-token',
  )?.provenance.storageKey;
}

/** By storage key, the modules that store an ID token there and the edits that store the access token beside it. */
function storageWriters(state: ProjectState): Map<string, { module: Module; edits: TextEdit[] }[]> {
  const writers = new Map<string, { module: Module; edits: TextEdit[] }[]>();
  for (const module of state.modules) {
    for (const { view, unit } of module.units) {
      const firstWrites = new Map(
        view
          .storedTokens()
          .reverse()
          .map((written) => [written.key, written]),
      );
      for (const written of firstWrites.values()) {
        if (!written.alternative?.storeBeside) continue;
        const edits = siblingWrites(written.alternative, unit.text).map((edit) => shift(edit, unit.offset));
        writers.set(written.key, [...(writers.get(written.key) ?? []), { module, edits }]);
      }
    }
  }
  return writers;
}

function shift(edit: TextEdit, offset: number): TextEdit {
  return { ...edit, range: [edit.range[0] + offset, edit.range[1] + offset] };
}

function dedupe(edits: readonly TextEdit[]): TextEdit[] {
  return edits.filter(
    (edit, index) =>
      edits.findIndex(
        (other) => other.range[0] === edit.range[0] && other.range[1] === edit.range[1] && other.text === edit.text,
      ) === index,
  );
}
