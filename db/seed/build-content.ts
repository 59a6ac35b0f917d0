export { chineseNumeral } from "../../app/lib/numbering";
import type { Block } from "./content-types";

const text = (t: string) => (t ? [{ type: "text", text: t }] : []);
const paragraph = (t: string) => ({ type: "paragraph", content: text(t) });
const cell = (type: "tableHeader" | "tableCell", t: string) => ({ type, content: [paragraph(t)] });

/** Demo blocks → Tiptap document JSON. */
export function blocksToDoc(blocks: Block[]) {
  return {
    type: "doc",
    content: blocks.length
      ? blocks.map((b) => {
          if ("p" in b) return paragraph(b.p);
          if ("h" in b) return { type: "heading", attrs: { level: 3 }, content: text(b.h) };
          if ("ul" in b) return { type: "bulletList", content: b.ul.map((i) => ({ type: "listItem", content: [paragraph(i)] })) };
          if ("ol" in b) return { type: "orderedList", content: b.ol.map((i) => ({ type: "listItem", content: [paragraph(i)] })) };
          return {
            type: "table",
            content: [
              { type: "tableRow", content: b.table.head.map((h) => cell("tableHeader", h)) },
              ...b.table.rows.map((r) => ({ type: "tableRow", content: r.map((c) => cell("tableCell", c)) })),
            ],
          };
        })
      : [paragraph("")],
  };
}
