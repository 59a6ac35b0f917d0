import { describe, expect, it } from "vitest";
import { countWords, formatCount, plainTextOfJson, wordCountTotal } from "./word-count";

describe("countWords", () => {
  it("counts nothing in empty or blank text", () => {
    expect(countWords("")).toEqual({ characters: 0, words: 0 });
    expect(countWords(" \n\t\u3000 ")).toEqual({ characters: 0, words: 0 });
  });

  it("counts each CJK ideograph once and skips Chinese punctuation", () => {
    expect(countWords("生态修复规划")).toEqual({ characters: 6, words: 0 });
    expect(countWords("一、总体要求。（一）指导思想：“绿水青山”！")).toEqual({ characters: 14, words: 0 });
    expect(countWords("……——《》〔〕【】")).toEqual({ characters: 0, words: 0 });
  });

  it("counts ideographs outside the BMP once, not per UTF-16 unit", () => {
    // U+20BB7 𠮷 is a surrogate pair in JavaScript strings
    expect("𠮷".length).toBe(2);
    expect(countWords("𠮷野家")).toEqual({ characters: 3, words: 0 });
  });

  it("counts numbers and Latin words in mixed text", () => {
    expect(countWords("2035年森林覆盖率12.5%")).toEqual({ characters: 6, words: 2 });
    expect(wordCountTotal(countWords("2035年森林覆盖率12.5%"))).toBe(8);
    expect(countWords("采用GIS技术，覆盖1,234 平方公里")).toEqual({ characters: 10, words: 2 });
    expect(countWords("The plan covers 2021-2035.")).toEqual({ characters: 0, words: 4 });
    expect(countWords("don't stop COVID-19")).toEqual({ characters: 0, words: 3 });
    expect(countWords("abc中def")).toEqual({ characters: 1, words: 2 });
  });

  it("treats full-width letters/digits as words and the full-width space as a separator", () => {
    expect(countWords("ＧＤＰ增长５％")).toEqual({ characters: 2, words: 2 });
    expect(countWords("第一章\u3000总则")).toEqual({ characters: 5, words: 0 });
    expect(countWords("word\u3000word")).toEqual({ characters: 0, words: 2 });
  });

  it("counts an emoji (even a ZWJ sequence or with a skin tone) as one word", () => {
    expect(countWords("👍")).toEqual({ characters: 0, words: 1 });
    expect(countWords("很好👍")).toEqual({ characters: 2, words: 1 });
    expect(countWords("👍🏽 👨‍👩‍👧 🇨🇳")).toEqual({ characters: 0, words: 3 });
    expect(countWords("绿色🌲发展")).toEqual({ characters: 4, words: 1 });
  });

  it("stays fast on long text", () => {
    const long = "生态保护修复 covers 12.5% 的面积。".repeat(10_000);
    const started = performance.now();
    const count = countWords(long);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(count).toEqual({ characters: 9 * 10_000, words: 2 * 10_000 });
  });
});

describe("formatCount", () => {
  it("groups thousands with commas", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});

describe("plainTextOfJson", () => {
  it("separates blocks and table cells so words do not run together", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Goals" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "森林" },
            { type: "text", marks: [{ type: "bold" }], text: "覆盖率" },
          ],
        },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableHeader", content: [{ type: "paragraph", content: [{ type: "text", text: "2025" }] }] },
                { type: "tableHeader", content: [{ type: "paragraph", content: [{ type: "text", text: "2035" }] }] },
              ],
            },
          ],
        },
      ],
    };
    const text = plainTextOfJson(doc);
    expect(text).toContain("森林覆盖率");
    expect(countWords(text)).toEqual({ characters: 5, words: 3 });
    expect(plainTextOfJson(null)).toBe("");
  });
});
