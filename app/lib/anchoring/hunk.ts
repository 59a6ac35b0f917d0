// The piece of a word diff that touched a passage: the changes over (or right at) an old range, with
// a little unchanged text around them. Pure: no database, no UI.
import type { DiffOp } from "../diff/text-diff";

/** Characters of unchanged text kept on each side of a hunk (and inside it, around the middle of a long run). */
export const HUNK_CONTEXT = 20;

/**
 * The diff ops (from oldText → newText) that changed oldText[start, end), from the first change to
 * the last, with up to `context` unchanged characters before and after ("…" where cut). An insertion
 * exactly at either edge counts. Null when no change touched the range.
 */
export function hunkAt(ops: readonly DiffOp[], start: number, end: number, context = HUNK_CONTEXT): DiffOp[] | null {
  let pos = 0;
  let first = -1;
  let last = -1;
  ops.forEach((o, i) => {
    const len = o.op === "insert" ? 0 : o.text.length;
    const touches =
      o.op === "insert" ? pos >= start && pos <= end : o.op === "delete" && pos < Math.max(end, start + 1) && pos + len > start;
    if (touches && o.text) {
      if (first < 0) first = i;
      last = i;
    }
    pos += len;
  });
  if (first < 0) return null;
  const out: DiffOp[] = [];
  const before = lastEqual(ops, first);
  if (before) out.push({ op: "equal", text: before.length > context ? `…${before.slice(-context)}` : before });
  for (let i = first; i <= last; i++) {
    const o = ops[i];
    if (o.op === "equal" && o.text.length > 2 * context + 1)
      out.push({ op: "equal", text: `${o.text.slice(0, context)}…${o.text.slice(-context)}` });
    else out.push({ ...o });
  }
  const after = nextEqual(ops, last);
  if (after) out.push({ op: "equal", text: after.length > context ? `${after.slice(0, context)}…` : after });
  return out;
}

function lastEqual(ops: readonly DiffOp[], i: number): string {
  return i > 0 && ops[i - 1].op === "equal" ? ops[i - 1].text : "";
}

function nextEqual(ops: readonly DiffOp[], i: number): string {
  return i + 1 < ops.length && ops[i + 1].op === "equal" ? ops[i + 1].text : "";
}

/** Every change of a diff as hunks (at most `limit`), for a revision whose changes are not at the passage. */
export function allHunks(ops: readonly DiffOp[], limit = 3, context = HUNK_CONTEXT): DiffOp[][] {
  const out: DiffOp[][] = [];
  let pos = 0;
  let i = 0;
  while (i < ops.length && out.length < limit) {
    const o = ops[i];
    if (o.op === "equal") {
      pos += o.text.length;
      i++;
      continue;
    }
    let end = pos;
    let j = i;
    while (j < ops.length && ops[j].op !== "equal") {
      if (ops[j].op === "delete") end += ops[j].text.length;
      j++;
    }
    const hunk = hunkAt(ops, pos, end, context);
    if (hunk) out.push(hunk);
    pos = end;
    i = j;
  }
  return out;
}
