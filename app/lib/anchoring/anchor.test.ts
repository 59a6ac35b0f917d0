import { describe, expect, it } from "vitest";
import { anchorProblem, buildAnchor, CONTEXT_LENGTH, occurrences, splitsSurrogatePair } from "./anchor";

const text =
  "第一节　规划背景\n张掖市地处河西走廊中段，“一山一水”（祁连山、黑河）是生态安全的根本。🌲森林覆盖率达到12.5%；湿地保护率达到60%。";

describe("buildAnchor", () => {
  it("quotes the passage with 32 characters of context each side", () => {
    const start = text.indexOf("祁连山");
    const a = buildAnchor(text, start, start + 3)!;
    expect(a.exact).toBe("祁连山");
    expect(a.prefix).toBe(text.slice(Math.max(0, start - CONTEXT_LENGTH), start));
    expect(a.prefix.length).toBe(Math.min(start, CONTEXT_LENGTH));
    expect(a.suffix).toBe(text.slice(start + 3, start + 3 + CONTEXT_LENGTH));
    expect(anchorProblem(text, a)).toBeNull();
  });

  it("keeps CJK punctuation and full-width spaces as they are", () => {
    const start = text.indexOf("　规划");
    const a = buildAnchor(text, start, start + 3)!;
    expect(a.exact).toBe("　规划");
    const q = text.indexOf("“一山一水”");
    expect(buildAnchor(text, q, q + 6)!.exact).toBe("“一山一水”");
  });

  it("counts an emoji as two UTF-16 units and never splits it", () => {
    const e = text.indexOf("🌲");
    expect(text.slice(e, e + 2)).toBe("🌲");
    expect(splitsSurrogatePair(text, e + 1)).toBe(true);
    expect(buildAnchor(text, e + 1, e + 5)).toBeNull();
    const a = buildAnchor(text, e, e + 7)!;
    expect(a.exact).toBe("🌲森林覆盖率");
    // context cut at the 32-unit boundary moves out of a pair instead of splitting it
    const after = e + 2;
    const b = buildAnchor(text, after, after + 1, 1)!;
    expect(b.prefix).toBe("🌲");
  });

  it("tells the two occurrences of a repeated passage apart by offset", () => {
    const twice = "达到";
    const positions = occurrences(text, twice);
    expect(positions).toHaveLength(2);
    const [first, second] = positions.map((p) => buildAnchor(text, p, p + 2)!);
    expect(first.exact).toBe(second.exact);
    expect(first.prefix).not.toBe(second.prefix);
    expect(anchorProblem(text, first)).toBeNull();
    expect(anchorProblem(text, second)).toBeNull();
    // the second occurrence's quote with the first one's offsets is only fine if context agrees
    expect(anchorProblem(text, { ...second, start: first.start, end: first.end })).toBe("context_mismatch");
  });

  it("refuses empty and out-of-range selections", () => {
    expect(buildAnchor(text, 5, 5)).toBeNull();
    expect(buildAnchor(text, -1, 3)).toBeNull();
    expect(buildAnchor(text, 0, text.length + 1)).toBeNull();
  });
});

describe("anchorProblem", () => {
  const start = text.indexOf("黑河");
  const good = buildAnchor(text, start, start + 2)!;
  it("refuses a quote that is not at its offsets", () => {
    expect(anchorProblem(text, { ...good, exact: "祁连" })).toBe("exact_mismatch");
    expect(anchorProblem(text, { ...good, start: good.start + 1, end: good.end + 1 })).not.toBeNull();
  });
  it("accepts shorter context, refuses wrong context", () => {
    expect(anchorProblem(text, { ...good, prefix: good.prefix.slice(-5), suffix: "" })).toBeNull();
    expect(anchorProblem(text, { ...good, prefix: "别处" })).toBe("context_mismatch");
  });
  it("refuses offsets outside the text and inside an emoji", () => {
    expect(anchorProblem(text, { ...good, end: text.length + 5 })).toBe("out_of_range");
    const e = text.indexOf("🌲");
    expect(anchorProblem(text, { exact: "\udf32森", prefix: "", suffix: "", start: e + 1, end: e + 3 })).toBe("splits_character");
  });
});
