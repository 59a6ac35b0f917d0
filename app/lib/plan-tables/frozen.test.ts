import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../hash/canonical-json";
import { diffTables, type FrozenTable, inTableOrder, type PlacedSection, placeTable, tableHash } from "./frozen";
import type { IndicatorRow } from "./indicator-table";
import { projectTable } from "./project-table";

const sec = (
  sectionId: string,
  title: string,
  parentSectionId: string | null = null,
  dataBlock: PlacedSection["dataBlock"] = null,
): PlacedSection => ({ sectionId, title, parentSectionId, dataBlock });
const doc = [
  sec("s1", "总则"),
  sec("s2", "规划背景", "s1"),
  sec("s3", "目标与指标"),
  sec("s4", "规划目标", "s3"),
  sec("s5", "规划指标", "s3"),
  sec("s6", "重点工程"),
  sec("s7", "矿山修复工程", "s6"),
  sec("s8", "实施保障"),
];

describe("placeTable", () => {
  it("uses the section whose data_block names the table", () => {
    const marked = doc.map((s) => (s.sectionId === "s4" ? { ...s, dataBlock: "indicators" as const } : s));
    expect(placeTable("indicators", marked)).toBe("s4");
    expect(placeTable("projects", marked)).toBe("s7");
  });
  it("otherwise goes after the 目标与指标 / 重点工程 chapter (the end of its last sub-section)", () => {
    expect(placeTable("indicators", doc)).toBe("s5");
    expect(placeTable("projects", doc)).toBe("s7");
  });
  it("otherwise goes at the end of the document", () => {
    const plain = [sec("a", "总则"), sec("b", "附则")];
    expect(placeTable("indicators", plain)).toBe("b");
    expect(placeTable("projects", [])).toBeNull();
  });
});

describe("frozen tables", () => {
  const ind = (v: number): IndicatorRow => ({
    code: "F",
    name: "森林覆盖率",
    unit: "%",
    kind: "binding",
    direction: "up",
    rollup: "sum",
    baseline: 19.6,
    targets: { "2025": 20.3, "2030": v, "2035": 21.5 },
  });
  it("hashes the canonical JSON of the content (key order does not matter)", () => {
    const content = { indicators: [ind(20.9)] };
    expect(tableHash(content)).toBe(createHash("sha256").update(canonicalJson(content)).digest("hex"));
    const { targets: _, ...rest } = ind(20.9);
    const reordered = { indicators: [{ targets: { "2035": 21.5, "2030": 20.9, "2025": 20.3 }, ...rest }] };
    expect(tableHash(reordered)).toBe(tableHash(content));
    expect(tableHash({ indicators: [ind(21)] })).not.toBe(tableHash(content));
  });
  it("keeps one order: indicators, then projects", () => {
    expect(inTableOrder([{ kind: "projects" as const }, { kind: "indicators" as const }]).map((t) => t.kind)).toEqual([
      "indicators",
      "projects",
    ]);
  });
  it("compares two editions' tables", () => {
    const t = (v: number): FrozenTable => ({
      kind: "indicators",
      sectionId: "s5",
      content: { indicators: [ind(v)] },
      hash: tableHash({ indicators: [ind(v)] }),
    });
    const projects = projectTable([
      { id: "p", name: "湿地", type: "river_wetland", county: "高台县", township: "", areaHa: 10, investmentWan: 100, period: "2021-2025" },
    ]);
    const pt: FrozenTable = { kind: "projects", sectionId: "s7", content: projects, hash: tableHash(projects) };
    const [indicators, dropped] = diffTables([t(20.9), pt], [t(21)]);
    expect(indicators).toMatchObject({
      kind: "indicators",
      status: "changed",
      rows: [{ code: "F", status: "changed", changes: [{ field: "2030", from: 20.9, to: 21 }] }],
    });
    expect(dropped).toMatchObject({ kind: "projects", status: "removed", removed: [{ id: "p" }], added: [] });
    expect(diffTables([t(1)], [t(1)])).toMatchObject([{ status: "unchanged", rows: [] }]);
    expect(diffTables([], [])).toEqual([]);
  });
});
