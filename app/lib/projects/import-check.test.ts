import { describe, expect, it } from "vitest";
import { checkImportRows, type ExistingProject } from "./import-check";
import type { RawRow } from "./parse.server";
import { projectInput } from "./schema";

const cells = (over: RawRow["cells"] = {}): RawRow["cells"] => ({
  name: "黑河湿地保护修复",
  type: "重要河流湿地保护修复",
  county: "甘州区",
  areaHa: 120,
  investmentWan: 800,
  period: "2021-2025",
  ...over,
});
const raw = (row: number, over: RawRow["cells"] = {}, cellProblems: RawRow["cellProblems"] = []): RawRow => ({
  row,
  cells: cells(over),
  cellProblems,
});
const existing: ExistingProject[] = [
  {
    id: "prj_a",
    values: projectInput.parse({
      name: "山丹河城区段生态修复",
      type: "urban_river",
      county: "山丹县",
      areaHa: 40,
      investmentWan: 1200,
      period: "2026-2030",
    }),
    status: "included",
    reason: "",
  },
];
const problems = (rows: ReturnType<typeof checkImportRows>["rows"], n: number) =>
  rows.find((r) => r.row === n)!.problems.map((p) => `${p.field}:${p.key}`);

describe("checkImportRows", () => {
  it("names every bad row and field, and counts the good ones", () => {
    const { rows, summary } = checkImportRows(
      [
        raw(2),
        raw(3, { name: "甲", type: "湿地" }),
        raw(4, { name: "乙", areaHa: -5 }),
        raw(5, { name: "丙", period: "2036-2040" }),
        raw(6, { name: undefined }),
        raw(7, { name: "丁", investmentWan: "八百万" }),
        raw(8, { name: "戊", status: "不纳入" }),
        raw(9, { name: "己", investCentral: 100 }),
        raw(10, { name: "庚" }, [{ field: "areaHa", key: "library.problem.formulaNoValue" }]),
        raw(11, { name: "辛", type: "mine" }),
      ],
      existing,
    );
    expect(problems(rows, 2)).toEqual([]);
    expect(problems(rows, 3)).toEqual(["type:library.validation.type"]);
    expect(problems(rows, 4)).toEqual(["areaHa:library.validation.negative"]);
    expect(problems(rows, 5)).toEqual(["period:library.validation.period"]);
    expect(problems(rows, 6)).toEqual(["name:validation.required"]);
    expect(problems(rows, 7)).toEqual(["investmentWan:library.validation.number"]);
    expect(problems(rows, 8)).toEqual(["reason:library.validation.reasonRequired"]);
    expect(problems(rows, 9)).toEqual(["investmentWan:library.validation.fundingSum"]);
    // a formula without a value is reported once, not again as "required"
    expect(problems(rows, 10)).toEqual(["areaHa:library.problem.formulaNoValue"]);
    expect(problems(rows, 11)).toEqual([]);
    expect(summary).toEqual({ rows: 10, good: 2, bad: 8, create: 2, update: 0, unchanged: 0 });
    expect(rows.find((r) => r.row === 2)).toMatchObject({ action: "create", status: "candidate", values: { type: "river_wetland" } });
  });

  it("names duplicates in the file and in the plan", () => {
    const { rows, summary } = checkImportRows(
      [raw(2, { name: "甲" }), raw(3, { name: "乙" }), raw(4, { name: " 甲 " }), raw(5, { name: "山丹河城区段生态修复" })],
      existing,
    );
    expect(rows.find((r) => r.row === 2)!.problems).toEqual([
      { field: "name", key: "library.problem.duplicateInFile", params: { rows: "4" } },
    ]);
    expect(rows.find((r) => r.row === 4)!.problems[0].params).toEqual({ rows: "2" });
    expect(problems(rows, 5)).toEqual(["name:library.problem.duplicateInPlan"]);
    expect(summary.good).toBe(1);
  });

  it("updates the project whose id a row carries, and sees unchanged rows", () => {
    const same = raw(2, {
      id: "prj_a",
      name: "山丹河城区段生态修复",
      type: "城镇河道生态修复",
      county: "山丹县",
      areaHa: 40,
      investmentWan: 1200,
      period: "2026-2030",
      status: "纳入",
    });
    const changed = raw(3, {
      id: "prj_a",
      name: "山丹河城区段生态修复（调整）",
      type: "urban_river",
      county: "山丹县",
      areaHa: 45,
      investmentWan: 1200,
      period: "2026-2030",
    });
    expect(checkImportRows([same], existing).rows[0]).toMatchObject({ action: "unchanged", projectId: "prj_a" });
    const update = checkImportRows([changed], existing).rows[0];
    // a blank status keeps the project's status
    expect(update).toMatchObject({
      action: "update",
      projectId: "prj_a",
      status: "included",
      values: { areaHa: 45, name: "山丹河城区段生态修复（调整）" },
    });
    const twice = checkImportRows([same, { ...changed, cells: { ...changed.cells, name: "另一个" } }], existing);
    expect(problems(twice.rows, 2)).toEqual(["id:library.problem.duplicateId"]);
  });

  it("refuses an id from elsewhere", () => {
    const { rows } = checkImportRows([raw(2, { id: "prj_other" })], existing);
    expect(rows[0].problems).toEqual([{ field: "id", key: "library.problem.unknownId", params: { id: "prj_other" } }]);
  });
});
