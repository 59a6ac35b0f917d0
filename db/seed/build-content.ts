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

const digits = "〇一二三四五六七八九";
/** 1 → 一, 12 → 十二, 20 → 二十 (enough for chapter numbers). */
export function chineseNumeral(n: number): string {
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ""}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ""}`;
}
