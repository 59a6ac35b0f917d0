// 报批 and its withdrawal: the request, the stage, who is told, who may; the city's roll-up warnings.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { approvalRequests, comments, documents, editions, notifications, plans, rounds } from "~db/schema";
import { approvalSummary, getApprovalPage } from "../../app/models/approval-view.server";
import { requestApproval, withdrawApprovalRequest } from "../../app/models/approval-request.server";
import { cityRollupCheck } from "../../app/models/indicator-check.server";
import { indicatorsJson, saveIndicators } from "../../app/models/indicator.server";
import { getPlanOverview } from "../../app/models/plan.server";
import { respondToComments } from "../../app/models/response.server";
import { closeRoundEarly } from "../../app/models/round.server";
import { createReview } from "../../app/models/review.server";
import { concludeReview } from "../../app/models/review-conclusion.server";
import { signOff } from "../../app/models/review-signoff.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb } from "./helpers";
import { type Actors, audited, countyPlan, createActors, failure, status } from "./approval-fixture";

let db: Db;
let cleanup: () => void;
let a: Actors;

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  a = await createActors(db);
});
afterAll(() => cleanup());

describe("requesting approval", () => {
  it("all met → the request, the 报批稿 badge, the approval stage, the coordinators told, audited", () => {
    const p = countyPlan(db, a, "辛县");
    const { final } = p.ready();
    const before = db.select({ n: count() }).from(notifications).where(eq(notifications.userId, a.coordinator.user.id)).get()!.n;
    const r = requestApproval(a.drafter, p.planId, { editionId: final.id });
    expect(r).toMatchObject({
      planId: p.planId,
      editionId: final.id,
      editionLabel: "报批稿",
      manifestHash: final.manifestHash,
      stage: "approval",
      warnings: [],
    });
    expect(db.select().from(plans).where(eq(plans.id, p.planId)).get()!.stage).toBe("approval");
    const notes = db.select().from(notifications).where(eq(notifications.userId, a.coordinator.user.id)).all();
    expect(notes.length).toBe(before + 1);
    expect(notes.at(-1)).toMatchObject({ kind: "approval_requested", data: { planId: p.planId, label: "报批稿" } });
    expect(audited(db, "plan.approval_request", r.id)).toHaveLength(1);
    // the dashboard and the approval page show the edition as 报批稿
    expect(getPlanOverview(a.drafter, p.planId).approval).toMatchObject({
      state: "requested",
      editionId: final.id,
      editionLabel: "报批稿",
    });
    expect(getApprovalPage(a.coordinator, p.planId)).toMatchObject({
      summary: { state: "requested" },
      can: { file: false, request: false },
      request: { editionId: final.id },
    });
    // a second request while this one is pending
    expect(failure(() => requestApproval(a.drafter, p.planId, { editionId: final.id }))).toMatchObject({
      code: "conflict",
      messageKey: "approval.pending",
    });
    // withdrawn, the plan is back in consultation and may be submitted again
    withdrawApprovalRequest(a.drafter, p.planId);
    expect(approvalSummary(db, p.planId).state).toBe("none");
    expect(db.select().from(plans).where(eq(plans.id, p.planId)).get()!.stage).toBe("consultation");
    expect(audited(db, "plan.approval_withdraw", r.id)).toHaveLength(1);
    expect(status(() => withdrawApprovalRequest(a.drafter, p.planId))).toBe(409);
    expect(requestApproval(a.drafter, p.planId, { editionId: final.id }).id).not.toBe(r.id);
    expect(getApprovalPage(a.drafter, p.planId).history.map((h) => h.kind)).toEqual(["request", "withdrawn", "request"]);
  });

  it("refuses an unknown edition or another plan's edition (400), other drafters (403), others (403)", () => {
    const p = countyPlan(db, a, "壬县");
    const other = countyPlan(db, a, "癸县");
    const mine = p.publish("送审稿");
    const theirs = other.publish("送审稿");
    expect(failure(() => requestApproval(a.drafter, p.planId, { editionId: theirs.id }))).toMatchObject({
      code: "invalid",
      messageKey: "approval.editionNotInPlan",
    });
    expect(status(() => requestApproval(a.drafter, p.planId, { editionId: "edn_nope" }))).toBe(400);
    expect(status(() => requestApproval(a.drafter, p.planId, {}))).toBe(400);
    expect(status(() => requestApproval(a.otherDrafter, p.planId, { editionId: mine.id }))).toBe(403);
    expect(status(() => requestApproval(a.cityDrafter, p.planId, { editionId: mine.id }))).toBe(403);
    expect(status(() => requestApproval(a.reviewer, p.planId, { editionId: mine.id }))).toBe(403);
    expect(status(() => requestApproval(a.drafter, "plan_nope", { editionId: mine.id }))).toBe(404);
    // the approval page: the plan's drafters, the city's drafting team, coordinators; not another county's drafter
    expect(getApprovalPage(a.drafter, p.planId).can.request).toBe(true);
    expect(getApprovalPage(a.cityDrafter, p.planId).can.request).toBe(false);
    expect(status(() => getApprovalPage(a.otherDrafter, p.planId))).toBe(403);
    expect(status(() => getApprovalPage(a.reviewer, p.planId))).toBe(403);
  });

  it("the city plan's indicator roll-up mismatches are warnings, stored with the request", async () => {
    const drafter = a.cityDrafter;
    const city = db.select().from(plans).where(eq(plans.level, "city")).get()!;
    // the demo's counties deliberately miss a city target; one more here, so the check has something to find either way
    const county = countyPlan(db, a, "子县");
    // (through the portal's save, so the rows are bound into the audit chain like any other)
    const row = {
      code: "T-ST-01",
      name: "测试修复面积",
      unit: "公顷",
      kind: "binding" as const,
      direction: "up" as const,
      rollup: "sum" as const,
      baseline: 0,
    };
    saveIndicators(drafter, city.id, {
      indicators: [...indicatorsJson(drafter, city.id), { ...row, targets: { "2025": 100, "2030": 200, "2035": 300 } }],
    });
    saveIndicators(a.drafter, county.planId, { indicators: [{ ...row, targets: { "2025": 40, "2030": 250, "2035": 300 } }] });
    const mismatches = cityRollupCheck(db, city.id).filter((r) => !r.ok);
    expect(mismatches.length).toBeGreaterThan(0);
    // the seed's city round closed, its comments answered, a review concluded 通过 on the 征求意见稿
    const text = db
      .select()
      .from(documents)
      .where(and(eq(documents.planId, city.id), eq(documents.kind, "text")))
      .get()!;
    const edition = db.select().from(editions).where(eq(editions.documentId, text.id)).get()!;
    for (const r of db.select().from(rounds).where(eq(rounds.editionId, edition.id)).all()) {
      closeRoundEarly(drafter, r.id);
      respondToComments(
        drafter,
        db
          .select({ id: comments.id })
          .from(comments)
          .where(eq(comments.roundId, r.id))
          .all()
          .map((c) => c.id),
        { decision: "noted", reason: "已研究。" },
      );
    }
    const reviewId = createReview(drafter, edition.id, {
      title: "市级规划技术审查",
      expertUserIds: a.experts.map((e) => e.user.id),
      chairUserId: a.experts[0].user.id,
      quorum: 3,
    }).id;
    for (const e of a.experts.slice(0, 3))
      signOff(e, reviewId, { conclusion: "approve", opinion: "同意。", manifestHash: edition.manifestHash });
    concludeReview(a.experts[0], reviewId, { conclusion: "approve", opinion: "同意报批。" });
    const english: Ctx = { db, user: { ...drafter.user, locale: "en" } };
    const r = requestApproval(english, city.id, { editionId: edition.id });
    // not blocking: the request is made, every failing (indicator, year) listed with its figures
    expect(r.warnings).toHaveLength(mismatches.length);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({
        code: "indicator_mismatch",
        indicator: "T-ST-01",
        year: "2025",
        city: 100,
        countySum: 40,
        message: expect.stringContaining("below the city's target of 100"),
      }),
    );
    const stored = db.select().from(approvalRequests).where(eq(approvalRequests.id, r.id)).get()!;
    expect(stored.warnings).toHaveLength(mismatches.length);
    expect(stored.warnings).toContain("指标“测试修复面积”2025年：各县（区）目标合计 40公顷，低于市级目标 100公顷。");
    expect(getApprovalPage(drafter, city.id).request?.warnings).toEqual(stored.warnings);
  });
});
