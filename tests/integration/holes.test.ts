// Holes from the security read-through (issue 10) that sit in the domain: review edges and reply times.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { editions, organizations, signoffs } from "~db/schema";
import { concludeReview } from "../../app/models/review-conclusion.server";
import { createReview } from "../../app/models/review.server";
import { getReview } from "../../app/models/review-view.server";
import { signOff } from "../../app/models/review-signoff.server";
import { getRound, openRound, roundJson, submitReply } from "../../app/models/round.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor, userId } from "./helpers";

let db: Db;
let cleanup: () => void;
const ctx: Record<string, Ctx> = {};
let editionId = "";
let manifestHash = "";
const orgId = (name: string) => db.select().from(organizations).where(eq(organizations.name, name)).get()!.id;

function failure(fn: () => unknown): { status: number; messageKey: string } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return { status: e.status, messageKey: e.messageKey };
    throw e;
  }
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of ["drafter", "ganzhou", "linze", "swj", "zrj", "expert1", "expert2", "expert3"]) ctx[u] = await ctxFor(db, u);
  const e = db.select().from(editions).get()!;
  editionId = e.id;
  manifestHash = e.manifestHash;
});
afterAll(() => cleanup());

const opinion = (text: string) => ({ conclusion: "approve_with_changes", opinion: text, manifestHash });

describe("review edges", () => {
  it("refuses a sign-off once the panel has concluded (409)", () => {
    const experts = ["expert1", "expert2", "expert3"].map((u) => userId(db, u));
    const { id } = createReview(ctx.drafter, editionId, {
      title: "结论后签署",
      expertUserIds: experts,
      chairUserId: experts[0],
      quorum: 2,
    });
    signOff(ctx.expert1, id, opinion("同意。"));
    signOff(ctx.expert2, id, opinion("同意。"));
    concludeReview(ctx.expert1, id, {
      conclusion: "approve_with_changes",
      opinion: "专家组同意修改完善后报批。",
      conditions: ["补充分区指标分解表。"],
    });
    expect(failure(() => signOff(ctx.expert3, id, opinion("迟到的意见。")))).toMatchObject({
      status: 409,
      messageKey: "review.alreadyConcluded",
    });
    expect(db.select().from(signoffs).where(eq(signoffs.reviewId, id)).all()).toHaveLength(2);
  });

  it("counts towards the quorum only signatures that still verify", () => {
    const experts = ["expert1", "expert2", "expert3"].map((u) => userId(db, u));
    const { id } = createReview(ctx.drafter, editionId, {
      title: "法定人数只计有效签署",
      expertUserIds: experts,
      chairUserId: experts[0],
      quorum: 2,
    });
    signOff(ctx.expert1, id, opinion("原意见。"));
    signOff(ctx.expert2, id, opinion("同意。"));
    // expert1's opinion is rewritten behind the portal's back: the signature no longer verifies
    db.update(signoffs).set({ opinion: "被改写的意见" }).where(eq(signoffs.expertId, experts[0])).run();
    expect(getReview(ctx.drafter, id).status).toBe("open");
    expect(failure(() => concludeReview(ctx.expert1, id, { conclusion: "approve", opinion: "通过。" }))).toMatchObject({
      status: 409,
      messageKey: "review.quorumNotReached",
    });
    signOff(ctx.expert3, id, opinion("同意。"));
    expect(concludeReview(ctx.expert1, id, { conclusion: "approve", opinion: "通过。" }).reviewId).toBe(id);
  });
});

describe("reply times in a round", () => {
  for (const visibility of ["private", "shared"] as const) {
    it(`a reviewer sees only their own organisation's reply time (${visibility})`, () => {
      const invited = [orgId("甘州区"), orgId("临泽县"), orgId("市水务局")];
      const roundId = openRound(ctx.drafter, editionId, {
        title: `回复时间 ${visibility}`,
        closesAt: new Date(Date.now() + 10 * 864e5).toISOString(),
        invitedOrganizationIds: invited,
        visibility,
      }).id;
      submitReply(ctx.linze, roundId, { statement: "无意见。" });
      submitReply(ctx.swj, roundId, { statement: "无意见。" });
      const times = (who: string) => Object.fromEntries(roundJson(ctx[who], roundId).invited.map((i) => [i.organizationId, i.submittedAt]));
      // 临泽县 sees its own time, not 市水务局's; 甘州区 (not replied yet) sees no one's
      expect(times("linze")[orgId("临泽县")]).toMatch(/\+08:00$/);
      expect(times("linze")[orgId("市水务局")]).toBeNull();
      expect(Object.values(times("ganzhou")).every((t) => t === null)).toBe(true);
      expect(getRound(ctx.ganzhou, roundId).invited.filter((i) => i.submittedAt !== null)).toEqual([]);
      // those who run the round see every reply time
      expect(times("drafter")[orgId("市水务局")]).toMatch(/\+08:00$/);
      expect(times("drafter")[orgId("临泽县")]).toMatch(/\+08:00$/);
    });
  }
});
