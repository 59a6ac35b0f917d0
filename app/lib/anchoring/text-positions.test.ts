import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { parseContent } from "~/lib/editor/schema";
import { deriveText } from "~/lib/editor/text";
import { textPositions } from "./text-positions";

const t = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks ? { marks } : {}) });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const cell = (type: string, text: string) => ({ type, content: [text ? para(t(text)) : para()] });

function parsed(json: unknown): PMNode {
  const r = parseContent(json);
  if ("problem" in r) throw new Error(JSON.stringify(r.problem));
  return r.doc;
}

const sample = parsed({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [t("第一节　规划背景")] },
    para(t("张掖市地处"), t("河西走廊", [{ type: "bold" }]), t("中段，🌲“一山一水”")),
    para(),
    para(t("祁连山"), { type: "hardBreak" }, t("黑河")),
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [para(t("森林覆盖率"))] },
        {
          type: "listItem",
          content: [para(t("湿地")), { type: "orderedList", content: [{ type: "listItem", content: [para(t("嵌套"))] }] }],
        },
      ],
    },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "指标"), cell("tableHeader", "2035年")] },
        { type: "tableRow", content: [cell("tableCell", "湿地保护率"), cell("tableCell", "")] },
      ],
    },
    { type: "blockquote", content: [para(t("引文"))] },
    { type: "heading", attrs: { level: 4 }, content: [t("末")] },
  ],
});
const leadingEmpty = parsed({ type: "doc", content: [para(), para(), para(t("甲")), para({ type: "hardBreak" })] });
const onlyEmpty = parsed({ type: "doc", content: [para()] });

const textOf = (doc: PMNode, from: number, to: number) => doc.textBetween(from, to, "\n", "\n");

describe.each([
  ["sample", sample],
  ["leading empty paragraphs", leadingEmpty],
  ["one empty paragraph", onlyEmpty],
])("textPositions on %s", (_name, doc) => {
  const text = deriveText(doc);
  const map = textPositions(doc);

  it("measures the same text length as deriveText", () => {
    expect(map.textLength).toBe(text.length);
  });

  it("offsetAtPos(pos) is the length of the text before pos, for every position", () => {
    for (let pos = 0; pos <= doc.content.size; pos++) expect(map.offsetAtPos(pos), `pos ${pos}`).toBe(textOf(doc, 0, pos).length);
  });

  it("posAtOffset lands inside textblock content with exactly `offset` characters before it", () => {
    for (let o = 0; o <= text.length; o++) {
      for (const side of ["start", "end"] as const) {
        const pos = map.posAtOffset(o, side);
        expect(pos, `offset ${o} ${side}`).not.toBeNull();
        expect(textOf(doc, 0, pos!).length, `offset ${o} ${side}`).toBe(o);
        expect(doc.resolve(pos!).parent.isTextblock).toBe(true);
        expect(map.offsetAtPos(pos!)).toBe(o);
      }
    }
  });

  it("the text between mapped positions is text.slice, for every range", () => {
    for (let s = 0; s <= text.length; s++) {
      for (let e = s; e <= text.length; e++) {
        const from = map.posAtOffset(s, "start")!;
        const to = map.posAtOffset(e, "end")!;
        expect(textOf(doc, from, to), `${s}..${e}`).toBe(text.slice(s, e));
      }
    }
  });

  it("refuses offsets outside the text", () => {
    expect(map.posAtOffset(-1, "start")).toBeNull();
    expect(map.posAtOffset(text.length + 1, "end")).toBeNull();
    expect(map.posAtOffset(0.5, "end")).toBeNull();
  });
});

describe("textPositions specifics", () => {
  const text = deriveText(sample);
  const map = textPositions(sample);

  it("maps every character of every text node to its own position", () => {
    sample.descendants((node, pos) => {
      if (!node.isText) return true;
      const start = map.offsetAtPos(pos);
      expect(text.slice(start, start + node.text!.length)).toBe(node.text);
      for (let i = 0; i <= node.text!.length; i++) {
        expect(map.posAtOffset(start + i, "start")).toBe(pos + i);
        expect(map.posAtOffset(start + i, "end")).toBe(pos + i);
      }
      return false;
    });
  });

  it("counts the hard break as one newline and the empty paragraph as a separator", () => {
    const q = text.indexOf("祁连山");
    expect(text.slice(q - 3, q + 6)).toBe("”\n\n祁连山\n黑河");
    const breakPos = map.posAtOffset(q + 3, "start")!;
    expect(sample.nodeAt(breakPos)?.type.name).toBe("hardBreak");
    expect(map.posAtOffset(q + 4, "start")).toBe(breakPos + 1);
  });

  it("puts a passage in a table cell at that cell's text", () => {
    const o = text.indexOf("湿地保护率");
    const from = map.posAtOffset(o, "start")!;
    expect(sample.resolve(from).node(-1).type.name).toBe("tableCell");
    expect(textOf(sample, from, map.posAtOffset(o + 5, "end")!)).toBe("湿地保护率");
  });
});
