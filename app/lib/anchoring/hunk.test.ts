import { describe, expect, it } from "vitest";
import { diffTexts } from "../diff/text-diff";
import { allHunks, hunkAt } from "./hunk";

const joined = (ops: { op: string; text: string }[] | null) =>
  (ops ?? []).map((o) => (o.op === "insert" ? `[+${o.text}]` : o.op === "delete" ? `[-${o.text}]` : o.text)).join("");

describe("hunkAt", () => {
  const oldText =
    "全县长期开展防沙治沙，积累了成熟经验。沿黑河盐渍化耕地具备较大改良潜力，沙河、平川等镇具备开展全域土地综合整治的条件。县城外围缺少生态缓冲带。";
  const newText = "全县长期开展防沙治沙，积累了成熟经验。沿黑河盐渍化耕地具备较大改良潜力。县城外围缺少生态缓冲带。";
  const ops = diffTexts(oldText, newText);
  const deleted = "，沙河、平川等镇具备开展全域土地综合整治的条件";

  it("gives the deletion that removed a passage, with context cut to the limit", () => {
    const start = oldText.indexOf(deleted);
    const hunk = hunkAt(ops, start + 1, start + deleted.length, 6);
    expect(joined(hunk)).toBe(`…较大改良潜力[-${deleted}]。县城外围缺…`);
  });

  it("is null when no change touched the range", () => {
    expect(hunkAt(ops, 0, 5)).toBeNull();
  });

  it("counts an insertion at the edge of the range and keeps a long unchanged run between changes short", () => {
    const a = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
    const b = "甲乙丙丁戊新己庚辛壬癸子丑寅卯辰巳午未申酉戌亥增";
    const hunk = hunkAt(diffTexts(a, b), 5, a.length, 3);
    expect(joined(hunk)).toBe("…丙丁戊[+新]己庚辛…酉戌亥[+增]");
  });
});

describe("allHunks", () => {
  it("lists each change once, at most `limit`", () => {
    const ops = [
      { op: "equal" as const, text: "一二三四五六七八九十。甲乙" },
      { op: "delete" as const, text: "丙" },
      { op: "equal" as const, text: "丁。子丑寅卯" },
      { op: "insert" as const, text: "辰" },
      { op: "equal" as const, text: "。" },
    ];
    expect(allHunks(ops, 5, 2).map(joined)).toEqual(["…甲乙[-丙]丁。…", "…寅卯[+辰]。"]);
    expect(allHunks(ops, 1)).toHaveLength(1);
  });
});
