import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DiffOp } from "~/lib/diff/text-diff";
import { DiffView, toParagraphs } from "./diff-view";

const labels = { before: "修改前", after: "修改后", inserted: "插入", deleted: "删除" };
const ops: DiffOp[] = [
  { op: "equal", text: "覆盖率达到" },
  { op: "delete", text: "12" },
  { op: "insert", text: "15" },
  { op: "equal", text: "%。\n湿地" },
  { op: "insert", text: "<b>" },
];
const render = (mode: "inline" | "side-by-side") => renderToStaticMarkup(createElement(DiffView, { ops, mode, labels }));

describe("DiffView", () => {
  it("renders inline marks with announced labels, one <p> per paragraph, text escaped", () => {
    const html = render("inline");
    expect(html).toContain('<del class="diff-del" title="删除"><span class="visually-hidden">删除 </span>12</del>');
    expect(html).toContain('<ins class="diff-ins" title="插入"><span class="visually-hidden">插入 </span>15</ins>');
    expect(html.match(/<p /g)).toHaveLength(2);
    expect(html).toContain("&lt;b&gt;");
  });

  it("renders side by side: before without inserts, after without deletes", () => {
    const html = render("side-by-side");
    const [before, after] = html.split("修改后");
    expect(before).toContain(">12</del>");
    expect(before).not.toContain("diff-ins");
    expect(after).toContain(">15</ins>");
    expect(after).not.toContain("diff-del");
  });
});

describe("toParagraphs", () => {
  it("splits at line breaks, keeps a changed break as a mark and drops a trailing empty paragraph", () => {
    const paragraphs = toParagraphs([
      { op: "equal", text: "甲" },
      { op: "delete", text: "\n" },
      { op: "equal", text: "乙\n" },
    ]);
    expect(paragraphs.map((p) => p.pieces.map((x) => x.text).join(""))).toEqual(["甲\n", "乙\n"]);
    expect(paragraphs[0].pieces[1]).toMatchObject({ op: "delete", lineBreak: true });
  });
});
