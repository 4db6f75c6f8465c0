/** Where a file writes each holder (`this.x = …`, `obj.x = …`, `x = …`): indexed once per file, by holder key. */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from './file-context';
import { holderKey } from './sdk';
import type { Node } from './types';

const writesByFile = new WeakMap<FileContext, Map<string, TSESTree.AssignmentExpression[]>>();

/** Every assignment (`=`, `||=`, `+=`, …) the file makes to the holder `key` names, in source order. */
export function assignmentsTo(context: FileContext, key: string): readonly TSESTree.AssignmentExpression[] {
  let writes = writesByFile.get(context);
  if (!writes) {
    writes = new Map();
    for (const assignment of context.assignments) {
      const written = holderKey(context, assignment.left);
      if (written === undefined) continue;
      const list = writes.get(written);
      if (list) list.push(assignment);
      else writes.set(written, [assignment]);
    }
    writesByFile.set(context, writes);
  }
  return writes.get(key) ?? [];
}

/** The values the file stores in a holder with a plain `=` (a compound assignment stores no value of its own). */
export function valuesWrittenTo(context: FileContext, key: string): Node[] {
  return assignmentsTo(context, key)
    .filter((assignment) => assignment.operator === '=')
    .map((assignment) => assignment.right);
}
