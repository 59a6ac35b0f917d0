// The visibility rule is written once as a pure function (lib/comment-visibility's canSeeComment) and
// applied in SQL where clauses (comment.server's visibleCommentsWhere, search's condition): for every
// demo user, in a private and in a shared round, with a withdrawn comment, the queries return exactly
// what the rule lets them see (docs/decisions/0008-visibility-in-queries.md).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { comments, documents, editions, plans, roundInvitations, rounds } from "~db/schema";
import type { RoundVisibility } from "~db/schema/enums";
import { demoUsers } from "~db/seed";
import { canSeeComment, canSeeRound } from "../../app/lib/comment-visibility";
import { listComments } from "../../app/models/comment.server";
import { withdrawComment } from "../../app/models/comment-change.server";
import { viewerOf } from "../../app/models/round.server";
import { search } from "../../app/models/search.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";

let db: Db;
let cleanup: () => void;
const users: Ctx[] = [];
let roundId = "";
let invited: string[] = [];
let plan: { level: "city" | "county"; draftingOrganizationId: string | null };
// unique words of two demo comments of the city round and of the drafting team's reply on the first
const WITHDRAWN = "盐渍化主要集中在南华镇、巷道镇一带";
const REPLY = "结合县级规划前期成果核实乡镇范围";
const OTHER = "正义峡断面下泄水量的保障要求";

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of demoUsers) users.push(await ctxFor(db, u.username));
  const city = db
    .select({ roundId: rounds.id, level: plans.level, draftingOrganizationId: plans.draftingOrganizationId })
    .from(rounds)
    .innerJoin(editions, eq(rounds.editionId, editions.id))
    .innerJoin(documents, eq(editions.documentId, documents.id))
    .innerJoin(plans, eq(documents.planId, plans.id))
    .where(eq(plans.level, "city"))
    .get()!;
  roundId = city.roundId;
  plan = city;
  invited = db
    .select({ id: roundInvitations.organizationId })
    .from(roundInvitations)
    .where(eq(roundInvitations.roundId, roundId))
    .all()
    .map((r) => r.id);
  // 高台县 withdraws its first remark (the one the drafting team replied to)
  const gaotai = users.find((u) => u.user.username === "gaotai")!;
  const first = db
    .select()
    .from(comments)
    .where(eq(comments.roundId, roundId))
    .all()
    .find((c) => c.body.includes(WITHDRAWN))!;
  withdrawComment(gaotai, first.id);
});
afterAll(() => cleanup());

function expectedFor(ctx: Ctx, visibility: RoundVisibility) {
  const viewer = viewerOf(ctx, plan);
  const all = db.select().from(comments).where(eq(comments.roundId, roundId)).all();
  const sees = (c: (typeof all)[number]) =>
    canSeeComment(
      viewer,
      { visibility, invitedOrganizationIds: invited },
      { organizationId: c.organizationId, withdrawn: !!c.withdrawnAt },
    );
  return {
    seesRound: canSeeRound(viewer, invited),
    ids: all.filter(sees).map((c) => c.id),
    sees: (words: string) => all.some((c) => c.body.includes(words) && sees(c)),
  };
}

const found = (ctx: Ctx, q: string, kind: "comment" | "reply") =>
  search(ctx, { q, limit: 50 }).results.some((r) => r.kind === kind && r.roundId === roundId);

describe.each(["private", "shared"] as const)("a %s round", (visibility) => {
  beforeAll(() => {
    db.update(rounds).set({ visibility }).where(eq(rounds.id, roundId)).run();
  });

  it("lists for every demo user exactly the comments the rule lets them see (404 for a round they may not see)", () => {
    let seen = 0;
    for (const ctx of users) {
      const expected = expectedFor(ctx, visibility);
      if (!expected.seesRound) {
        expect(() => listComments(ctx, roundId), ctx.user.username).toThrow(DomainError);
        continue;
      }
      seen++;
      expect(
        listComments(ctx, roundId)
          .map((c) => c.id)
          .sort(),
        ctx.user.username,
      ).toEqual(expected.ids.sort());
    }
    // the check covers both sides: whole-round viewers and reviewers who see part of it
    expect(seen).toBeGreaterThan(10);
  });

  it("finds in search exactly the comments and replies the rule lets each user see", () => {
    for (const ctx of users) {
      const expected = expectedFor(ctx, visibility);
      expect(found(ctx, WITHDRAWN, "comment"), `${ctx.user.username} withdrawn`).toBe(expected.sees(WITHDRAWN));
      expect(found(ctx, REPLY, "reply"), `${ctx.user.username} reply`).toBe(expected.sees(WITHDRAWN));
      expect(found(ctx, OTHER, "comment"), `${ctx.user.username} other`).toBe(expected.sees(OTHER));
    }
  });
});

it("differs between the two: a reviewer of another organisation sees 水务局's remark only when the round is shared", () => {
  const gaotai = users.find((u) => u.user.username === "gaotai")!;
  db.update(rounds).set({ visibility: "private" }).where(eq(rounds.id, roundId)).run();
  expect(found(gaotai, OTHER, "comment")).toBe(false);
  db.update(rounds).set({ visibility: "shared" }).where(eq(rounds.id, roundId)).run();
  expect(found(gaotai, OTHER, "comment")).toBe(true);
  // and nobody but 高台县 itself and those who see the whole round finds its withdrawn remark
  const ganzhou = users.find((u) => u.user.username === "ganzhou")!;
  expect(found(ganzhou, WITHDRAWN, "comment")).toBe(false);
  expect(found(gaotai, WITHDRAWN, "comment")).toBe(true);
});
