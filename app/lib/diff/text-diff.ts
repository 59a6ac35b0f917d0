/** Paragraph-then-word diff of two plain texts (Chinese aware). */
import { diffArrays } from "diff";
import { pairParagraphs } from "./pair-paragraphs";
import { segmentWords } from "./segment";

export type DiffOp = { op: "equal" | "insert" | "delete"; text: string };

// Bounds on Myers' edit distance: beyond them the diff gives up and we degrade gracefully.
const MAX_PARAGRAPH_EDITS = 1000;
const MAX_WORD_EDITS = 1000;
// Backstop in milliseconds, should an input be pathological despite the edit bounds.
const TIMEOUT_MS = 2000;

/**
 * Diffs two texts: paragraphs are aligned first, then changed paragraphs are diffed word by word.
 * Invariants: equal+delete texts concatenate to `oldText`, equal+insert texts to `newText`.
 */
export function diffTexts(oldText: string, newText: string): DiffOp[] {
  if (oldText === newText) return oldText ? [{ op: "equal", text: oldText }] : [];
  const oldParas = splitParagraphs(oldText);
  const newParas = splitParagraphs(newText);
  const changes = diffArrays(oldParas, newParas, { maxEditLength: MAX_PARAGRAPH_EDITS, timeout: TIMEOUT_MS });
  // Too many paragraph edits to align: treat the whole document as one changed run.
  if (!changes) return normalize(diffRun(oldParas, newParas, new Set()));
  const moved = movedParagraphs(changes);
  const ops: DiffOp[] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  for (const change of changes) {
    if (change.removed) deleted = deleted.concat(change.value);
    else if (change.added) inserted = inserted.concat(change.value);
    else {
      ops.push(...diffRun(deleted, inserted, moved), { op: "equal", text: change.value.join("") });
      deleted = [];
      inserted = [];
    }
  }
  ops.push(...diffRun(deleted, inserted, moved));
  return normalize(ops);
}

/** Paragraphs keep their trailing "\n", so the pieces concatenate back to `text` exactly. */
export function splitParagraphs(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const strip = (p: string) => p.replace(/\n$/, "");

/** Paragraphs (compared without their "\n") that are deleted somewhere and inserted word for word somewhere. */
function movedParagraphs(changes: { added?: boolean; removed?: boolean; value: string[] }[]): Set<string> {
  const deleted = new Set<string>();
  const moved = new Set<string>();
  for (const c of changes) if (c.removed) for (const p of c.value) if (p.trim()) deleted.add(strip(p));
  for (const c of changes) if (c.added) for (const p of c.value) if (deleted.has(strip(p))) moved.add(strip(p));
  return moved;
}

/**
 * Diffs a run of deleted paragraphs against the inserted ones that replaced them.
 * - A deleted and an inserted paragraph with the same words (one only lost or gained its "\n", as the
 *   last paragraph does when one is appended after it) are the same paragraph: paired first, in order.
 * - Any other paragraph that moved word for word is never word-diffed against another one (a
 *   look-alike would be "rewritten" into it): it stays a whole delete and a whole insert.
 * - The rest are paired by similarity (pair-paragraphs.ts) and diffed word by word.
 */
function diffRun(deleted: string[], inserted: string[], moved: Set<string>): DiffOp[] {
  const ops: DiffOp[] = [];
  const at = new Map<string, number[]>();
  inserted.forEach((p, j) => {
    const list = at.get(strip(p));
    if (list) list.push(j);
    else at.set(strip(p), [j]);
  });
  let i = 0;
  let j = 0;
  for (let d = 0; d < deleted.length; d++) {
    const match = at.get(strip(deleted[d]))?.find((k) => k >= j);
    if (match === undefined || !deleted[d].trim()) continue;
    ops.push(...pairRun(deleted.slice(i, d), inserted.slice(j, match), moved), ...diffWords(deleted[d], inserted[match]));
    i = d + 1;
    j = match + 1;
  }
  ops.push(...pairRun(deleted.slice(i), inserted.slice(j), moved));
  return ops;
}

function pairRun(deleted: string[], inserted: string[], moved: Set<string>): DiffOp[] {
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  const isMoved = (p: string) => moved.has(strip(p));
  for (const [di, ij] of pairParagraphs(deleted, inserted)) {
    if (isMoved(deleted[di]) || isMoved(inserted[ij])) continue;
    while (i < di) ops.push({ op: "delete", text: deleted[i++] });
    while (j < ij) ops.push({ op: "insert", text: inserted[j++] });
    ops.push(...diffWords(deleted[i++], inserted[j++]));
  }
  while (i < deleted.length) ops.push({ op: "delete", text: deleted[i++] });
  while (j < inserted.length) ops.push({ op: "insert", text: inserted[j++] });
  return ops;
}

/** Word-level diff of one paragraph pair; replaces it wholesale if the diff gives up. */
function diffWords(oldPara: string, newPara: string): DiffOp[] {
  const changes = diffArrays(segmentWords(oldPara), segmentWords(newPara), {
    maxEditLength: MAX_WORD_EDITS,
    timeout: TIMEOUT_MS,
  });
  if (!changes) {
    return [
      { op: "delete", text: oldPara },
      { op: "insert", text: newPara },
    ];
  }
  return changes.map((c) => ({ op: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value.join("") }));
}

/**
 * Drops empty ops and, between two equal ops, gathers all deletes into one op followed by
 * one insert (each side keeps its own order, so the invariants still hold).
 */
export function normalize(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out.push({ op: "delete", text: del });
    if (ins) out.push({ op: "insert", text: ins });
    del = "";
    ins = "";
  };
  for (const { op, text } of ops) {
    if (op === "delete") del += text;
    else if (op === "insert") ins += text;
    else if (text) {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "equal") last.text += text;
      else out.push({ op, text });
    }
  }
  flush();
  return out;
}
