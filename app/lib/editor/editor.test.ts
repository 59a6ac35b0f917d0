import { describe, expect, it } from "vitest";
import { isAllowedHref } from "./extensions";
import { renderContentHtml } from "./render.server";
import { parseContent } from "./schema";
import { deriveText } from "./text";

const para = (text: string, marks?: unknown[]) => ({ type: "paragraph", content: [{ type: "text", text, ...(marks ? { marks } : {}) }] });
const doc = (...content: unknown[]) => ({ type: "doc", content });

function parsed(json: unknown) {
  const r = parseContent(json);
  if ("problem" in r) throw new Error(JSON.stringify(r.problem));
  return r.doc;
}

describe("deriveText", () => {
  it("joins blocks with one newline and keeps CJK text as is", () => {
    const d = parsed(
      doc(
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "目标" }] },
        para("森林覆盖率达到 12%。"),
        para("草原综合植被盖度"),
      ),
    );
    expect(deriveText(d)).toBe("目标\n森林覆盖率达到 12%。\n草原综合植被盖度");
  });
  it("puts list items and table cells on their own lines", () => {
    const table = {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            { type: "tableHeader", content: [para("指标")] },
            { type: "tableHeader", content: [para("2035年")] },
          ],
        },
        {
          type: "tableRow",
          content: [
            { type: "tableCell", content: [para("湿地保护率")] },
            { type: "tableCell", content: [para("60%")] },
          ],
        },
      ],
    };
    const list = {
      type: "bulletList",
      content: [
        { type: "listItem", content: [para("甲")] },
        { type: "listItem", content: [para("乙")] },
      ],
    };
    expect(deriveText(parsed(doc(list, table)))).toBe("甲\n乙\n指标\n2035年\n湿地保护率\n60%");
  });
});

describe("parseContent", () => {
  it("accepts a link with an allowed protocol", () => {
    expect("doc" in parseContent(doc(para("见", [{ type: "link", attrs: { href: "https://www.mnr.gov.cn" } }])))).toBe(true);
  });
  it("refuses javascript: links, unknown nodes and unknown attributes", () => {
    const js = parseContent(doc(para("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])));
    expect("problem" in js && js.problem.kind).toBe("bad_link");
    const unknown = parseContent(doc({ type: "script", content: [] }));
    expect("problem" in unknown && unknown.problem.kind).toBe("schema");
    const attr = parseContent(doc({ type: "paragraph", attrs: { onerror: "alert(1)" }, content: [] }));
    expect("problem" in attr && attr.problem.kind).toBe("schema");
  });
  it("refuses control characters in text (a NUL, say)", () => {
    const r = parseContent(doc(para("保障中\u0000游用水")));
    expect("problem" in r && r.problem.kind).toBe("schema");
    expect("doc" in parseContent(doc(para("制表\t符可以")))).toBe(true);
  });
  it("refuses deep nesting without overflowing the stack", () => {
    let node: Record<string, unknown> = para("深");
    for (let i = 0; i < 10_000; i++) node = { type: "blockquote", content: [node] };
    const r = parseContent(doc(node));
    expect("problem" in r && r.problem.kind).toBe("too_deep");
  });
  it("refuses more than 2 MB", () => {
    const r = parseContent(doc(para("生".repeat(800_000))));
    expect("problem" in r && r.problem.kind).toBe("too_large");
  });
});

describe("renderContentHtml", () => {
  it("renders headings, marks and tables, and never a script", () => {
    const html = renderContentHtml(
      doc(para("粗体", [{ type: "bold" }]), {
        type: "heading",
        attrs: { level: 2 },
        content: [{ type: "text", text: "<script>x</script>" }],
      }),
    );
    expect(html).toContain("<strong>粗体</strong>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
  });
});

describe("isAllowedHref", () => {
  it.each([
    ["https://a.cn", true],
    ["mailto:x@y.cn", true],
    ["/plans/1", true],
    ["JavaScript:alert(1)", false],
    [" javascript:alert(1)", false],
    ["data:text/html,x", false],
    ["//evil.example", false],
  ])("%s → %s", (href, ok) => expect(isAllowedHref(href)).toBe(ok));
});
