// What the indicator-table tests share: the demo users they act as, the plans and texts they look up,
// and how they read a refusal (its status, or the cells a 400 names).
import { and, eq } from "drizzle-orm";
import { ZodError } from "zod";
import type { Db } from "~db/client";
import { documents, plans } from "~db/schema";
import { indicatorsJson } from "../../app/models/indicator.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { ctxFor } from "./helpers";

/** The demo users the tests act as, by username. */
export async function indicatorActors(db: Db): Promise<Record<string, Ctx>> {
  const as: Record<string, Ctx> = {};
  for (const u of ["drafter", "admin", "zrj", "minle", "ganzhou", "ganzhou-drafter", "gaotai-drafter", "shandan-drafter", "linze-drafter"])
    as[u] = await ctxFor(db, u);
  return as;
}

export const planOf = (db: Db, region: string) => db.select().from(plans).where(eq(plans.region, region)).get()!;

/** A plan's text (the document its indicator table is frozen into). */
export const textDocOf = (db: Db, planId: string) =>
  db
    .select()
    .from(documents)
    .where(and(eq(documents.planId, planId), eq(documents.kind, "text")))
    .get()!;

/** The status a call is refused with (a ZodError is a 400), or "ok". */
export function status(fn: () => unknown): number | string {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.status;
    if (e instanceof ZodError) return 400;
    throw e;
  }
}
/** The cells a 400 names, as {path, message}. */
export function zodIssues(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    if (e instanceof DomainError) return e.extra.issues ?? [];
    throw e;
  }
  return [];
}
/** The working table as the API shows it, with one target changed. */
export function withTarget(drafter: Ctx, planId: string, code: string, year: "2025" | "2030" | "2035", value: unknown) {
  return indicatorsJson(drafter, planId).map((r) => (r.code === code ? { ...r, targets: { ...r.targets, [year]: value } } : r));
}
