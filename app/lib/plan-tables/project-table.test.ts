import { describe, expect, it } from "vitest";
import { formatAmount, type ProjectLine, projectTable, projectTableDiff, projectTableRows } from "./project-table";

const p = (
  id: string,
  type: ProjectLine["type"],
  period: ProjectLine["period"],
  areaHa: number,
  investmentWan: number,
  name = `项目${id}`,
): ProjectLine => ({ id, name, type, county: "甘州区", township: "", areaHa, investmentWan, period });

describe("projectTable", () => {
  const lines = [
    p("3", "mine", "2026-2030", 120.5, 3000),
    p("1", "habitat", "2026-2030", 0.1, 100),
    p("2", "habitat", "2021-2025", 0.2, 250.25),
    p("4", "mine", "2021-2025", 80, 1500),
  ];
  const table = projectTable(lines);
  it("orders by type (the seed's order), then period, then name", () => {
    expect(table.projects.map((x) => x.id)).toEqual(["2", "1", "4", "3"]);
  });
  it("totals each type, each period and the whole, without floating point noise", () => {
    expect(table.groups).toEqual([
      { type: "habitat", typeName: "重要物种栖息地保护修复", count: 2, areaHa: 0.3, investmentWan: 350.25 },
      { type: "mine", typeName: "历史遗留矿山修复", count: 2, areaHa: 200.5, investmentWan: 4500 },
    ]);
    expect(table.periods).toEqual([
      { period: "2021-2025", periodName: "2021—2025年", count: 2, areaHa: 80.2, investmentWan: 1750.25 },
      { period: "2026-2030", periodName: "2026—2030年", count: 2, areaHa: 120.6, investmentWan: 3100 },
    ]);
    expect(table.total).toEqual({ count: 4, areaHa: 200.8, investmentWan: 4850.25 });
  });
  it("is the same whatever order the projects come in", () => {
    expect(projectTable([...lines].reverse())).toEqual(table);
  });
  it("lays out groups, numbered projects, subtotals, the total and one line per period", () => {
    expect(
      projectTableRows(table).map((r) => (r.kind === "group" ? `${r.index}${r.typeName}` : r.kind === "project" ? r.number : r.kind)),
    ).toEqual(["一、重要物种栖息地保护修复", 1, 2, "subtotal", "二、历史遗留矿山修复", 3, 4, "subtotal", "total", "period", "period"]);
    expect(formatAmount(4850.25)).toBe("4850.25");
    expect(formatAmount(0.1 + 0.2)).toBe("0.3");
  });
  it("has an empty total for no projects", () => {
    expect(projectTable([])).toEqual({ projects: [], groups: [], periods: [], total: { count: 0, areaHa: 0, investmentWan: 0 } });
  });
});

describe("projectTableDiff", () => {
  it("lists projects added, dropped and changed between two tables", () => {
    const a = projectTable([p("1", "habitat", "2021-2025", 10, 100), p("2", "mine", "2021-2025", 20, 200)]);
    const b = projectTable([p("1", "habitat", "2021-2025", 12, 100), p("3", "corridor", "2031-2035", 5, 50)]);
    const d = projectTableDiff(a, b);
    expect(d.added.map((x) => x.id)).toEqual(["3"]);
    expect(d.removed.map((x) => x.id)).toEqual(["2"]);
    expect(d.changed).toEqual([{ id: "1", name: "项目1", changes: [{ field: "areaHa", from: 10, to: 12 }] }]);
    expect(d.total).toEqual({ from: { count: 2, areaHa: 30, investmentWan: 300 }, to: { count: 2, areaHa: 17, investmentWan: 150 } });
    expect(projectTableDiff(null, a).added).toHaveLength(2);
  });
});
