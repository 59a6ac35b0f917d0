// The 报批 gate, one unmet condition at a time, against a temporary database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { requestApproval } from "../../app/models/approval-request.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb } from "./helpers";
import { type Actors, countyPlan, createActors, failure, unmetOf } from "./approval-fixture";

let db: Db;
let cleanup: () => void;
let a: Actors;

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  a = await createActors(db);
});
afterAll(() => cleanup());

describe("the approval gate, one unmet condition at a time", () => {
  it("an open round", () => {
    const p = countyPlan(db, a, "甲县");
    const e = p.publish("送审稿");
    p.review(e.id, e.manifestHash);
    p.openRound(e.id, "送审稿征求意见");
    const d = unmetOf(() => requestApproval(a.drafter, p.planId, { editionId: e.id }));
    expect(d.unmet).toEqual(["round_open"]);
    expect(d.unmetDetails[0].message).toContain("送审稿征求意见");
    expect(d.unmetDetails[0]).toMatchObject({
      code: "round_open",
      rounds: [{ title: "送审稿征求意见", href: expect.stringMatching(/^\/rounds\//) }],
    });
    expect(failure(() => requestApproval(a.drafter, p.planId, { editionId: e.id })).status).toBe(409);
  });

  it("an unanswered comment of a closed round (withdrawn ones do not count)", () => {
    const p = countyPlan(db, a, "乙县");
    const e = p.publish("送审稿");
    p.review(e.id, e.manifestHash);
    const round = p.openRound(e.id);
    const c1 = p.comment(round, "第一条意见");
    p.comment(round, "第二条意见");
    p.answer(c1);
    p.close(round);
    const d = unmetOf(() => requestApproval(a.drafter, p.planId, { editionId: e.id }));
    expect(d.unmet).toEqual(["comments_unanswered"]);
    expect(d.unmetDetails[0]).toMatchObject({
      code: "comments_unanswered",
      count: 1,
      rounds: [{ id: round, unanswered: 1, href: `/rounds/${round}/workbench?status=pending` }],
    });
    expect(d.unmetDetails[0].message).toMatch(/1 条意见未答复/);
  });

  it("no review at all", () => {
    const p = countyPlan(db, a, "丙县");
    const e = p.publish("送审稿");
    expect(unmetOf(() => requestApproval(a.drafter, p.planId, { editionId: e.id })).unmet).toEqual(["review_missing"]);
  });

  it("a review without a panel conclusion", () => {
    const p = countyPlan(db, a, "丁县");
    const e = p.publish("送审稿");
    p.review(e.id, e.manifestHash, { signers: 2, conclude: false });
    const d = unmetOf(() => requestApproval(a.drafter, p.planId, { editionId: e.id }));
    expect(d.unmet).toEqual(["review_not_concluded"]);
    expect(d.unmetDetails[0]).toMatchObject({ reviews: [{ signed: 2, quorum: 3 }] });
    expect(d.unmetDetails[0].message).toContain("已签署 2 人");
  });

  it("a review concluded 不通过", () => {
    const p = countyPlan(db, a, "戊县");
    const e = p.publish("送审稿");
    p.review(e.id, e.manifestHash, { conclusion: "reject" });
    expect(unmetOf(() => requestApproval(a.drafter, p.planId, { editionId: e.id })).unmet).toEqual(["review_rejected"]);
  });

  it("修改后通过 not confirmed on the edition submitted", () => {
    const p = countyPlan(db, a, "己县");
    const sent = p.publish("送审稿");
    const reviewId = p.review(sent.id, sent.manifestHash, { conclusion: "approve_with_changes" });
    p.revise(p.sectionIds[1], "到2025年，生态保护红线面积不减少，修复面积 1.2 万公顷。");
    const final = p.publish("报批稿");
    const d = unmetOf(() => requestApproval(a.drafter, p.planId, { editionId: final.id }));
    expect(d.unmet).toEqual(["conditions_unconfirmed"]);
    expect(d.unmetDetails[0]).toMatchObject({ editionLabel: "报批稿", reviews: [{ id: reviewId }] });
    // confirmed on the 报批稿, the gate is met for it — not for the reviewed 送审稿
    p.confirm(reviewId, final.id);
    expect(unmetOf(() => requestApproval(a.drafter, p.planId, { editionId: sent.id })).unmet).toEqual(["conditions_unconfirmed"]);
    expect(requestApproval(a.drafter, p.planId, { editionId: final.id })).toMatchObject({ editionLabel: "报批稿", stage: "approval" });
  });

  it("lists every unmet condition in words at once, in the user's language", async () => {
    const p = countyPlan(db, a, "庚县");
    const e = p.publish("送审稿");
    p.openRound(e.id, "第二轮");
    const zh = failure(() => requestApproval(a.drafter, p.planId, { editionId: e.id }));
    expect((zh.extra.details as { unmet: string[] }).unmet).toEqual(["round_open", "review_missing"]);
    expect(String(zh.params.list)).toMatch(/^1\. 尚有 1 轮征求意见未结束：“第二轮”.*；2\. 尚未组织技术审查$/);
    const english: Ctx = { db, user: { ...a.drafter.user, locale: "en" } };
    const en = failure(() => requestApproval(english, p.planId, { editionId: e.id }));
    expect(String(en.params.list)).toContain("no technical review has been held");
  });
});
