import { describe, expect, it } from "vitest";
import { sample } from "./fixture";
import { adoptionSubtitle, adoptionSummary, adoptionTableRows, adoptionTitle, summaryText, WHOLE_SECTION } from "./rows";

describe("adoptionTableRows", () => {
  const rows = adoptionTableRows(sample);

  it("orders by section, passage (whole-section first), organisation, time and numbers from 1", () => {
    expect(rows.map((r) => [r.number, r.organization, r.section])).toEqual([
      [1, "甘州区人民政府", "第三章 第二节 规划指标"],
      [2, "张掖市水务局", "第三章 第二节 规划指标"],
      [3, "甘州区人民政府", "第三章 第二节 规划指标"],
      [4, "甘州区人民政府", "第五章 第一节 黑河中游湿地保护修复区"],
      [5, "张掖市水务局", "第五章 第一节 黑河中游湿地保护修复区"],
      [6, "张掖市林业和草原局", "第五章 第一节 黑河中游湿地保护修复区"],
    ]);
    expect(rows[0].original).toBe(WHOLE_SECTION);
    expect(rows[1].original).toBe("用水总量控制在“十四五”下达指标以内");
  });

  it("labels the category, adds the proposed wording and normalises line ends", () => {
    expect(rows[4].comment).toBe(
      "【修改】退耕还湿面积应与《黑河流域水量分配方案》确定的生态用水指标衔接，\n建议核减并注明水源保障措施。\n建议修改为：结合生态用水指标，实施退耕还湿0.8万亩，恢复湿地植被",
    );
    expect(rows[1].comment).toBe("【补充】建议补充“万元GDP用水量下降率”为预期性指标。");
    expect(rows[2].comment.startsWith("【疑问】")).toBe(true);
  });

  it("translates decisions, an unanswered comment is 待答复 with no reason", () => {
    expect(rows.map((r) => r.decision)).toEqual(["采纳", "采纳", "说明", "待答复", "部分采纳", "不采纳"]);
    expect(rows[3].reason).toBe("");
  });

  it("orders same-passage comments of one organisation by time", () => {
    const twice = adoptionTableRows({
      ...sample,
      comments: [
        { ...sample.comments[0], body: "后提", createdAt: "2025-10-15T09:00:00+08:00" },
        { ...sample.comments[0], body: "先提", createdAt: "2025-10-14T09:00:00+08:00" },
      ],
    });
    expect(twice.map((r) => r.comment.slice(4, 6))).toEqual(["先提", "后提"]);
  });

  it("strips characters XML cannot hold", () => {
    const [row] = adoptionTableRows({ ...sample, comments: [{ ...sample.comments[1], body: "a\u0007b\u000Bc" }] });
    expect(row.comment).toBe("【补充】abc");
  });
});

describe("adoptionSummary", () => {
  it("counts by decision", () => {
    const summary = adoptionSummary(adoptionTableRows(sample));
    expect(summary).toEqual({ counts: { 采纳: 2, 部分采纳: 1, 不采纳: 1, 说明: 1, 待答复: 1 }, total: 6 });
    expect(summaryText(summary)).toBe("共 6 条：采纳 2 条，部分采纳 1 条，不采纳 1 条，说明 1 条，待答复 1 条");
  });

  it("is all zero for an empty round", () => {
    expect(adoptionSummary([])).toEqual({ counts: { 采纳: 0, 部分采纳: 0, 不采纳: 0, 说明: 0, 待答复: 0 }, total: 0 });
  });
});

describe("title and subtitle", () => {
  it("name the plan, document, edition, round, time (Shanghai) and hash", () => {
    expect(adoptionTitle(sample)).toBe("《甘州区国土空间生态修复规划（2021—2035年）》规划文本（征求意见稿）意见采纳情况表");
    const sub = adoptionSubtitle({ ...sample, generatedAt: "2025-10-20T10:05:00Z" });
    expect(sub).toContain("第一轮征求意见（区县政府及市直部门）");
    expect(sub).toContain("2025年10月20日 18:05");
    expect(sub).toContain(`稿次摘要：${sample.manifestHash}`);
    expect(sub).not.toContain("审计链");
    const withHead = adoptionSubtitle({ ...sample, auditHead: { events: 42, sha256: "d".repeat(64) } });
    expect(withHead).toContain(`审计链：42 条，SHA-256 ${"d".repeat(64)}`);
  });
});

describe("passages gone and the revision that carried out an answer", () => {
  it("marks 原文 with the edition it is gone in and names the revision after the reason, keeping seven columns", () => {
    const [c] = sample.comments.filter((x) => x.exact === "实施退耕还湿1.2万亩，恢复湿地植被" && x.decision === "partially_adopted");
    const rows = adoptionTableRows({
      ...sample,
      comments: [{ ...c, removedIn: "送审稿", revision: { id: "rev_1bjmjnz32amsnjm0", date: "2026-11-05" } }],
    });
    expect(rows[0].original).toBe("实施退耕还湿1.2万亩，恢复湿地植被\n【原文已删除（送审稿）】");
    expect(rows[0].reason).toBe(`${c.reason}\n见修订 rev_1bjmjnz3（2026-11-05）`);
    expect(Object.keys(rows[0])).toHaveLength(7);
    const plain = adoptionTableRows({ ...sample, comments: [c] })[0];
    expect(plain.original).toBe("实施退耕还湿1.2万亩，恢复湿地植被");
    expect(plain.reason).toBe(c.reason);
  });
});
