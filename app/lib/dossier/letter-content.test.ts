import { describe, expect, it } from "vitest";
import { facts } from "./fixture";
import { attachmentNames, breakable, money, printedDocumentNumber, requestLetter } from "./letter-content";

const all = (l: ReturnType<typeof requestLetter>) => l.body.map((b) => b.text).join("\n");

describe("the 请示's words", () => {
  it("has the title, addressee and the closing of a request", () => {
    const l = requestLetter(facts);
    expect(l.title).toBe("关于审批《高台县国土空间生态修复规划（2021—2035年）》的请示");
    expect(l.addressee).toBe("高台县人民政府");
    expect(l.signature).toBe("高台县自然资源局");
    expect(l.body.at(-1)).toEqual({ kind: "p", text: "妥否，请批示。" });
    expect(l.body.filter((b) => b.kind === "h1").map((b) => b.text)).toEqual([
      "一、规划编制情况",
      "二、征求意见情况",
      "三、专家技术审查情况",
      "四、请示事项",
    ]);
    expect(l.body.filter((b) => b.kind === "h2").map((b) => b.text)).toEqual(["（一）征求意见范围和反馈情况", "（二）意见采纳情况"]);
  });

  it("gives the consultation and the review in figures", () => {
    const text = all(requestLetter(facts));
    expect(text).toContain("共组织征求意见2轮");
    expect(text).toContain("“征求意见稿征求意见”征求了18家单位意见，16家单位正式反馈，收到意见42条");
    expect(text).toContain("对收到的45条意见，编制单位逐条研究并作出答复：采纳27条，部分采纳8条，不采纳4条，作出说明6条。");
    expect(text).toContain("设置规划指标12项，其中约束性指标5项、预期性指标7项；安排重点工程项目8个，估算总投资12.35亿元");
    expect(text).toContain("邀请5名专家组成专家组（组长：周德明）");
    expect(text).toContain("专家组意见为“修改后通过”");
    expect(text).toContain("专家组组长于2026年11月28日确认修改意见已在《规划》报批稿中落实");
    expect(text).toContain(breakable(facts.edition.manifestHash));
  });

  it("numbers the attachments as the dossier does", () => {
    expect(requestLetter(facts).attachments).toEqual([
      "《高台县国土空间生态修复规划（2021—2035年）》规划文本（报批稿）",
      "征求意见采纳情况表",
      "专家评审意见表",
    ]);
    const noRounds = { ...facts, rounds: [] };
    expect(attachmentNames(noRounds).map((a) => a.key)).toEqual(["edition", "review"]);
    expect(all(requestLetter(noRounds))).toContain("专家评审意见详见附件2");
    expect(all(requestLetter(noRounds))).toContain("未组织书面征求意见");
  });

  it("leaves the serial of an unnumbered 发文字号 blank", () => {
    expect(printedDocumentNumber("", "高台县", "2026-12-02")).toBe("高自然资发〔2026〕\u3000号");
    expect(printedDocumentNumber(" 高自然资发〔2026〕12号 ", "高台县", "2026-12-02")).toBe("高自然资发〔2026〕12号");
  });

  it("writes money as a Chinese document does", () => {
    expect(money(123456.7)).toBe("12.35亿元");
    expect(money(20000)).toBe("2亿元");
    expect(money(8650.456)).toBe("8650.46万元");
  });
});
