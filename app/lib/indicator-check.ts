// 上下衔接: for every `sum` indicator of the city plan and every target year, the counties' targets
// must add up to the city's (at least the city's for "up" indicators, at most for "down"). Pure.
import type { IndicatorDirection, IndicatorRollup, TargetYear } from "~db/schema/enums";
import { targetYears } from "~db/schema/enums";

export interface IndicatorValues {
  code: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  rollup: IndicatorRollup;
  targets: Record<TargetYear, number | null>;
}

export interface CountyIndicators {
  planId: string;
  region: string;
  indicators: IndicatorValues[];
}

export interface RollupCheckRow {
  code: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  year: TargetYear;
  city: number;
  countySum: number;
  ok: boolean;
  /** each county's target (null: the county's table has no value for it) */
  counties: { planId: string; region: string; value: number | null }[];
}

// sums of decimal targets (e.g. 0.1 + 0.2) are compared at a fixed precision, not in binary floating point
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function rollupCheck(city: IndicatorValues[], counties: CountyIndicators[]): RollupCheckRow[] {
  const rows: RollupCheckRow[] = [];
  for (const ind of city) {
    if (ind.rollup !== "sum") continue;
    for (const year of targetYears) {
      const target = ind.targets[year];
      if (target === null) continue;
      const values = counties.map((c) => ({
        planId: c.planId,
        region: c.region,
        value: c.indicators.find((x) => x.code === ind.code)?.targets[year] ?? null,
      }));
      const countySum = round6(values.reduce((sum, v) => sum + (v.value ?? 0), 0));
      const ok = ind.direction === "up" ? countySum >= round6(target) : countySum <= round6(target);
      rows.push({
        code: ind.code,
        name: ind.name,
        unit: ind.unit,
        direction: ind.direction,
        year,
        city: target,
        countySum,
        ok,
        counties: values,
      });
    }
  }
  return rows;
}
