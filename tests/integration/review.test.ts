// Answering comments and the technical review against a temporary database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { comments, editions, reviews, sections, signoffs, users } from "~db/schema";
import { listComments } from "../../app/models/comment.server";
import { verifyIntegrity } from "../../app/models/integrity.server";
import { respondToComment, respondToComments } from "../../app/models/response.server";
import { concludeReview } from "../../app/models/review-conclusion.server";
import { createReview } from "../../app/models/review.server";
import { getReview, reviewJson } from "../../app/models/review-view.server";
import { signOff } from "../../app/models/review-signoff.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor, userId } from "./helpers";

let db: Db;
let cleanup: () => void;
const ctx: Record<string, Ctx> = {};
let editionId = "";
let manifestHash = "";

function status(fn: () => unknown): number | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.status;
    if ((e as Error).name === "ZodError") return 400;
    throw e;
  }
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of ["drafter", "ganzhou", "gaotai", "expert1", "expert2", "expert3", "expert4", "expert5"]) ctx[u] = await ctxFor(db, u);
  const e = db.select().from(editions).get()!;
  editionId = e.id;
  manifestHash = e.manifestHash;
});
afterAll(() => cleanup());

describe("answering comments", () => {
  it("drafters answer; reviewers cannot; reasons are required unless adopted", () => {
    const roundComments = db.select().from(comments).all();
    const [first, second, third] = roundComments;
    expect(status(() => respondToComment(ctx.gaotai, first.id, { decision: "adopted", reason: "" }))).toBe(403);
    expect(status(() => respondToComment(ctx.drafter, first.id, { decision: "not_adopted", reason: "" }))).toBe(400);
    respondToComment(ctx.drafter, first.id, { decision: "adopted", reason: "" });
    respondToComment(ctx.drafter, first.id, { decision: "partially_adopted", reason: "乡镇范围已补充，治理面积待县级规划确定。" });
    const otherSection = db
      .select()
      .from(sections)
      .all()
      .find((s) => s.id !== first.sectionId)!;
    expect(
      status(() =>
        respondToComment(ctx.drafter, second.id, { decision: "adopted", reason: "", revisionId: otherSection.currentRevisionId }),
      ),
    ).toBe(400);
    const own = db.select().from(sections).where(eq(sections.id, second.sectionId)).get()!;
    respondToComments(ctx.drafter, [second.id, third.id], { decision: "noted", reason: "已在说明书中解释。", revisionId: null });
    respondToComment(ctx.drafter, second.id, { decision: "adopted", reason: "已按意见修改。", revisionId: own.currentRevisionId });
    const roundId = first.roundId;
    const seen = listComments(ctx.drafter, roundId);
    expect(seen.find((c) => c.id === first.id)!.response).toMatchObject({ decision: "partially_adopted" });
    expect(seen.find((c) => c.id === second.id)!.response).toMatchObject({ decision: "adopted", revisionId: own.currentRevisionId });
    expect(seen.find((c) => c.id === third.id)!.response).toMatchObject({ decision: "noted" });
    // the organisation that commented sees the answer
    const gaotaiComment = listComments(ctx.gaotai, roundId).find((c) => c.organization.name === "高台县")!;
    expect(gaotaiComment.response?.decision).toBeDefined();
  });
});

describe("technical review", () => {
  it("refuses an invalid panel and non-drafters", () => {
    const experts = ["expert1", "expert2", "expert3"].map((u) => userId(db, u));
    expect(
      status(() =>
        createReview(ctx.drafter, editionId, { title: "x", expertUserIds: experts, chairUserId: userId(db, "expert5"), quorum: 2 }),
      ),
    ).toBe(400);
    expect(
      status(() => createReview(ctx.drafter, editionId, { title: "x", expertUserIds: experts, chairUserId: experts[0], quorum: 4 })),
    ).toBe(400);
    expect(
      status(() =>
        createReview(ctx.drafter, editionId, {
          title: "x",
          expertUserIds: [userId(db, "ganzhou")],
          chairUserId: userId(db, "ganzhou"),
          quorum: 1,
        }),
      ),
    ).toBe(400);
    expect(
      status(() => createReview(ctx.ganzhou, editionId, { title: "x", expertUserIds: experts, chairUserId: experts[0], quorum: 2 })),
    ).toBe(403);
  });

  it("binds sign-offs to the manifest hash; the chair concludes after the quorum; nothing changes afterwards", () => {
    const experts = ["expert1", "expert2", "expert3"].map((u) => userId(db, u));
    const { id } = createReview(ctx.drafter, editionId, {
      title: "规划文本（征求意见稿）技术审查（小组）",
      expertUserIds: experts,
      chairUserId: experts[0],
      quorum: 2,
      meetingDate: "2026-12-10",
    });
    const opinion = (text: string) => ({ conclusion: "approve_with_changes", opinion: text, manifestHash });
    // not on this panel: 403; a reviewer: 403; a stale hash: 409
    expect(status(() => signOff(ctx.expert5, id, opinion("x")))).toBe(403);
    expect(status(() => signOff(ctx.ganzhou, id, opinion("x")))).toBe(403);
    expect(status(() => signOff(ctx.expert2, id, { ...opinion("x"), manifestHash: "0".repeat(64) }))).toBe(409);
    // before the quorum the chair cannot conclude
    signOff(ctx.expert1, id, opinion("建议补充分区指标分解表。"));
    expect(status(() => concludeReview(ctx.expert1, id, { conclusion: "approve_with_changes", opinion: "x" }))).toBe(409);
    signOff(ctx.expert2, id, opinion("水资源约束分析需加强。"));
    expect(status(() => signOff(ctx.expert2, id, opinion("再签一次")))).toBe(409);
    expect(getReview(ctx.expert2, id).status).toBe("quorum_reached");
    expect(status(() => concludeReview(ctx.expert2, id, { conclusion: "approve", opinion: "x" }))).toBe(403);
    concludeReview(ctx.expert1, id, {
      conclusion: "approve_with_changes",
      opinion: "专家组同意规划文本修改完善后报批。",
      conditions: ["补充分区指标分解表。"],
    });
    expect(status(() => concludeReview(ctx.expert1, id, { conclusion: "approve", opinion: "改主意" }))).toBe(409);

    const json = reviewJson(ctx.drafter, id);
    expect(json).toMatchObject({
      editionId,
      manifestHash,
      status: "concluded",
      panelConclusion: { conclusion: "approve_with_changes", manifestHash },
    });
    expect(json.signoffs).toHaveLength(2);
    expect(json.signoffs.every((s) => s.valid && s.manifestHash === manifestHash && s.signedAt.endsWith("+08:00"))).toBe(true);
    // experts not on the panel do not see it; a county never does
    expect(status(() => getReview(ctx.expert5, id))).toBe(404);
    expect(status(() => getReview(ctx.gaotai, id))).toBe(404);
    expect(verifyIntegrity(db)).toMatchObject({ ok: true, firstBrokenSignoffId: null });

    // editing a signed opinion behind the portal's back is detected
    const target = db.select().from(signoffs).where(eq(signoffs.reviewId, id)).all()[1];
    db.update(signoffs).set({ opinion: "被篡改的意见" }).where(eq(signoffs.id, target.id)).run();
    expect(getReview(ctx.drafter, id).panel.find((p) => p.signoff?.opinion === "被篡改的意见")!.signoff!.valid).toBe(false);
    expect(verifyIntegrity(db)).toMatchObject({ ok: false, firstBrokenSignoffId: target.id });
    db.update(signoffs).set({ opinion: target.opinion }).where(eq(signoffs.id, target.id)).run();
    expect(verifyIntegrity(db).ok).toBe(true);
  });

  it("the demo review has five experts with expert1 in the chair", () => {
    const demo = db
      .select()
      .from(reviews)
      .all()
      .find((r) => r.title.includes("征求意见稿"))!;
    const r = getReview(ctx.drafter, demo.id);
    expect(r.panel).toHaveLength(5);
    expect(r.panel.find((p) => p.chair)!.expert.username).toBe("expert1");
    expect(db.select().from(users).where(eq(users.id, r.chairUserId)).get()!.username).toBe("expert1");
  });
});
