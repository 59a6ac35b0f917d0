import { describe, expect, it } from "vitest";
import { type IndicatorValues, rollupCheck } from "./indicator-check";

const ind = (
  code: string,
  targets: [number | null, number | null, number | null],
  over: Partial<IndicatorValues> = {},
): IndicatorValues => ({
  code,
  name: code,
  unit: "万亩",
  direction: "up",
  rollup: "sum",
  targets: { "2025": targets[0], "2030": targets[1], "2035": targets[2] },
  ...over,
});

describe("indicator roll-up check", () => {
  it("compares the city target with the sum of the counties, year by year", () => {
    const city = [ind("ZB06", [60, 120, 180])];
    const counties = [
      { planId: "a", region: "甲县", indicators: [ind("ZB06", [30, 60, 90])] },
      { planId: "b", region: "乙县", indicators: [ind("ZB06", [30, 55, 90])] },
    ];
    const rows = rollupCheck(city, counties);
    expect(rows.map((r) => [r.year, r.city, r.countySum, r.ok])).toEqual([
      ["2025", 60, 60, true],
      ["2030", 120, 115, false],
      ["2035", 180, 180, true],
    ]);
    expect(rows[1].counties).toEqual([
      { planId: "a", region: "甲县", value: 60 },
      { planId: "b", region: "乙县", value: 55 },
    ]);
  });
  it("reads 'down' indicators as ceilings, skips `none` indicators and empty city targets", () => {
    const city = [ind("D1", [10, null, 8], { direction: "down" }), ind("R1", [50, 50, 50], { rollup: "none" })];
    const counties = [
      { planId: "a", region: "甲县", indicators: [ind("D1", [6, 5, 5], { direction: "down" }), ind("R1", [1, 1, 1], { rollup: "none" })] },
      { planId: "b", region: "乙县", indicators: [ind("D1", [4, 5, 4], { direction: "down" })] },
    ];
    expect(rollupCheck(city, counties).map((r) => [r.code, r.year, r.countySum, r.ok])).toEqual([
      ["D1", "2025", 10, true],
      ["D1", "2035", 9, false],
    ]);
  });
  it("counts a county without the indicator as zero, and adds decimals exactly", () => {
    const city = [ind("X", [0.3, 0.3, 0.3])];
    const counties = [
      { planId: "a", region: "甲县", indicators: [ind("X", [0.1, 0.1, 0.1])] },
      { planId: "b", region: "乙县", indicators: [ind("X", [0.2, 0.2, null])] },
      { planId: "c", region: "丙县", indicators: [] },
    ];
    const rows = rollupCheck(city, counties);
    expect(rows.map((r) => r.ok)).toEqual([true, true, false]);
    expect(rows[0].countySum).toBe(0.3);
    expect(rows[2].counties[2].value).toBeNull();
  });
});
