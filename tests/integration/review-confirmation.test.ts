// The chair's confirmation after 修改后通过, against a temporary database.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { notifications, reviewConfirmations } from "~db/schema";
import { verifyIntegrity } from "../../app/models/integrity.server";
import { confirmReviewChanges } from "../../app/models/review-confirmation.server";
import { getReview, getReviewPage } from "../../app/models/review-view.server";
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

describe("the chair's confirmation after 修改后通过", () => {
  it("refuses others, other conclusions, earlier and other documents' editions; signs and audits", () => {
    const p = countyPlan(db, a, "卯县");
    const first = p.publish("征求意见稿");
    const sent = p.publish("送审稿");
    const approved = p.review(sent.id, sent.manifestHash, { conclusion: "approve" });
    const withChanges = p.review(sent.id, sent.manifestHash, { conclusion: "approve_with_changes" });
    p.revise(p.sectionIds[0], "修改落实专家意见。");
    const final = p.publish("报批稿");
    const otherDoc = countyPlan(db, a, "辰县").publish("报批稿");
    const [chair, member] = a.experts;
    expect(failure(() => confirmAs(member, withChanges, final.id))).toMatchObject({ status: 403, messageKey: "review.notChair" });
    expect(status(() => confirmAs(a.drafter, withChanges, final.id))).toBe(403);
    expect(failure(() => confirmAs(chair, approved, final.id))).toMatchObject({ status: 409, messageKey: "confirmation.notAfterChanges" });
    expect(failure(() => confirmAs(chair, withChanges, first.id))).toMatchObject({
      status: 400,
      messageKey: "confirmation.editionInvalid",
    });
    expect(status(() => confirmAs(chair, withChanges, sent.id))).toBe(400);
    expect(status(() => confirmAs(chair, withChanges, otherDoc.id))).toBe(400);
    expect(status(() => confirmAs(chair, withChanges, "edn_nope"))).toBe(400);
    expect(db.select().from(reviewConfirmations).where(eq(reviewConfirmations.reviewId, withChanges)).all()).toEqual([]);

    // the chair sees the later edition as a candidate, and its diff from the reviewed one
    const page = getReviewPage(chair, withChanges, final.id);
    expect(page.confirmationCandidates.map((c) => c.id)).toEqual([final.id]);
    expect(
      page.confirmationDiff?.sections
        .find((s) => s.status === "changed")
        ?.ops.some((o) => o.op === "insert" && o.text.includes("专家意见")),
    ).toBe(true);
    expect(getReviewPage(chair, withChanges, first.id).confirmationDiff).toBeNull();

    const c = confirmAs(chair, withChanges, final.id);
    expect(c).toMatchObject({
      reviewId: withChanges,
      editionId: final.id,
      manifestHash: final.manifestHash,
      signatureHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(status(() => confirmAs(chair, withChanges, final.id))).toBe(409);
    expect(audited(db, "review.confirm", withChanges)).toHaveLength(1);
    // everyone who sees the review sees it
    expect(getReview(a.drafter, withChanges).confirmations).toEqual([
      expect.objectContaining({ editionId: final.id, label: "报批稿", valid: true, chair: expect.objectContaining({ id: chair.user.id }) }),
    ]);
    expect(getReview(member, withChanges).confirmations).toHaveLength(1);
    expect(getReview(chair, withChanges).confirmationCandidates).toEqual([]);
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, a.drafter.user.id), eq(notifications.kind, "review_confirmed")))
        .all()
        .some((n) => n.data.reviewId === withChanges),
    ).toBe(true);
    expect(verifyIntegrity(db).ok).toBe(true);
    // a confirmation changed behind the portal's back is found
    db.update(reviewConfirmations)
      .set({ signedAt: new Date(1) })
      .where(eq(reviewConfirmations.id, c.id))
      .run();
    expect(verifyIntegrity(db)).toMatchObject({ ok: false, firstBrokenSignoffId: `confirmation:${c.id}` });
    expect(getReview(a.drafter, withChanges).confirmations[0].valid).toBe(false);
  });
});

function confirmAs(ctx: Ctx, reviewId: string, editionId: string) {
  return confirmReviewChanges(ctx, reviewId, { editionId });
}
