import { describe, expect, it } from "vitest";
import {
  BODY_SIMILARITY_THRESHOLD,
  bigrams,
  bodySimilarity,
  type GroupCandidate,
  MIN_BODY_BIGRAMS,
  passagesOverlap,
  proposeGroups,
} from "./propose";

const c = (id: string, body: string, anchor: [number, number] | null = null, sectionId = "s1"): GroupCandidate => ({
  id,
  sectionId,
  anchorStart: anchor?.[0] ?? null,
  anchorEnd: anchor?.[1] ?? null,
  body,
});

const ASK = "建议明确湿地保护率的计算口径，并与第三次全国国土调查湿地数据衔接。";

describe("body similarity", () => {
  it("ignores punctuation, spaces and case", () => {
    expect(bigrams("湿地，保护 率")).toEqual(bigrams("湿地保护率"));
    expect(bodySimilarity(`${ASK}`, ASK.replace(/，/g, " ").replace("。", "！"))).toBe(1);
  });

  it("is high for a near-identical wording and low for a different request", () => {
    const near = "建议明确湿地保护率计算口径，并与第三次全国国土调查的湿地数据衔接。";
    expect(bodySimilarity(ASK, near)).toBeGreaterThanOrEqual(BODY_SIMILARITY_THRESHOLD);
    expect(bodySimilarity(ASK, "建议补充正义峡断面下泄水量的保障要求，增加河湖生态流量保障率指标。")).toBeLessThan(0.3);
  });

  it("counts a repeated phrase once, so repeating words does not make two bodies alike", () => {
    const repeated = "国土空间生态修复国土空间生态修复国土空间生态修复国土空间生态修复";
    expect(bigrams(repeated)).toHaveLength(8);
    // a shared stock phrase is not enough
    const a = "国土空间生态修复：建议增加历史遗留矿山治理的年度任务和资金安排。";
    const b = "国土空间生态修复：建议删去与县级规划重复的湿地公园建设内容。";
    expect(bodySimilarity(a, b)).toBeLessThan(BODY_SIMILARITY_THRESHOLD);
    expect(proposeGroups([c("a", a), c("b", b), c("r", repeated)])).toEqual([]);
  });

  it("never matches short bodies on their bodies alone", () => {
    expect(bigrams("同意。").length).toBeLessThan(MIN_BODY_BIGRAMS);
    expect(bodySimilarity("同意。", "同意")).toBe(0);
    expect(proposeGroups([c("a", "同意。"), c("b", "同意"), c("c", "无意见")])).toEqual([]);
  });
});

describe("passages", () => {
  it("overlap only in the same section and when they share a character", () => {
    expect(passagesOverlap(c("a", "", [10, 20]), c("b", "", [19, 30]))).toBe(true);
    expect(passagesOverlap(c("a", "", [10, 20]), c("b", "", [20, 30]))).toBe(false);
    expect(passagesOverlap(c("a", "", [10, 20]), c("b", "", [12, 18], "s2"))).toBe(false);
    expect(passagesOverlap(c("a", "", null), c("b", "", [0, 5]))).toBe(false);
  });
});

describe("proposeGroups", () => {
  it("puts overlapping passages and near-identical bodies together, transitively, in input order", () => {
    const items = [
      c("x1", "建议补充正义峡断面下泄水量的保障要求。", [100, 120]),
      c("a1", ASK, [5, 12]),
      c("a2", "请说明湿地保护率的计算口径。", [8, 15]),
      c("b1", "建议对重点工程估算投资逐项与市十四五重大项目库衔接。", null, "s3"),
      c("a3", "建议明确湿地保护率计算口径，与第三次全国国土调查湿地数据衔接。", null, "s9"),
      c("x2", "同意", [200, 210]),
    ];
    expect(proposeGroups(items)).toEqual([{ commentIds: ["a1", "a2", "a3"], reasons: ["passage", "body"] }]);
  });

  it("is deterministic: the same input gives the same proposals; shuffled input gives the same groups", () => {
    const topics = [
      "历史遗留矿山",
      "黑河分水任务",
      "草畜平衡面积",
      "防风固沙林带",
      "城市绿地系统",
      "农田防护林网",
      "盐渍化治理",
      "水源涵养林",
      "湿地公园建设",
    ];
    const items = Array.from({ length: 40 }, (_, i) =>
      c(
        `c${i}`,
        i % 4 === 0
          ? `${ASK}（${"甲乙丙丁"[(i / 4) % 4]}）`
          : `建议第${i}条关于${topics[i % topics.length]}的表述改为${topics[(i * 5) % topics.length]}，并说明${i}号图斑的实施年限。`,
        i % 4 === 0 ? null : [i * 50, i * 50 + 3],
      ),
    );
    const first = proposeGroups(items);
    expect(proposeGroups(items)).toEqual(first);
    expect(first[0].commentIds).toEqual(["c0", "c4", "c8", "c12", "c16", "c20", "c24", "c28", "c32", "c36"]);
    const shuffled = [...items].reverse();
    const asSets = (groups: { commentIds: string[] }[]) => groups.map((g) => [...g.commentIds].sort().join(" ")).sort();
    expect(asSets(proposeGroups(shuffled))).toEqual(asSets(first));
  });

  it("finds every pair a full comparison finds (counting through the postings loses nothing)", () => {
    const words = [
      "湿地",
      "保护",
      "修复",
      "矿山",
      "治理",
      "草原",
      "禁牧",
      "黑河",
      "分水",
      "口径",
      "指标",
      "衔接",
      "补充",
      "明确",
      "项目",
      "资金",
    ];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const bodies = Array.from({ length: 120 }, () =>
      Array.from({ length: 8 + Math.floor(rand() * 6) }, () => words[Math.floor(rand() * words.length)]).join(""),
    );
    const items = bodies.map((b, i) => c(`c${i}`, b));
    for (const t of [0.5, 0.6, 0.75]) {
      const brute = new Set<string>();
      for (let i = 0; i < items.length; i++)
        for (let j = i + 1; j < items.length; j++) if (bodySimilarity(items[i].body, items[j].body) >= t) brute.add(`${i}-${j}`);
      const grouped = proposeGroups(items, { threshold: t });
      const groupOf = new Map(grouped.flatMap((g, k) => g.commentIds.map((id) => [id, k] as const)));
      for (const pair of brute) {
        const [i, j] = pair.split("-").map(Number);
        expect(groupOf.get(`c${i}`)).toBeDefined();
        expect(groupOf.get(`c${i}`)).toBe(groupOf.get(`c${j}`));
      }
      if (t === 0.5) expect(brute.size).toBeGreaterThan(0);
    }
  });

  it("answers two thousand comments quickly", () => {
    const items = Array.from({ length: 2000 }, (_, i) =>
      c(
        `c${i}`,
        `第${i}条意见：建议在规划文本第${i % 300}节补充${i}号项目的实施年限、资金来源和责任单位，并说明与县级规划的衔接。`,
        [i * 3, i * 3 + 2],
        `s${i % 300}`,
      ),
    );
    const t0 = performance.now();
    proposeGroups(items);
    // every body here is like every other (the worst case for counting shared bigrams): a guard against
    // comparing pairs bigram by bigram, which takes several times this on these shared machines
    expect(performance.now() - t0).toBeLessThan(8000);
  });
});
