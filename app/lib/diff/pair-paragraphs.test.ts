import { describe, expect, it } from "vitest";
import { pairParagraphs, similarity } from "./pair-paragraphs";

describe("pairParagraphs", () => {
  it("pairs an edited paragraph even when a new one was inserted before it", () => {
    const deleted = ["森林覆盖率达到12%，草原综合植被盖度稳定在57%。\n"];
    const inserted = ["新增：加强湿地保护。\n", "森林覆盖率达到15%，草原综合植被盖度稳定在57%。\n"];
    expect(pairParagraphs(deleted, inserted)).toEqual([[0, 1]]);
  });

  it("leaves unrelated paragraphs unpaired", () => {
    expect(pairParagraphs(["加强湿地保护与修复。"], ["推动矿山生态治理。"])).toEqual([]);
  });

  it("pairs in order on large runs", () => {
    const deleted = Array.from({ length: 100 }, (_, i) => `第${i}段：推进生态保护修复工程。\n`);
    const inserted = deleted.map((p) => p.replace("推进", "加快"));
    expect(pairParagraphs(deleted, inserted)).toHaveLength(100);
  });
});

describe("similarity", () => {
  it("ignores the trailing paragraph break", () => {
    expect(similarity("生态修复", "生态修复\n")).toBe(1);
    expect(similarity("", "")).toBe(1);
    expect(similarity("甲", "乙")).toBe(0);
  });
});
