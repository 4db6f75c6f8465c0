/** Offsets in a text as 1-based lines and columns, through an index of line starts (one pass over the text). */

/** Where each line of the text starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The 1-based line and column of an offset, given the text's `lineStarts`. */
export function positionAt(starts: readonly number[], offset: number): { line: number; column: number } {
  // The last line start at or before the offset.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
