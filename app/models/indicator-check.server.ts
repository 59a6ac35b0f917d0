// The city plan's roll-up check against its county plans' indicator tables (working values).
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { plans } from "~db/schema";
import { rollupCheck } from "../lib/indicator-check";
import { workingIndicators } from "./plan-tables.server";

/** Every `sum` indicator × year of a city plan against its counties; [] for a county plan. */
export function cityRollupCheck(db: DbOrTx, cityPlanId: string) {
  const city = db.select({ level: plans.level }).from(plans).where(eq(plans.id, cityPlanId)).get();
  if (city?.level !== "city") return [];
  const counties = db
    .select({ id: plans.id, region: plans.region })
    .from(plans)
    .where(eq(plans.parentPlanId, cityPlanId))
    .orderBy(asc(plans.createdAt))
    .all();
  return rollupCheck(
    workingIndicators(db, cityPlanId),
    counties.map((c) => ({ planId: c.id, region: c.region, indicators: workingIndicators(db, c.id) })),
  );
}

/** The number of failing (indicator, year) pairs of a city plan's check (0 for county plans). */
export function indicatorMismatchCount(db: DbOrTx, planId: string): number {
  return cityRollupCheck(db, planId).filter((r) => !r.ok).length;
}
