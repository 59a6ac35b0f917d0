import { describe, expect, it } from "vitest";
import { readCounty, readNumber, readPeriod, readStatus, readType } from "./fields";
import { importRowInput, mergePatch, projectInput, projectPatch } from "./schema";

const good = {
  name: " 黑河湿地保护修复 ",
  type: "river_wetland",
  county: "甘州区",
  areaHa: 120.5,
  investmentWan: 800,
  period: "2021-2025",
};
const issues = (r: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);

describe("lenient readers", () => {
  it("accept type codes and Chinese names", () => {
    expect(readType("mine")).toBe("mine");
    expect(readType("历史遗留矿山修复")).toBe("mine");
    expect(readType(" 重要河流湿地保护修复 ")).toBe("river_wetland");
    expect(readType("湿地")).toBe("湿地");
  });
  it("read periods typed with other dashes", () => {
    for (const v of ["2021-2025", "2021—2025", "2021–2025", "2021~2025", "2021至2025年", "2021年-2025年", " 2021 - 2025 "])
      expect(readPeriod(v)).toBe("2021-2025");
    expect(readPeriod("2021-2040")).toBe("2021-2040");
  });
  it("read statuses in Chinese", () => {
    expect(readStatus("纳入")).toBe("included");
    expect(readStatus("不纳入")).toBe("excluded");
    expect(readStatus("候选")).toBe("candidate");
    expect(readStatus("included")).toBe("included");
  });
  it("read counties by their official names", () => {
    expect(readCounty("肃南县")).toBe("肃南裕固族自治县");
    expect(readCounty(" 张掖市甘州区 ")).toBe("甘州区");
    expect(readCounty("高台县")).toBe("高台县");
    expect(readCounty("")).toBeUndefined();
    expect(projectInput.parse({ ...good, county: "肃南县" }).county).toBe("肃南裕固族自治县");
  });
  it("read numbers with thousands separators, leave words alone", () => {
    expect(readNumber("1,234.5")).toBe(1234.5);
    expect(readNumber(" 12 ")).toBe(12);
    expect(readNumber("")).toBeUndefined();
    expect(readNumber(null)).toBeUndefined();
    expect(readNumber("十二")).toBe("十二");
    expect(readNumber("12万")).toBe("12万");
    expect(readNumber("-3")).toBe(-3);
  });
});

describe("projectInput", () => {
  it("accepts a good project, trims, and leaves the funding split empty", () => {
    const v = projectInput.parse(good);
    expect(v).toMatchObject({
      name: "黑河湿地保护修复",
      type: "river_wetland",
      township: "",
      keyArea: "",
      investCentral: null,
      investSocial: null,
    });
  });
  it("accepts the Chinese type name", () => {
    expect(projectInput.parse({ ...good, type: "重要河流湿地保护修复" }).type).toBe("river_wetland");
  });
  it("names each bad field", () => {
    expect(issues(projectInput.safeParse({ ...good, type: "湿地工程" }))).toEqual(["type:library.validation.type"]);
    expect(issues(projectInput.safeParse({ ...good, areaHa: -1 }))).toEqual(["areaHa:library.validation.negative"]);
    expect(issues(projectInput.safeParse({ ...good, investmentWan: "八百" }))).toEqual(["investmentWan:library.validation.number"]);
    expect(issues(projectInput.safeParse({ ...good, period: "2036-2040" }))).toEqual(["period:library.validation.period"]);
    expect(issues(projectInput.safeParse({ ...good, name: "  " }))).toEqual(["name:validation.required"]);
    expect(issues(projectInput.safeParse({ ...good, name: "长".repeat(101) }))).toEqual(["name:validation.tooLong|100"]);
    expect(issues(projectInput.safeParse({ ...good, county: undefined }))).toEqual(["county:validation.required"]);
  });
  it("checks the funding split against the total, blanks counting as 0", () => {
    expect(projectInput.parse({ ...good, investCentral: 500, investProvincial: 200, investLocal: 100.004 })).toMatchObject({
      investCentral: 500,
      investProvincial: 200,
      investLocal: 100.004,
      investSocial: 0,
    });
    expect(issues(projectInput.safeParse({ ...good, investCentral: 500, investProvincial: 200 }))).toEqual([
      "investmentWan:library.validation.fundingSum",
    ]);
    expect(
      issues(projectInput.safeParse({ ...good, investCentral: 500, investProvincial: 200, investLocal: 100, investSocial: 0.02 })),
    ).toEqual(["investmentWan:library.validation.fundingSum"]);
    expect(issues(projectInput.safeParse({ ...good, investSocial: -800 }))).toContain("investSocial:library.validation.negative");
  });
});

describe("changes", () => {
  const current = projectInput.parse({ ...good, township: "党寨镇", investCentral: 800 });
  it("merges a change and checks the whole project again", () => {
    const raw = { investmentWan: 900 };
    expect(issues(projectInput.safeParse(mergePatch(current, raw, projectPatch.parse(raw))))).toEqual([
      "investmentWan:library.validation.fundingSum",
    ]);
    const fixed = { investmentWan: 900, investCentral: 900 };
    expect(projectInput.parse(mergePatch(current, fixed, projectPatch.parse(fixed)))).toMatchObject({
      investmentWan: 900,
      investCentral: 900,
      investProvincial: 0,
    });
  });
  it("clears a text field, or the funding split when all four are given blank", () => {
    const one = { investCentral: null };
    // the other three were stored as 0, so clearing one alone breaks the sum
    expect(issues(projectInput.safeParse(mergePatch(current, one, projectPatch.parse(one))))).toEqual([
      "investmentWan:library.validation.fundingSum",
    ]);
    const raw = { township: "", investCentral: null, investProvincial: "", investLocal: null, investSocial: null };
    const merged = projectInput.parse(mergePatch(current, raw, projectPatch.parse(raw)));
    expect(merged.township).toBe("");
    expect(merged.investCentral).toBeNull();
  });
  it("leaves fields that are not named alone", () => {
    const raw = { name: "黑河湿地保护修复（一期）" };
    expect(projectInput.parse(mergePatch(current, raw, projectPatch.parse(raw)))).toMatchObject({
      name: "黑河湿地保护修复（一期）",
      township: "党寨镇",
      investCentral: 800,
    });
  });
});

describe("importRowInput", () => {
  it("needs a reason to exclude", () => {
    expect(issues(importRowInput.safeParse({ ...good, status: "不纳入" }))).toEqual(["reason:library.validation.reasonRequired"]);
    expect(importRowInput.parse({ ...good, status: "不纳入", reason: "与城市开发边界冲突" })).toMatchObject({
      status: "excluded",
      reason: "与城市开发边界冲突",
    });
  });
  it("refuses an unknown status", () => {
    expect(issues(importRowInput.safeParse({ ...good, status: "待议" }))).toEqual(["status:library.validation.status"]);
  });
});
