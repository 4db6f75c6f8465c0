import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { FileContext, type ScopeManagerLike } from '../../src/analysis/file-context';
import { assignmentsTo, valuesWrittenTo } from '../../src/analysis/holder-writes';
import { holderKey } from '../../src/analysis/sdk';

function contextOf(code: string): FileContext {
  const program = parse(code, { range: true, loc: true }) as TSESTree.Program;
  return new FileContext(program, code, analyze(program, { sourceType: 'module' }) as unknown as ScopeManagerLike);
}

/** The key of the first assignment's left side, and the source of what `read` finds under it. */
function written(
  code: string,
  read: typeof valuesWrittenTo | ((context: FileContext, key: string) => readonly TSESTree.AssignmentExpression[]),
): string[] {
  const context = contextOf(code);
  const key = holderKey(context, context.assignments[0]!.left)!;
  return read(context, key).map((node) => context.source(node));
}

describe('holder writes', () => {
  const code = `
    class Api {
      setUp() { this.base = 'https://a.auth0.com'; this.base ||= fallback; }
      reset() { this.base = null; }
      other() { this.token = 't'; }
    }
    const store = {};
    store.token = 'x';`;

  it('every write to `this.x` within its class, in source order, compound ones included', () => {
    expect(written(code, assignmentsTo)).toEqual([
      "this.base = 'https://a.auth0.com'",
      'this.base ||= fallback',
      'this.base = null',
    ]);
  });

  it('the values of plain `=` writes only', () => {
    expect(written(code, valuesWrittenTo)).toEqual(["'https://a.auth0.com'", 'null']);
  });

  it('`obj.x` and plain variables have their own keys', () => {
    const context = contextOf(code);
    const member = context.assignments.find((assignment) => context.source(assignment.left) === 'store.token')!;
    expect(valuesWrittenTo(context, holderKey(context, member.left)!).map((node) => context.source(node))).toEqual([
      "'x'",
    ]);
    expect(assignmentsTo(context, 'var:0')).toEqual([]);
  });
});
