// The demo's roll-up, pinned: the seven plans at the states of the road to filing (db/seed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRollupQuery } from "../../app/lib/rollup/table";
import { ensureDeadlineNotices, listNotifications } from "../../app/models/notification.server";
import { rollupRows, rollupView } from "../../app/models/rollup.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";

let cleanup: () => void;
let zrj: Ctx;
let rows: ReturnType<typeof rollupRows>;
const row = (region: string) => rows.find((r) => r.region.startsWith(region))!;

beforeAll(async () => {
  const t = createTestDb();
  cleanup = t.cleanup;
  zrj = await ctxFor(t.db, "zrj");
  rows = rollupRows(zrj);
});
afterAll(() => cleanup());

describe("the demo's roll-up", () => {
  it("has the seven plans, the city first, then the counties in the work plan's order", () => {
    expect(rows.map((r) => r.region)).toEqual(["张掖市", "甘州区", "临泽县", "高台县", "山丹县", "民乐县", "肃南裕固族自治县"]);
    expect(rows.map((r) => r.level)).toEqual(["city", "county", "county", "county", "county", "county", "county"]);
    expect(rows.slice(1).every((r) => r.parentPlanId === rows[0].planId)).toBe(true);
  });

  it("肃南县 is still drafting past its deadline", () => {
    expect(row("肃南")).toMatchObject({
      stage: "drafting",
      dueStage: "drafting",
      overdue: true,
      approval: null,
      filing: null,
      attention: ["overdue"],
    });
    expect(row("肃南").daysLeft).toBeLessThan(0);
    expect(rows.filter((r) => r.overdue).map((r) => r.region)).toEqual(["肃南裕固族自治县"]);
  });

  it("民乐县 is filed, 山丹县 approved and not filed, 高台县 has requested approval", () => {
    expect(row("民乐")).toMatchObject({
      stage: "filing",
      overdue: false,
      filing: { filedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    expect(row("民乐").approval?.approvedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row("山丹")).toMatchObject({
      filing: null,
      approval: { approvedOn: expect.any(String), documentNumber: expect.stringContaining("山政函") },
    });
    expect(row("山丹").attention).toContain("awaitingFiling");
    expect(row("高台")).toMatchObject({
      stage: "approval",
      approval: { requestedAt: expect.stringMatching(/\+08:00$/), approvedOn: null, documentNumber: null },
      filing: null,
    });
    expect(row("高台").review).toMatchObject({ status: "concluded", conclusion: "approve_with_changes" });
  });

  it("临泽县 in technical review (3 of 5 signed, quorum 4) with one comment unanswered; 甘州区 consulting", () => {
    expect(row("临泽").review).toMatchObject({ status: "open", conclusion: null, signed: 3, quorum: 4 });
    expect(row("临泽").comments.unanswered).toBe(1);
    expect(row("临泽").openRounds).toEqual([]);
    expect(row("甘州").openRounds).toHaveLength(1);
    expect(row("甘州").stage).toBe("consultation");
  });

  it("counts the city's failed indicator roll-up, and 5+ library projects per plan", () => {
    expect(row("张掖").indicatorMismatches).toBeGreaterThan(0);
    expect(rows.slice(1).every((r) => r.indicatorMismatches === 0)).toBe(true);
    for (const r of rows) expect(r.projects.candidate + r.projects.included + r.projects.excluded).toBeGreaterThanOrEqual(5);
  });

  it("sums it up in one line's figures", () => {
    const { summary } = rollupView(zrj, parseRollupQuery(new URLSearchParams()));
    expect(summary).toMatchObject({ plans: 7, overdue: 1, requested: 1, awaitingFiling: 1, filed: 1, inReview: 2 });
  });

  it("tells 肃南县's drafters their plan is overdue when they next load a page", async () => {
    const sunan = await ctxFor(zrj.db, "sunan-drafter");
    ensureDeadlineNotices(sunan);
    expect(
      listNotifications(sunan)
        .filter((n) => n.kind === "stage_overdue")
        .map((n) => n.data.stage),
    ).toEqual(["drafting"]);
  });
});
