import { describe, expect, it } from "vitest";
import { generateCorpus } from "./corpus";
import { judge, score } from "./corpus-score";

const paragraphs = [
  "第一节　规划目标",
  "到2025年，全市生态修复取得明显成效，森林覆盖率达到12.5%，湿地保护率达到60%。到2030年，生态修复格局基本形成。",
  "实施祁连山北麓生态保护修复工程，推进黑河中游湿地保护与恢复，开展历史遗留矿山生态修复。",
  "建立健全生态保护补偿机制，强化资金保障和监督考核。各县区人民政府是生态修复的责任主体。",
  "加强生态修复监测评估，定期开展生态修复成效评估，及时调整修复措施。",
  "坚持保护优先、自然恢复为主，统筹山水林田湖草沙一体化保护和系统治理，各县区人民政府组织实施。",
];

describe("generateCorpus", () => {
  const cases = generateCorpus([paragraphs], { seed: 3, count: 140 });

  it("is deterministic for a seed", () => {
    expect(generateCorpus([paragraphs], { seed: 3, count: 140 })).toEqual(cases);
    expect(generateCorpus([paragraphs], { seed: 4, count: 140 })).not.toEqual(cases);
  });

  it("gives every case an anchor on its old text and a truth that reads the passage in the new text", () => {
    for (const c of cases) {
      expect(c.oldText.slice(c.anchor.start, c.anchor.end)).toBe(c.anchor.exact);
      expect(c.newText).not.toBe(c.oldText);
      if (c.truth.state === "intact") expect(c.newText.slice(c.truth.start, c.truth.end)).toBe(c.anchor.exact);
      if (c.truth.state === "changed") expect(c.newText.slice(c.truth.start, c.truth.end)).not.toBe(c.anchor.exact);
      if (c.truth.state === "orphaned") expect([c.truth.start, c.truth.end]).toEqual([-1, -1]);
    }
  });

  it("knows where a moved passage went and that a deleted one is gone", () => {
    const moved = cases.find((c) => c.kind === "move_sentence" && c.truth.state === "intact");
    expect(moved).toBeDefined();
    const deleted = cases.filter((c) => c.kind === "delete_passage");
    expect(deleted.length).toBeGreaterThan(0);
    for (const c of deleted) expect(c.truth.state).toBe("orphaned");
  });

  it("judges a confident answer on a gone passage, or elsewhere, as a wrong place", () => {
    const gone = cases.find((c) => c.truth.state === "orphaned")!;
    expect(judge(gone, { state: "intact", start: 0, end: 2 })).toEqual({ correct: false, wrongConfident: true });
    expect(judge(gone, { state: "orphaned", start: 5, end: 5 })).toEqual({ correct: true, wrongConfident: false });
    const kept = cases.find((c) => c.truth.state === "intact")!;
    const { start, end } = kept.truth;
    expect(judge(kept, { state: "intact", start, end })).toEqual({ correct: true, wrongConfident: false });
    const far = start > 20 ? 0 : end + 20;
    expect(judge(kept, { state: "intact", start: far, end: far + 1 }).wrongConfident).toBe(true);
    expect(judge(kept, { state: "orphaned", start, end: start })).toEqual({ correct: false, wrongConfident: false });
    expect(
      score(
        [gone, kept],
        [
          { state: "orphaned", start: 0, end: 0 },
          { state: "intact", start, end },
        ],
      ).stateAccuracy,
    ).toBe(1);
  });
});
