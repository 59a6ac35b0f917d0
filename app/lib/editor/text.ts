import type { Node as PMNode } from "@tiptap/pm/model";

/**
 * The plain text of a revision, the one rule every anchor is measured in:
 * the text of all text nodes in document order; a "\n" between any two blocks that hold text
 * (paragraphs, headings, list items, table cells); a hard break is "\n"; nothing else is added.
 * Offsets into this string are UTF-16 code units, as JavaScript counts them.
 */
export function deriveText(doc: PMNode): string {
  return doc.textBetween(0, doc.content.size, "\n", "\n");
}
