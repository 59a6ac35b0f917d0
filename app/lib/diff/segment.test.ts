import { describe, expect, it } from "vitest";
import { MAX_CHUNK, segmentWords, splitSentences } from "./segment";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("segmentWords", () => {
  it("returns tokens that concatenate back to the input", () => {
    const text = "\u3000\u3000到2035年，森林覆盖率达到12.5%。\n\n湿地保护🌲修复！Wetland plan v2.";
    expect(segmentWords(text).join("")).toBe(text);
  });

  it("keeps common Chinese words as multi-character tokens", () => {
    const tokens = segmentWords("推进生态修复工程。");
    expect(tokens).toContain("生态");
    expect(tokens).toContain("修复");
  });

  it("keeps each line break as its own token", () => {
    expect(segmentWords("甲\n\n乙")).toEqual(["甲", "\n", "\n", "乙"]);
  });

  it("does not split decimals, percentages or years into single digits", () => {
    const tokens = segmentWords("达到12.5%，到2035年");
    expect(tokens).toContain("12.5");
    expect(tokens).toContain("2035");
  });

  it("returns no tokens for an empty string", () => {
    expect(segmentWords("")).toEqual([]);
  });
});

describe("splitSentences", () => {
  it("splits after terminators, keeping closing quotes with their sentence", () => {
    expect(splitSentences("他说：“好。”然后走了！对吗?")).toEqual(["他说：“好。”", "然后走了！", "对吗?"]);
  });

  it("caps long runs without terminators and never splits a surrogate pair", () => {
    const text = "林".repeat(MAX_CHUNK - 1) + "🌲".repeat(10);
    const chunks = splitSentences(text);
    expect(chunks.join("")).toBe(text);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(MAX_CHUNK);
      expect(chunk).not.toMatch(LONE_SURROGATE);
    }
  });

  it("prefers to cut a long run at a comma", () => {
    const text = `${"林".repeat(400)}，${"草".repeat(400)}`;
    expect(splitSentences(text)[0]).toBe(`${"林".repeat(400)}，`);
  });
});
