/** Counts for a diff, as shown next to a revision ("+12 / −3"). */
import type { DiffOp } from "./text-diff";

export type DiffStats = { inserted: number; deleted: number; changed: boolean };

/** Characters inserted and deleted, counted in code points so an emoji counts once. */
export function diffStats(ops: DiffOp[]): DiffStats {
  let inserted = 0;
  let deleted = 0;
  for (const { op, text } of ops) {
    if (op === "insert") inserted += codePoints(text);
    else if (op === "delete") deleted += codePoints(text);
  }
  return { inserted, deleted, changed: inserted + deleted > 0 };
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
