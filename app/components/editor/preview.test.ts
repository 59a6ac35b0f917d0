import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { renderContentHtml } from "~/lib/editor/render.server";
import { editorSchema } from "~/lib/editor/schema";
import { PREVIEW_MARKS, PREVIEW_NODES, renderPreview } from "./preview";

const text = (t: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
  type: "text",
  text: t,
  ...(marks ? { marks } : {}),
});
const cell = (type: string, t: string) => ({
  type,
  attrs: { colspan: 1, rowspan: 1 },
  content: [{ type: "paragraph", content: [text(t)] }],
});

// One of every block and mark the editor schema has.
const sample = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("第一章 总则")] },
    { type: "heading", attrs: { level: 3 }, content: [text("一、规划范围")] },
    {
      type: "paragraph",
      content: [
        text("加强"),
        text("湿地", [{ type: "bold" }]),
        text("保护", [{ type: "italic" }]),
        text("与", [{ type: "underline" }]),
        text("修复", [{ type: "strike" }]),
        { type: "hardBreak" },
        text("详见", [{ type: "link", attrs: { href: "https://example.org/plan" } }]),
      ],
    },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("黑河湿地")] }] }] },
    {
      type: "orderedList",
      attrs: { start: 3 },
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("祁连山")] }] }],
    },
    { type: "blockquote", content: [{ type: "paragraph", content: [text("引述")] }] },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "指标"), cell("tableHeader", "2035年")] },
        { type: "tableRow", content: [cell("tableCell", "森林覆盖率"), cell("tableCell", "10.2%")] },
      ],
    },
  ],
};

const stripTags = (html: string) => html.replace(/<[^>]+>/g, "");
const tagsOf = (html: string) => new Set([...html.matchAll(/<([a-z0-9]+)[\s/>]/g)].map((m) => m[1]));

describe("the editor's read-only preview", () => {
  it("knows every node and mark of the editor schema", () => {
    const schema = editorSchema();
    expect(Object.keys(schema.nodes).filter((n) => !(PREVIEW_NODES as readonly string[]).includes(n))).toEqual([]);
    expect(Object.keys(schema.marks).filter((m) => !(PREVIEW_MARKS as readonly string[]).includes(m))).toEqual([]);
  });

  it("shows the same text and the same structure as the server renderer", () => {
    editorSchema().nodeFromJSON(sample).check(); // the sample is valid content
    const preview = renderToStaticMarkup(renderPreview(sample, 0) as ReactElement);
    const server = renderContentHtml(sample);
    expect(stripTags(preview)).toBe(stripTags(server));
    const serverTags = tagsOf(server);
    for (const tag of ["h2", "h3", "p", "strong", "em", "u", "s", "br", "ul", "ol", "li", "blockquote", "table", "tr", "th", "td"]) {
      expect(serverTags.has(tag), `server renders <${tag}>`).toBe(true);
      expect(tagsOf(preview).has(tag), `preview renders <${tag}>`).toBe(true);
    }
    expect(preview).toContain('<ol start="3">');
  });

  it("never renders a link's address, and escapes text", () => {
    const hostile = {
      type: "doc",
      content: [
        { type: "paragraph", content: [text("<img src=x onerror=alert(1)>", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])] },
      ],
    };
    const html = renderToStaticMarkup(renderPreview(hostile, 0) as ReactElement);
    expect(html).not.toContain("href");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img");
  });
});
