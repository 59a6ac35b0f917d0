import { describe, expect, it } from "vitest";
import { findMatches, makeSnippet, snippetParts } from "./snippet";

describe("findMatches", () => {
  it("finds every occurrence, case-insensitively, without overlaps", () => {
    expect(findMatches("湿地保护率与湿地面积", "湿地")).toEqual([
      { start: 0, end: 2 },
      { start: 6, end: 8 },
    ]);
    expect(findMatches("GDP and gdp", "Gdp")).toHaveLength(2);
    expect(findMatches("aaaa", "aa")).toHaveLength(2);
    expect(findMatches("abc", "")).toEqual([]);
  });
});

describe("makeSnippet", () => {
  const text = `${"前".repeat(100)}黑河湿地${"后".repeat(200)}`;
  it("cuts a window around the first match with ellipses and offsets inside it", () => {
    const s = makeSnippet(text, "湿地", { before: 10, length: 40 });
    expect(s.text.startsWith("…")).toBe(true);
    expect(s.text.endsWith("…")).toBe(true);
    expect(s.matches).toHaveLength(1);
    const m = s.matches[0];
    expect(s.text.slice(m.start, m.end)).toBe("湿地");
  });
  it("shows line breaks as spaces and keeps offsets", () => {
    const s = makeSnippet("第一段\n湿地保护", "湿地");
    expect(s.text).toBe("第一段 湿地保护");
    expect(s.text.slice(s.matches[0].start, s.matches[0].end)).toBe("湿地");
  });
  it("highlights every match inside the window and cuts one at the window's end", () => {
    const s = makeSnippet("湿地".repeat(30), "湿地", { length: 11 });
    expect(s.matches).toHaveLength(6);
    expect(s.matches[5]).toEqual({ start: 10, end: 11 });
  });
  it("never splits a surrogate pair", () => {
    const s = makeSnippet(`${"𠀀".repeat(20)}湿地`, "湿地", { before: 3, length: 10 });
    expect(s.text).not.toMatch(/^…[\udc00-\udfff]/);
    expect(s.text.slice(s.matches[0].start, s.matches[0].end)).toBe("湿地");
  });
  it("starts at the beginning when nothing matches", () => {
    expect(makeSnippet("甲乙丙", "丁")).toEqual({ text: "甲乙丙", matches: [] });
  });
});

describe("snippetParts", () => {
  it("splits the snippet into plain and matched runs that join back to the text", () => {
    const s = makeSnippet("加强黑河湿地保护，黑河干流", "黑河");
    const parts = snippetParts(s);
    expect(parts.map((p) => p.text).join("")).toBe(s.text);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["黑河", "黑河"]);
    expect(parts[0]).toEqual({ text: "加强", hit: false });
  });
  it("ignores offsets outside the text", () => {
    expect(snippetParts({ text: "ab", matches: [{ start: 1, end: 9 }] })).toEqual([
      { text: "a", hit: false },
      { text: "b", hit: true },
    ]);
  });
});
