import { describe, expect, it } from "vitest";
import {
  asTableInput,
  cellPrompt,
  cellQuote,
  cellStateOn,
  formatNumber,
  type IndicatorRow,
  indicatorChanges,
  indicatorFormToInput,
  indicatorTableInput,
  orderChanged,
  readNumberCell,
} from "./indicator-table";
import { shortfall } from "./rollup";

const row = (code: string, targets: [number | null, number | null, number | null], extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  code,
  name: `指标${code}`,
  unit: "%",
  kind: "binding",
  direction: "up",
  rollup: "none",
  baseline: null,
  targets: { "2025": targets[0], "2030": targets[1], "2035": targets[2] },
  ...extra,
});

function issues(input: unknown) {
  const r = indicatorTableInput.safeParse(asTableInput(input));
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("readNumberCell", () => {
  it("reads plain, grouped and full-width decimals; empty is null", () => {
    expect(readNumberCell("20.9")).toEqual({ value: 20.9 });
    expect(readNumberCell(" 15,286 ")).toEqual({ value: 15286 });
    expect(readNumberCell("２０．９")).toEqual({ value: 20.9 });
    expect(readNumberCell(0)).toEqual({ value: 0 });
    expect(readNumberCell("-0")).toEqual({ value: 0 });
    expect(readNumberCell("")).toEqual({ value: null });
    expect(readNumberCell(null)).toEqual({ value: null });
    expect(readNumberCell(undefined)).toEqual({ value: null });
  });
  it("refuses words, symbols, negatives and absurd sizes with a message key", () => {
    expect(readNumberCell("abc")).toEqual({ problem: "indicators.error.number" });
    expect(readNumberCell("≥15286")).toEqual({ problem: "indicators.error.number" });
    expect(readNumberCell("1,23")).toEqual({ problem: "indicators.error.number" });
    expect(readNumberCell(Number.NaN)).toEqual({ problem: "indicators.error.number" });
    expect(readNumberCell(true)).toEqual({ problem: "indicators.error.number" });
    expect(readNumberCell("-5")).toEqual({ problem: "indicators.error.negative" });
    expect(readNumberCell(-0.1)).toEqual({ problem: "indicators.error.negative" });
    expect(readNumberCell("1e13")).toEqual({ problem: "indicators.error.tooLarge" });
  });
});

describe("indicatorTableInput", () => {
  const good = {
    code: "A1",
    name: "森林覆盖率",
    unit: "%",
    kind: "binding",
    direction: "up",
    rollup: "sum",
    baseline: "19.6",
    targets: { "2025": "20.3", "2030": 20.9, "2035": "" },
  };
  it("accepts a bare array and keeps units as entered", () => {
    const r = indicatorTableInput.parse(asTableInput([{ ...good, unit: " 平方千米 " }]));
    expect(r.indicators[0]).toEqual({ ...good, unit: "平方千米", baseline: 19.6, targets: { "2025": 20.3, "2030": 20.9, "2035": null } });
  });
  it("names the bad cell: indicators.3.targets.2030", () => {
    const rows: Record<string, unknown>[] = [0, 1, 2, 3].map((i) => ({ ...good, code: `C${i}` }));
    rows[3] = { ...rows[3], targets: { ...good.targets, "2030": "abc" } };
    expect(issues({ indicators: rows })).toEqual([{ path: "indicators.3.targets.2030", message: "indicators.error.number" }]);
    rows[3] = { ...rows[3], targets: { ...good.targets, "2030": "-1" } };
    expect(issues(rows)).toEqual([{ path: "indicators.3.targets.2030", message: "indicators.error.negative" }]);
    expect(issues([{ ...good, baseline: "x" }])).toEqual([{ path: "indicators.0.baseline", message: "indicators.error.number" }]);
  });
  it("refuses duplicate codes (at the later row), missing names and unknown kinds", () => {
    expect(issues([good, { ...good, name: "另一项" }])).toEqual([{ path: "indicators.1.code", message: "indicators.error.duplicateCode" }]);
    expect(issues([{ ...good, name: " " }])).toEqual([{ path: "indicators.0.name", message: "validation.required" }]);
    expect(issues([{ ...good, kind: "mandatory" }])).toEqual([{ path: "indicators.0.kind", message: "validation.choice" }]);
    expect(issues({})).toEqual([{ path: "indicators", message: "validation.required" }]);
  });
});

describe("indicatorFormToInput", () => {
  it("turns the editor's fields into rows in index order, closing gaps", () => {
    const form: [string, string][] = [
      ["intent", "save"],
      ["indicators.5.code", "B"],
      ["indicators.0.code", "A"],
      ["indicators.0.targets.2030", "20.9"],
      ["indicators.5.targets.2025", "1"],
      ["indicators.0.bogus", "x"],
    ];
    expect(indicatorFormToInput(form)).toEqual({
      indicators: [
        { code: "A", targets: { "2030": "20.9" } },
        { code: "B", targets: { "2025": "1" } },
      ],
    });
  });
});

describe("indicatorChanges", () => {
  it("lists changed cells from → to, added and removed rows; leaves unchanged rows out", () => {
    const before = [row("A", [1, 2, 3]), row("B", [4, 5, 6]), row("C", [7, 8, 9])];
    const after = [row("A", [1, 2.5, 3]), row("C", [7, 8, 9], { unit: "公顷" }), row("D", [null, 1, null])];
    expect(indicatorChanges(before, after)).toEqual([
      { code: "A", name: "指标A", unit: "%", status: "changed", changes: [{ field: "2030", from: 2, to: 2.5 }] },
      { code: "C", name: "指标C", unit: "公顷", status: "changed", changes: [{ field: "unit", from: "%", to: "公顷" }] },
      {
        code: "D",
        name: "指标D",
        unit: "%",
        status: "added",
        changes: expect.arrayContaining([
          { field: "2030", from: null, to: 1 },
          { field: "name", from: null, to: "指标D" },
        ]),
      },
      { code: "B", name: "指标B", unit: "%", status: "removed", changes: expect.arrayContaining([{ field: "2025", from: 4, to: null }]) },
    ]);
    expect(indicatorChanges(before, before)).toEqual([]);
  });
  it("notices a new order of the same rows", () => {
    expect(orderChanged([row("A", [1, 1, 1]), row("B", [1, 1, 1])], [row("B", [1, 1, 1]), row("A", [1, 1, 1])])).toBe(true);
    expect(orderChanged([row("A", [1, 1, 1]), row("B", [1, 1, 1])], [row("A", [1, 1, 1]), row("X", [1, 1, 1]), row("B", [1, 1, 1])])).toBe(
      false,
    );
  });
});

describe("cell words and states", () => {
  const forest = row("F", [20.3, 20.9, 21.5], { name: "森林覆盖率" });
  it("quotes a cell for the comment form and the adoption table", () => {
    expect(cellPrompt(forest, "2030", 20.9)).toBe("森林覆盖率 2030 年目标值：20.9%");
    expect(cellQuote(forest, "2030", 20.9)).toBe("森林覆盖率（2030年）：20.9%");
    expect(cellQuote({ name: "项目数", unit: "个" }, "2025", null)).toBe("项目数（2025年）：—");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
  });
  it("says whether a cell's value is intact, changed (old → new) or gone", () => {
    expect(cellStateOn([forest], [forest], "F", "2030")).toEqual({ state: "intact", old: 20.9, new: 20.9 });
    expect(cellStateOn([forest], [row("F", [20.3, 21, 21.5])], "F", "2030")).toEqual({ state: "changed", old: 20.9, new: 21 });
    expect(cellStateOn([forest], [], "F", "2030")).toEqual({ state: "orphaned", old: 20.9, new: null });
  });
  it("measures the roll-up shortfall the way the check compares", () => {
    expect(shortfall("up", 100, 92.5)).toBe(7.5);
    expect(shortfall("up", 100, 120)).toBe(0);
    expect(shortfall("down", 10, 10.3)).toBe(0.3);
    expect(shortfall("down", 10, 9)).toBe(0);
  });
});
