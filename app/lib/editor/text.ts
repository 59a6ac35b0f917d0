import type { Node as PMNode } from "@tiptap/pm/model";

/**
 * The plain text of a revision, the one rule every anchor is measured in:
 * the text of all text nodes in document order; a "\n" before every textblock (paragraph or heading,
 * wherever it sits: in a list item, a table cell) except the first — empty ones included; a hard
 * break is "\n"; nothing else is added. (ProseMirror's textBetween with "\n" separators.)
 * Offsets into this string are UTF-16 code units, as JavaScript counts them.
 */
export function deriveText(doc: PMNode): string {
  return doc.textBetween(0, doc.content.size, "\n", "\n");
}
