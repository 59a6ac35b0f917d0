import { describe, expect, it } from "vitest";
import { adoptionSummary, adoptionTableRows } from "./rows";
import { comments, sample } from "./fixture";

describe("comments answered with a group", () => {
  it("keep their own rows and organisations, each marked with all the group's rows", () => {
    const answer = { decision: "adopted" as const, reason: "已统一补充湿地保护率计算口径。" };
    const grouped = comments.map((c, i) => (i === 0 || i === 2 || i === 3 ? { ...c, ...answer, groupId: "grp1" } : c));
    const rows = adoptionTableRows({ ...sample, comments: grouped });
    expect(rows).toHaveLength(comments.length);
    const marked = rows.filter((r) => r.reason.includes("合并答复"));
    expect(marked).toHaveLength(3);
    const numbers = marked.map((r) => r.number);
    for (const r of marked) {
      expect(r.decision).toBe("采纳");
      expect(r.reason).toBe(`已统一补充湿地保护率计算口径。\n（第 ${numbers.join("、")} 条合并答复）`);
    }
    expect(new Set(marked.map((r) => r.organization)).size).toBeGreaterThan(1);
    // the summary still counts each comment
    expect(adoptionSummary(rows).counts["采纳"]).toBe(
      adoptionSummary(adoptionTableRows({ ...sample, comments: grouped.map(({ groupId, ...c }) => c) })).counts["采纳"],
    );
  });

  it("a group with one comment left in the table, or no group, is not marked", () => {
    const rows = adoptionTableRows({ ...sample, comments: comments.map((c, i) => (i === 1 ? { ...c, groupId: "alone" } : c)) });
    expect(rows.some((r) => r.reason.includes("合并答复"))).toBe(false);
  });

  it("marks an unanswered grouped comment too, without an empty line", () => {
    const rows = adoptionTableRows({
      ...sample,
      comments: comments.map((c, i) => (i < 2 ? { ...c, decision: null, reason: null, groupId: "g" } : c)),
    });
    const marked = rows.filter((r) => r.reason.includes("合并答复"));
    expect(marked).toHaveLength(2);
    for (const r of marked) expect(r.reason).toMatch(/^（第 \d+、\d+ 条合并答复）$/);
  });
});
