import { describe, expect, it } from 'vitest';
import { MAX_MIGRATION_ROUNDS, migrateInRounds } from '../src/migration';

describe('migrateInRounds', () => {
  it('re-analyses after each round that applies edits, and stops at the first that has none', () => {
    const analysed: number[] = [];
    const last = migrateInRounds(
      () => 0,
      (edits) => (edits < 2 ? edits + 1 : undefined),
      (edits) => (analysed.push(edits), edits),
    );
    expect(last).toBe(2);
    expect(analysed).toEqual([1, 2]);
  });

  it(`stops after ${MAX_MIGRATION_ROUNDS} rounds, returning the analysis of the last`, () => {
    let rounds = 0;
    const last = migrateInRounds(
      () => 0,
      (edits) => (rounds++, edits + 1),
      (edits) => edits,
    );
    expect(rounds).toBe(MAX_MIGRATION_ROUNDS);
    expect(last).toBe(MAX_MIGRATION_ROUNDS);
  });
});
