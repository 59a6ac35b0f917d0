// What the roll-up check (lib/indicator-check.ts) shows beside a failing row. Pure.
import type { IndicatorDirection } from "~db/schema/enums";

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * How far the counties' sum misses the city's target: for an "up" indicator the amount still missing
 * (city − sum), for a "down" one the excess (sum − city); 0 when the check passes.
 */
export function shortfall(direction: IndicatorDirection, city: number, countySum: number): number {
  return Math.max(0, round6(direction === "up" ? city - countySum : countySum - city));
}
