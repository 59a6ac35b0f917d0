// Deadline notices to a plan's drafters and the coordinator, on the five county plans of rollup-fixture.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { notifications } from "~db/schema";
import { addDays } from "../../app/lib/time";
import { ensureDeadlineNotices } from "../../app/models/notification.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb } from "./helpers";
import { cityPlanId } from "./plan-fixtures";
import { buildRollupWorld, type RollupWorld, today } from "./rollup-fixture";

let db: Db;
let cleanup: () => void;
let ctx: RollupWorld["ctx"];
let plan: RollupWorld["plan"];

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  ({ ctx, plan } = await buildRollupWorld(db));
});
afterAll(() => cleanup());

describe("deadline notices", () => {
  const kinds = (c: Ctx) =>
    db
      .select({ kind: notifications.kind, data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.userId, c.user.id)))
      .all()
      .filter((n) => n.kind.startsWith("stage_") || n.kind === "filing_overdue");

  it("tell a plan's drafters 3 days before the deadline and once it is overdue, once each", () => {
    for (let i = 0; i < 2; i++) for (const p of Object.values(plan)) ensureDeadlineNotices(p.drafter);
    expect(kinds(plan.a.drafter)).toEqual([]); // 10 days left
    expect(kinds(plan.e.drafter)).toEqual([
      {
        kind: "stage_due_soon",
        data: {
          planId: plan.e.planId,
          plan: "戊县国土空间生态修复规划（2021—2035年）",
          stage: "drafting",
          date: addDays(today, 2),
          days: "2",
        },
      },
    ]);
    expect(kinds(plan.b.drafter)).toEqual([
      { kind: "stage_overdue", data: expect.objectContaining({ planId: plan.b.planId, stage: "approval", date: addDays(today, -2) }) },
    ]);
    expect(kinds(plan.c.drafter)).toEqual([
      { kind: "stage_overdue", data: expect.objectContaining({ stage: "filing", date: addDays(today, -10) }) },
    ]);
    expect(kinds(plan.d.drafter)).toEqual([]); // filed
  });

  it("move on with the plan: a new notice for the next stage, none again for the old one", () => {
    // 戊县 three days later: the drafting stage is now overdue (a second kind for the same stage)
    ensureDeadlineNotices(plan.e.drafter, Date.now() + 3 * 86_400_000);
    ensureDeadlineNotices(plan.e.drafter, Date.now() + 4 * 86_400_000);
    expect(kinds(plan.e.drafter).map((n) => n.kind)).toEqual(["stage_due_soon", "stage_overdue"]);
  });

  it("tell the coordinator once when an approved county plan is late to file; nobody else", () => {
    ensureDeadlineNotices(ctx.coordinator);
    ensureDeadlineNotices(ctx.coordinator);
    expect(kinds(ctx.coordinator)).toEqual([
      {
        kind: "filing_overdue",
        data: expect.objectContaining({ planId: plan.c.planId, stage: "filing", date: addDays(today, -10), days: "10" }),
      },
    ]);
    for (const who of [ctx.admin, ctx.ganzhou, ctx.expert1]) {
      ensureDeadlineNotices(who);
      expect(kinds(who)).toEqual([]);
    }
    // the city's drafting team hears only of the city plan (consultation, weeks left in the demo)
    ensureDeadlineNotices(ctx.drafter);
    expect(kinds(ctx.drafter).every((n) => n.data.planId === cityPlanId(db))).toBe(true);
  });
});
