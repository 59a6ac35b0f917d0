// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { renderContentHtml } from "~/lib/editor/render.server";
import { renderContentHtmlWithHighlights } from "~/lib/editor/render-highlights.server";
import { parseContent } from "~/lib/editor/schema";
import { deriveText } from "~/lib/editor/text";
import { containerText, offsetsToRange, rangeToOffsets } from "./dom-text";

const t = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks ? { marks } : {}) });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const cell = (text: string) => ({ type: "tableCell", content: [text ? para(t(text)) : para()] });
const content = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [t("第一节　规划背景")] },
    para(t("张掖市地处"), t("河西走廊", [{ type: "bold" }]), t("中段，🌲“一山一水”（祁连山、黑河）")),
    para(),
    para(t("森林覆盖率"), { type: "hardBreak" }, t("湿地保护率")),
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [para(t("甲项"))] },
        { type: "listItem", content: [para(t("乙项"))] },
      ],
    },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("指标"), cell("2035年")] },
        { type: "tableRow", content: [cell("湿地保护率"), cell("")] },
      ],
    },
    { type: "heading", attrs: { level: 4 }, content: [t("附  注")] },
  ],
};
const parsed = parseContent(content);
if ("problem" in parsed) throw new Error("bad fixture");
const text = deriveText(parsed.doc);

function mount(html: string): Element {
  const container = document.createElement("div");
  // whitespace between blocks, as a template might add: it must not count
  container.innerHTML = html.replaceAll("</p><p>", "</p>\n  <p>");
  document.body.append(container);
  return container;
}
/** The text nodes inside textblocks (not the whitespace between blocks). */
const textNodes = (root: Node): Text[] => {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement!.closest("p, h1, h2, h3, h4")) out.push(n as Text);
  return out;
};
const nodeWith = (root: Node, s: string) => textNodes(root).find((n) => n.data.includes(s))!;
function range(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const r = document.createRange();
  r.setStart(startNode, startOffset);
  r.setEnd(endNode, endOffset);
  return r;
}
const at = (passage: string, from = 0) => ({ start: text.indexOf(passage, from), end: text.indexOf(passage, from) + passage.length });

describe("containerText", () => {
  it("equals deriveText for headings, lists, a table, an empty paragraph and a hard break", () => {
    expect(containerText(mount(renderContentHtml(content)))).toBe(text);
  });
  it("is unchanged by highlight marks", () => {
    const html = renderContentHtmlWithHighlights(content, [
      { id: "a", ...at("河西走廊中段") },
      { id: "b", start: 3, end: text.length - 2 },
    ]);
    expect(containerText(mount(html))).toBe(text);
  });
});

describe("rangeToOffsets", () => {
  const c = mount(renderContentHtml(content));

  it("maps a range inside one text node", () => {
    const n = nodeWith(c, "祁连山");
    const i = n.data.indexOf("祁连山");
    expect(rangeToOffsets(c, range(n, i, n, i + 3))).toEqual(at("祁连山"));
  });

  it("maps ranges across bold text and across <mark> boundaries", () => {
    const plain = mount(renderContentHtml(content));
    const a = nodeWith(plain, "张掖");
    const b = nodeWith(plain, "中段");
    expect(rangeToOffsets(plain, range(a, 3, b, 2))).toEqual(at("地处河西走廊中段"));

    const marked = mount(
      renderContentHtmlWithHighlights(content, [
        { id: "c1", ...at("河西走廊中段") },
        { id: "c2", ...at("中段，🌲") },
      ]),
    );
    const nodes = textNodes(marked);
    for (const [i, from] of nodes.entries()) {
      for (const to of nodes.slice(i)) {
        const r = range(from, 0, to, to.data.length);
        const o = rangeToOffsets(marked, r)!;
        const passage = text.slice(o.start, o.end);
        expect(passage.startsWith(from.data) && passage.endsWith(to.data)).toBe(true);
        // the same characters the browser would copy, apart from the newlines only our text has
        expect(passage.replaceAll("\n", "")).toBe(r.toString().replaceAll("\n  ", ""));
      }
    }
    const inMark = marked.querySelector('mark[data-comment-id="c2"]')!;
    // element boundaries: from the start of the inner mark to the end of the outer one, then of the paragraph
    const outer = inMark.parentElement!;
    expect(outer.dataset.commentId).toBe("c1");
    expect(rangeToOffsets(marked, range(inMark, 0, outer, outer.childNodes.length))).toEqual(at("中段"));
    const p = inMark.closest("p")!;
    expect(rangeToOffsets(marked, range(inMark, 0, p, p.childNodes.length))).toEqual({
      start: at("中段，🌲").start,
      end: at("黑河）").end,
    });
  });

  it("maps a range across paragraphs with the separators and the hard break in it", () => {
    const from = nodeWith(c, "黑河");
    const to = nodeWith(c, "湿地保护率");
    const o = rangeToOffsets(c, range(from, from.data.indexOf("黑河"), to, 2))!;
    expect(text.slice(o.start, o.end)).toBe("黑河）\n\n森林覆盖率\n湿地");
  });

  it("maps ranges inside and across table cells", () => {
    const cells = c.querySelectorAll("td");
    const n = cells[2].querySelector("p")!.firstChild!;
    expect(rangeToOffsets(c, range(n, 2, n, 5))).toEqual(at("保护率", text.indexOf("指标")));
    const o = rangeToOffsets(c, range(cells[0].querySelector("p")!.firstChild!, 1, n, 2))!;
    expect(text.slice(o.start, o.end)).toBe("标\n2035年\n湿地");
  });

  it("snaps element boundaries and between-block points to the text inside", () => {
    const ps = c.querySelectorAll("p");
    // a whole paragraph selected the way triple-click does: from its start to the next one's start
    expect(rangeToOffsets(c, range(ps[0], 0, ps[1], 0))).toEqual(at("张掖市地处河西走廊中段，🌲“一山一水”（祁连山、黑河）"));
    // from the end of the heading (between blocks) to inside the first paragraph
    const h2 = c.querySelector("h2")!;
    expect(rangeToOffsets(c, range(c, 1, ps[0].firstChild!, 2))).toEqual(at("张掖"));
    expect(rangeToOffsets(c, range(h2.firstChild!, 8, ps[0].firstChild!, 2))).toEqual(at("张掖"));
    // the whole container, from outside it
    const whole = document.createRange();
    whole.selectNode(c);
    expect(rangeToOffsets(c, whole)).toEqual({ start: 0, end: text.length });
  });

  it("returns null for collapsed ranges, ranges outside the container and ranges over only separators", () => {
    const n = nodeWith(c, "祁连山");
    expect(rangeToOffsets(c, range(n, 1, n, 1))).toBeNull();
    const outside = document.createElement("p");
    outside.textContent = "外部";
    document.body.append(outside);
    expect(rangeToOffsets(c, range(outside.firstChild!, 0, outside.firstChild!, 2))).toBeNull();
    const empty = c.querySelectorAll("p")[1];
    expect(empty.childNodes).toHaveLength(0);
    expect(rangeToOffsets(c, range(empty, 0, c.querySelectorAll("p")[2], 0))).toBeNull();
    outside.remove();
    const detached = document.createElement("div");
    detached.innerHTML = "<p>别处</p>";
    expect(rangeToOffsets(c, range(detached.firstChild!.firstChild!, 0, detached.firstChild!.firstChild!, 2))).toBeNull();
  });
});

describe("offsetsToRange", () => {
  const c = mount(
    renderContentHtmlWithHighlights(content, [
      { id: "c1", ...at("河西走廊中段") },
      { id: "c2", ...at("覆盖率\n湿地") },
    ]),
  );
  const isSeparator = (i: number) => text[i] === "\n" && !text.slice(0, i).endsWith("覆盖率");

  it("selects exactly the passage", () => {
    expect(offsetsToRange(c, at("祁连山").start, at("祁连山").end)!.toString()).toBe("祁连山");
    expect(offsetsToRange(c, at("走廊中段，").start, at("走廊中段，").end)!.toString()).toBe("走廊中段，");
    expect(offsetsToRange(c, -1, 2)).toBeNull();
    expect(offsetsToRange(c, 2, text.length + 1)).toBeNull();
    expect(offsetsToRange(c, 2, 2)).toBeNull();
  });

  it("round-trips every range through rangeToOffsets (minus separators at the ends)", () => {
    for (let s = 0; s < text.length; s++) {
      for (let e = s + 1; e <= text.length; e++) {
        let [ws, we] = [s, e];
        while (ws < we && isSeparator(ws)) ws++;
        while (we > ws && isSeparator(we - 1)) we--;
        const back = rangeToOffsets(c, offsetsToRange(c, s, e)!);
        expect(back, `${s}..${e}`).toEqual(ws < we ? { start: ws, end: we } : null);
      }
    }
  });
});
