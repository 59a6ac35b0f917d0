import { describe, expect, it } from "vitest";
import { renderContentHtml } from "./render.server";
import { renderContentHtmlWithHighlights } from "./render-highlights.server";
import { parseContent } from "./schema";
import { deriveText } from "./text";

const t = (text: string, marks?: unknown[]) => ({ type: "text", text, ...(marks ? { marks } : {}) });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const content = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [t("第一节　规划背景")] },
    para(t("张掖市地处"), t("河西走廊", [{ type: "bold" }]), t("中段，“一山一水”（祁连山、黑河）是生态安全的根本。")),
    para(),
    para(t("森林覆盖率"), { type: "hardBreak" }, t("湿地保护率")),
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            { type: "tableCell", content: [para(t("指标"))] },
            { type: "tableCell", content: [para(t("60%"))] },
          ],
        },
      ],
    },
  ],
};
const r = parseContent(content);
if ("problem" in r) throw new Error("bad fixture");
const text = deriveText(r.doc);
const at = (passage: string) => ({ start: text.indexOf(passage), end: text.indexOf(passage) + passage.length });
const stripMarks = (html: string) => html.replace(/<\/?mark[^>]*>/g, "");
const plain = (html: string) => html.replace(/<[^>]*>/g, "");
/** For each character of the text inside <mark>s: which comment ids cover it. */
function coverage(html: string): Map<string, Set<string>>[] {
  const out: Map<string, Set<string>>[] = [];
  const open: string[] = [];
  for (const token of html.match(/<[^>]*>|[^<]+/g) ?? []) {
    const m = /^<mark [^>]*data-comment-id="([^"]+)"/.exec(token);
    if (m) open.push(m[1]);
    else if (token === "</mark>") open.pop();
    else if (!token.startsWith("<")) for (const ch of token) out.push(new Map([[ch, new Set(open)]]));
  }
  return out;
}

describe("renderContentHtmlWithHighlights", () => {
  it("wraps a passage in one mark", () => {
    const html = renderContentHtmlWithHighlights(content, [{ id: "c1", ...at("祁连山") }]);
    expect(html).toContain('<mark class="hl" data-comment-id="c1">祁连山</mark>');
  });

  it("leaves the original HTML intact around the marks, even inside bold text", () => {
    const html = renderContentHtmlWithHighlights(content, [
      { id: "c1", ...at("地处河西") },
      { id: "c2", ...at("走廊中段") },
    ]);
    expect(html).toContain('<mark class="hl" data-comment-id="c1">地处</mark><strong><mark class="hl" data-comment-id="c1">河西</mark>');
    expect(stripMarks(html)).toBe(renderContentHtml(content));
  });

  it("nests overlapping highlights so the overlap sits inside both", () => {
    const a = at("一山一水”（祁连山");
    const b = at("祁连山、黑河");
    const html = renderContentHtmlWithHighlights(content, [
      { id: "c2", ...b, className: "mine" },
      { id: "c1", ...a },
    ]);
    expect(html).toContain(
      '<mark class="hl" data-comment-id="c1">一山一水”（<mark class="hl mine" data-comment-id="c2">祁连山</mark></mark>',
    );
    expect(html).toContain('<mark class="hl mine" data-comment-id="c2">、黑河</mark>');
    const covered = coverage(html);
    const plainText = plain(renderContentHtml(content));
    for (let i = 0; i < covered.length; i++) {
      const ids = [...covered[i].values()][0];
      // position i in the stripped HTML text = the rendered text's character i
      const inA = i >= plainText.indexOf("一山一水") && i < plainText.indexOf("一山一水") + 9;
      const inB = i >= plainText.indexOf("祁连山") && i < plainText.indexOf("祁连山") + 6;
      expect([...ids].sort(), `char ${i}`).toEqual([...(inA ? ["c1"] : []), ...(inB ? ["c2"] : [])]);
    }
    expect(stripMarks(html)).toBe(renderContentHtml(content));
  });

  it("marks text in every block a highlight crosses, and across the hard break", () => {
    const cross = { start: text.indexOf("根本。"), end: text.indexOf("覆盖率") };
    const html = renderContentHtmlWithHighlights(content, [
      { id: "x", ...cross },
      { id: "y", ...at("覆盖率\n湿地") },
    ]);
    expect(html).toContain(
      '<mark class="hl" data-comment-id="x">根本。</mark></p><p></p><p><mark class="hl" data-comment-id="x">森林</mark>',
    );
    expect(html).toContain('<mark class="hl" data-comment-id="y">覆盖率<br />湿地</mark>');
    expect(plain(html)).toBe(plain(renderContentHtml(content)));
  });

  it("marks table cells", () => {
    const html = renderContentHtmlWithHighlights(content, [{ id: "t", ...at("指标\n60") }]);
    expect(html).toContain(
      '<td><p><mark class="hl" data-comment-id="t">指标</mark></p></td><td><p><mark class="hl" data-comment-id="t">60</mark>%</p></td>',
    );
  });

  it("skips bad ids, bad ranges and bad class names; never lets markup through", () => {
    const html = renderContentHtmlWithHighlights(content, [
      { id: '"><script>alert(1)</script>', ...at("祁连山") },
      { id: "c 1", ...at("黑河") },
      { id: "late", start: text.length - 1, end: text.length + 1 },
      { id: "neg", start: -1, end: 2 },
      { id: "empty", start: 3, end: 3 },
      { id: "ok", ...at("生态"), className: 'x" onclick="alert(1)' },
    ]);
    expect(html).not.toMatch(/script|onclick|late|neg|empty/);
    expect(html).toContain('<mark class="hl" data-comment-id="ok">生态</mark>');
    expect(html.match(/<mark/g)).toHaveLength(1);
  });

  it("renders like renderContentHtml without highlights", () => {
    expect(renderContentHtmlWithHighlights(content, [])).toBe(renderContentHtml(content));
  });
});
