import { describe, expect, it } from "vitest";
import { buildAnchor, type TextAnchor } from "./anchor";
import { bigramSimilarity, contextScore, findQuote, MIN_QUOTE_SIMILARITY } from "./quote-search";
import { rng } from "../random";

const text =
  "第一节　规划背景\n张掖市地处河西走廊中段，“一山一水”（祁连山、黑河）是生态安全的根本。🌲森林覆盖率达到12.5%；湿地保护率达到60%。\n" +
  "第二节　主要任务\n实施祁连山北麓生态保护修复工程，推进黑河中游湿地保护与恢复，开展历史遗留矿山生态修复。";

function anchorOf(t: string, passage: string, from = 0): TextAnchor {
  const start = t.indexOf(passage, from);
  if (start < 0) throw new Error(`no ${passage}`);
  return buildAnchor(t, start, start + passage.length)!;
}

describe("findQuote: exact occurrences", () => {
  it("finds a verbatim passage with its context at full score", () => {
    const a = anchorOf(text, "推进黑河中游湿地保护与恢复");
    const m = findQuote(text, a, a.start)!;
    expect(m).toMatchObject({ start: a.start, end: a.end });
    expect(m.score).toBeCloseTo(1, 5);
  });

  it("finds a passage that moved elsewhere, with a lower score than in place", () => {
    const a = anchorOf(text, "开展历史遗留矿山生态修复");
    const moved = `开展历史遗留矿山生态修复。${text.replace("，开展历史遗留矿山生态修复", "")}`;
    const m = findQuote(moved, a, a.start)!;
    expect(moved.slice(m.start, m.end)).toBe(a.exact);
    expect(m.start).toBe(0);
    expect(m.score).toBeLessThan(findQuote(text, a, a.start)!.score);
  });

  it("disambiguates a repeated passage by its context, even against the hint", () => {
    const twice = "湿地保护";
    const second = text.indexOf(twice, text.indexOf(twice) + 1);
    const a = buildAnchor(text, second, second + twice.length)!;
    const first = text.indexOf(twice);
    expect(findQuote(text, a)!.start).toBe(second);
    expect(findQuote(text, a, first)!.start).toBe(second);
    const b = buildAnchor(text, first, first + twice.length)!;
    expect(findQuote(text, b, second)!.start).toBe(first);
  });

  it("uses the hint to break ties between occurrences with the same context", () => {
    const t = "甲乙丙丁戊。保护生态环境。甲乙丙丁戊。保护生态环境。甲乙丙丁戊。";
    const a: TextAnchor = { exact: "保护生态环境", prefix: "。", suffix: "。", start: 0, end: 0 };
    const positions = [t.indexOf(a.exact), t.lastIndexOf(a.exact)];
    expect(findQuote(t, a, positions[0])!.start).toBe(positions[0]);
    expect(findQuote(t, a, positions[1])!.start).toBe(positions[1]);
  });

  it("scores a worse context lower (property over random corruptions)", () => {
    const next = rng(31);
    const a = anchorOf(text, "实施祁连山北麓生态保护修复工程");
    const full = findQuote(text, a, a.start)!.score;
    for (let i = 0; i < 50; i++) {
      // break the context at a random distance from the passage: the nearer the break, the lower the score
      const near = 1 + Math.floor(next() * 10);
      const far = near + 1 + Math.floor(next() * 10);
      const corrupt = (distance: number) => {
        const at = a.start - distance;
        return `${text.slice(0, at)}Ｘ${text.slice(at + 1)}`;
      };
      const sNear = findQuote(corrupt(near), a, a.start)!;
      const sFar = findQuote(corrupt(far), a, a.start)!;
      expect(sNear.score).toBeLessThan(sFar.score);
      expect(sFar.score).toBeLessThan(full);
    }
  });

  it("needs context to accept a short quote", () => {
    const a = anchorOf(text, "根本");
    expect(findQuote(text, a)).toMatchObject({ start: a.start, end: a.end });
    // the same two characters, in a text where nothing around them matches
    expect(findQuote("这是一段毫不相干的文字，根本无关。", a)).toBeNull();
  });

  it("finds nothing in unrelated text or for an empty quote", () => {
    const a = anchorOf(text, "推进黑河中游湿地保护与恢复");
    expect(findQuote("The quick brown fox jumps over the lazy dog, again and again and again.", a)).toBeNull();
    expect(findQuote("", a)).toBeNull();
    expect(findQuote(text, { ...a, exact: "" })).toBeNull();
  });
});

describe("findQuote: approximate matches", () => {
  it("finds a quote with one character changed, scoring lower than the verbatim one", () => {
    const a = anchorOf(text, "推进黑河中游湿地保护与恢复");
    const edited = text.replace("推进黑河中游湿地保护与恢复", "推进黑河中游湿地保育与恢复");
    const m = findQuote(edited, a, a.start)!;
    expect(m).not.toBeNull();
    expect(edited.slice(m.start, m.end)).toBe("推进黑河中游湿地保育与恢复");
    expect(m.score).toBeLessThan(findQuote(text, a, a.start)!.score);
    expect(m.score).toBeGreaterThan(0.8);
  });

  it("finds insertions and deletions inside the quote, with bounds on the new wording", () => {
    const a = anchorOf(text, "实施祁连山北麓生态保护修复工程");
    const inserted = text.replace("祁连山北麓生态", "祁连山北麓山水林田湖草生态");
    const m1 = findQuote(inserted, a)!;
    // 5 characters inserted into a 15-character quote is more than a quarter: not found
    expect(m1).toBeNull();
    const small = text.replace("祁连山北麓生态", "祁连山北麓区域生态");
    const m2 = findQuote(small, a)!;
    expect(small.slice(m2.start, m2.end)).toBe("实施祁连山北麓区域生态保护修复工程");
    const shorter = text.replace("北麓生态保护", "生态保护");
    const m3 = findQuote(shorter, a)!;
    expect(shorter.slice(m3.start, m3.end)).toBe("实施祁连山生态保护修复工程");
  });

  it("scores more edits lower and stops above a quarter of the quote edited (property)", () => {
    const next = rng(77);
    const quote = "推进黑河中游湿地保护与恢复工作全面落实"; // 19 characters
    const base = `前言部分说明背景情况。${quote}。结尾部分说明保障措施。`;
    const a = anchorOf(base, quote);
    for (let round = 0; round < 30; round++) {
      let previous = findQuote(base, a)!.score;
      const positions = new Set<number>();
      while (positions.size < 6) positions.add(Math.floor(next() * quote.length));
      let edited = quote;
      let k = 0;
      for (const p of positions) {
        edited = `${edited.slice(0, p)}〇${edited.slice(p + 1)}`;
        k++;
        const m = findQuote(base.replace(quote, edited), a);
        if (k / quote.length <= 1 - MIN_QUOTE_SIMILARITY) {
          expect(m).not.toBeNull();
          expect(m!.score).toBeLessThan(previous);
          previous = m!.score;
        } else {
          expect(m).toBeNull();
        }
      }
    }
  });

  it("prefers the approximate match whose context matches", () => {
    const t = "甲方负责：加强湿地保护修复。乙方负责：加强草原保护修复。";
    const a: TextAnchor = { exact: "加强森林保护修复", prefix: "乙方负责：", suffix: "。", start: 0, end: 0 };
    const m = findQuote(t, a)!;
    expect(t.slice(m.start, m.end)).toBe("加强草原保护修复");
  });

  it("finds nothing in unrelated Chinese text (property)", () => {
    const next = rng(5);
    const poolA = "山水林田湖草沙冰川河流湿地森林草原荒漠".split("");
    const poolB = "经济发展产业结构调整城镇化交通运输能源消费教育医疗".split("");
    const pick = (pool: string[], n: number) => Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]).join("");
    for (let i = 0; i < 50; i++) {
      const quote = pick(poolA, 6 + Math.floor(next() * 20));
      const a: TextAnchor = { exact: quote, prefix: pick(poolA, 10), suffix: pick(poolA, 10), start: 0, end: 0 };
      expect(findQuote(pick(poolB, 300), a)).toBeNull();
    }
  });

  it("never splits an emoji", () => {
    const t = "前文：🌲森林覆盖率达到12.5%，后文。";
    const a: TextAnchor = { exact: "🌳森林覆盖率达到12.5%", prefix: "前文：", suffix: "，后文。", start: 0, end: 0 };
    const m = findQuote(t, a)!;
    expect(t.slice(m.start, m.end)).toBe("🌲森林覆盖率达到12.5%");
  });

  it("copes with long texts and long quotes", () => {
    const next = rng(9);
    const pool = "生态保护修复湿地森林草原河流治理规划实施工程项目资金保障监测评估".split("");
    let big = "";
    while (big.length < 50_000) big += pool[Math.floor(next() * pool.length)];
    const start = 31_000;
    const a = buildAnchor(big, start, start + 800)!;
    const edited = `${big.slice(0, start + 100)}新增${big.slice(start + 110)}`;
    const t0 = Date.now();
    const m = findQuote(edited, a, start)!;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(m.start).toBe(start);
    expect(m.end).toBe(start + 792);
  });
});

describe("contextScore and bigramSimilarity", () => {
  it("rates context from the passage outward", () => {
    const a = anchorOf(text, "湿地保护率");
    expect(contextScore(text, a, a.start, a.end)).toBeCloseTo(1, 5);
    expect(contextScore(text, { prefix: "", suffix: "" }, 0, 1)).toBe(0.5);
  });
  it("is 1 for equal strings and 0 for disjoint ones", () => {
    expect(bigramSimilarity("生态保护", "生态保护")).toBe(1);
    expect(bigramSimilarity("生态保护", "经济发展")).toBe(0);
    expect(bigramSimilarity("生态保护修复", "生态保护治理")).toBeCloseTo(0.6, 5);
  });
});
