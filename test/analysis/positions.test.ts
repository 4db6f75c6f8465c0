import { describe, expect, it } from 'vitest';
import { lineStarts, positionAt } from '../../src/analysis/positions';

describe('positions', () => {
  const text = 'ab\n\ncde\n';
  const starts = lineStarts(text);

  it('indexes where each line starts, the empty last line included', () => {
    expect(starts).toEqual([0, 3, 4, 8]);
  });

  it('gives 1-based lines and columns, a line break belonging to the line it ends', () => {
    expect([0, 1, 2, 3, 4, 6, 7, 8].map((offset) => positionAt(starts, offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 3, column: 3 },
      { line: 3, column: 4 },
      { line: 4, column: 1 },
    ]);
  });
});
