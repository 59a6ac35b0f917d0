import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FilterQuery, FilterSelect, optionsOf } from "./filter-select";

describe("FilterSelect", () => {
  it("is named by its label, starts with the 'any' option and selects the current value", () => {
    const out = renderToStaticMarkup(
      h(FilterSelect, { name: "type", label: "项目类型", value: "b", any: "全部类型", options: optionsOf(["a", "b"], (v) => `类型${v}`) }),
    );
    expect(out).toBe(
      '<select name="type" aria-label="项目类型" class="input"><option value="">全部类型</option><option value="a">类型a</option><option value="b" selected="">类型b</option></select>',
    );
  });

  it("has no empty option when the options carry their own, and selects nothing extra without a value", () => {
    const out = renderToStaticMarkup(h(FilterSelect, { name: "status", label: "状态", options: optionsOf(["all", "pending"]) }));
    expect(out).not.toContain('value=""');
    expect(out).not.toContain("selected");
  });
});

describe("FilterQuery", () => {
  it("is a search box named q, labelled for screen readers, keeping the words searched", () => {
    const out = renderToStaticMarkup(
      h(FilterQuery, { label: "检索词", value: "湿地", placeholder: "章节、意见", maxLength: 100, className: "wide" }),
    );
    expect(out).toBe(
      '<input name="q" type="search" maxLength="100" placeholder="章节、意见" aria-label="检索词" class="input wide" value="湿地"/>',
    );
  });
});
