// Maps between offsets in a revision's plain `text` (lib/editor/text.ts: textBetween with "\n" as
// block separator and leaf text) and ProseMirror document positions. The walk below must stay a
// mirror of prosemirror-model's Fragment.textBetween, or anchors will drift by a character.
import type { Node as PMNode } from "@tiptap/pm/model";

const SEPARATOR = "\n";
const LEAF_TEXT = "\n";

/** Text offsets offset..offset+length map linearly onto document positions pos..pos+length. */
interface Run {
  offset: number;
  pos: number;
  length: number;
}

export interface TextPositions {
  /** Length of the text the offsets refer to (equals deriveText(doc).length). */
  readonly textLength: number;
  /**
   * The document position at text offset `offset`, always inside textblock content so it can be
   * used for a TextSelection or a mark. Where two positions share an offset (the end of one inline
   * node and the start of the next), "start" takes the later one, "end" the earlier. Null when the
   * offset is outside the text (or, in schemas with block leaves, inside a leaf's text).
   */
  posAtOffset(offset: number, side: "start" | "end"): number | null;
  /** Length of doc.textBetween(0, pos, "\n", "\n"): how much text lies before `pos`. */
  offsetAtPos(pos: number): number;
}

export function textPositions(doc: PMNode): TextPositions {
  const runs: Run[] = [];
  let offset = 0;
  let first = true;
  // Same visiting order and same separator condition as textBetween.
  doc.descendants((node, pos) => {
    if (node.isText) {
      runs.push({ offset, pos, length: node.text!.length });
      offset += node.text!.length;
      return false;
    }
    const leafText = node.isLeaf ? LEAF_TEXT : "";
    if (node.isBlock && ((node.isLeaf && leafText) || node.isTextblock)) {
      // a block leaf is atomic: its separator and text sit before its position's end only
      if (node.isLeaf) runs.push({ offset, pos, length: 0 });
      if (first) first = false;
      else offset += SEPARATOR.length;
    }
    if (node.isTextblock) runs.push({ offset, pos: pos + 1, length: 0 });
    else if (node.isLeaf && node.isInline) {
      runs.push({ offset, pos, length: leafText.length });
      offset += leafText.length;
    } else if (node.isLeaf) {
      offset += leafText.length;
      runs.push({ offset, pos: pos + node.nodeSize, length: 0 });
    }
    return true;
  });
  const textLength = offset;

  return {
    textLength,
    posAtOffset(target, side) {
      if (!Number.isInteger(target) || target < 0 || target > textLength) return null;
      // first run whose end reaches the target
      let lo = 0;
      let hi = runs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (runs[mid].offset + runs[mid].length < target) lo = mid + 1;
        else hi = mid;
      }
      let i = lo;
      if (i >= runs.length || runs[i].offset > target) return null;
      if (side === "start") while (i + 1 < runs.length && runs[i + 1].offset <= target) i++;
      return runs[i].pos + (target - runs[i].offset);
    },
    offsetAtPos(pos) {
      // last run starting at or before pos; the text it holds before pos is what textBetween counts
      let lo = 0;
      let hi = runs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (runs[mid].pos <= pos) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) return 0;
      const run = runs[lo - 1];
      return run.offset + Math.min(run.length, pos - run.pos);
    },
  };
}
