import { describe, expect, it } from "vitest";
import { charCount, foldCase, MAX_QUERY_CHARS, normalizeQuery, planQuery, TERM_END } from "./query";

describe("normalizeQuery", () => {
  it("trims, collapses white space and turns control characters into spaces", () => {
    expect(normalizeQuery("  生态\t\n修复  ")).toBe("生态 修复");
    expect(normalizeQuery("\u0001湿地\u0001")).toBe("湿地");
    expect(normalizeQuery("   ")).toBe("");
  });
  it("caps the length in characters, not UTF-16 units", () => {
    expect(charCount(normalizeQuery("𠀀".repeat(MAX_QUERY_CHARS + 5)))).toBe(MAX_QUERY_CHARS);
  });
});

describe("foldCase", () => {
  it("lowers Latin letters and keeps every offset", () => {
    expect(foldCase("GB/T 生态 İx")).toHaveLength("GB/T 生态 İx".length);
    expect(foldCase("GDP增速")).toBe("gdp增速");
  });
});

describe("planQuery", () => {
  it("nothing to search for", () => {
    expect(planQuery("")).toEqual({ mode: "none" });
  });
  it("one and two characters: a range of trigram terms starting with them, folded", () => {
    expect(planQuery("湿")).toEqual({ mode: "prefix", from: "湿", to: `湿${TERM_END}` });
    expect(planQuery("GB")).toEqual({ mode: "prefix", from: "gb", to: `gb${TERM_END}` });
    expect(planQuery("𠀀湿")).toMatchObject({ mode: "prefix" });
  });
  it("three characters and more: one quoted FTS5 phrase, quotes doubled", () => {
    expect(planQuery("生态修复")).toEqual({ mode: "phrase", match: '"生态修复"' });
    expect(planQuery('a"b OR (c*')).toEqual({ mode: "phrase", match: '"a""b OR (c*"' });
  });
});
