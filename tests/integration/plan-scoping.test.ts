// 市县两级: drafters write only their own plan (403 elsewhere), an approved plan is frozen (409), the
// city's drafting team and admins read every plan's drafts, the coordinator reads what is published.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { comments, documents, editions, plans, rounds, sections } from "~db/schema";
import { publishEdition } from "../../app/models/edition.server";
import { openRound } from "../../app/models/round.server";
import { respondToComment } from "../../app/models/response.server";
import { createReview } from "../../app/models/review.server";
import { createRevision, getRevision } from "../../app/models/revision.server";
import { getSection } from "../../app/models/section.server";
import { addSection } from "../../app/models/section.server";
import { getDocumentOutline } from "../../app/models/document.server";
import { listComments } from "../../app/models/comment.server";
import { getPlanOverview, listPlans } from "../../app/models/plan.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor, userId } from "./helpers";

let db: Db;
let cleanup: () => void;
const as: Record<string, Ctx> = {};
const region = (r: string) => db.select().from(plans).where(eq(plans.region, r)).get()!;
const textOf = (planId: string) =>
  db
    .select()
    .from(documents)
    .where(and(eq(documents.planId, planId), eq(documents.kind, "text")))
    .get()!;
const firstSection = (planId: string) =>
  db
    .select()
    .from(sections)
    .where(eq(sections.documentId, textOf(planId).id))
    .get()!;
const edit = (ctx: Ctx, sectionId: string, note = "测试修改") => {
  const s = db.select().from(sections).where(eq(sections.id, sectionId)).get()!;
  return createRevision(ctx, sectionId, {
    baseRevisionId: s.currentRevisionId,
    content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: note }] }] },
    note,
  });
};
function fails(fn: () => unknown, code: string, key?: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    if (key) expect((e as DomainError).messageKey).toBe(key);
    return;
  }
  throw new Error(`expected ${code}`);
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of [
    "drafter",
    "admin",
    "zrj",
    "ganzhou-drafter",
    "gaotai-drafter",
    "shandan-drafter",
    "sunan-drafter",
    "linze-drafter",
    "ganzhou",
  ])
    as[u] = await ctxFor(db, u);
});
afterAll(() => cleanup());

describe("seven plans", () => {
  it("lists the city plan and its six counties to everyone, each with its drafting organisation", () => {
    const list = listPlans(as.zrj);
    expect(list.map((p) => p.region)).toEqual(["张掖市", "甘州区", "临泽县", "高台县", "山丹县", "民乐县", "肃南裕固族自治县"]);
    expect(list.slice(1).every((p) => p.parentPlanId === list[0].id && p.level === "county")).toBe(true);
    expect(list.map((p) => p.organization?.name)).toEqual([
      "规划编制专班",
      "甘州区自然资源局",
      "临泽县自然资源局",
      "高台县自然资源局",
      "山丹县自然资源局",
      "民乐县自然资源局",
      "肃南县自然资源局",
    ]);
    expect(listPlans(as.ganzhou)).toHaveLength(7);
  });
});

describe("drafters are scoped to their own plan", () => {
  it("a county drafter writes in their county's plan and nowhere else (403)", () => {
    const own = firstSection(region("高台县").id);
    expect(edit(as["gaotai-drafter"], own.id).id).toMatch(/^rev/);
    fails(() => edit(as["gaotai-drafter"], firstSection(region("甘州区").id).id), "forbidden", "plan.notYourPlan");
    fails(() => edit(as["gaotai-drafter"], firstSection(region("张掖市").id).id), "forbidden", "plan.notYourPlan");
    fails(() => addSection(as["gaotai-drafter"], textOf(region("甘州区").id).id, { title: "越权新增" }), "forbidden");
    fails(() => publishEdition(as["gaotai-drafter"], textOf(region("甘州区").id).id, { label: "越权稿" }), "forbidden");
  });

  it("the city's drafting team writes the city plan but not a county's", () => {
    expect(edit(as.drafter, firstSection(region("张掖市").id).id).id).toMatch(/^rev/);
    fails(() => edit(as.drafter, firstSection(region("临泽县").id).id), "forbidden", "plan.notYourPlan");
  });

  it("opening rounds, setting up reviews and answering comments are the plan's drafters' only", () => {
    const ganzhou = region("甘州区");
    const edition = db
      .select()
      .from(editions)
      .where(eq(editions.documentId, textOf(ganzhou.id).id))
      .get()!;
    const closesAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const invite = { title: "越权轮次", closesAt, invitedOrganizationIds: [as.ganzhou.user.organization.id], visibility: "private" };
    fails(() => openRound(as["gaotai-drafter"], edition.id, invite), "forbidden");
    expect(openRound(as["ganzhou-drafter"], edition.id, { ...invite, title: "甘州区补充征求意见" }).id).toMatch(/^rnd/);
    fails(
      () =>
        createReview(as["gaotai-drafter"], edition.id, {
          title: "x",
          expertUserIds: [userId(db, "expert1")],
          chairUserId: userId(db, "expert1"),
          quorum: 1,
        }),
      "forbidden",
    );
    const round = db.select().from(rounds).where(eq(rounds.editionId, edition.id)).get()!;
    const comment = db.select().from(comments).where(eq(comments.roundId, round.id)).get()!;
    fails(() => respondToComment(as["gaotai-drafter"], comment.id, { decision: "adopted" }), "forbidden");
    fails(() => respondToComment(as.drafter, comment.id, { decision: "adopted" }), "forbidden");
    expect(respondToComment(as["ganzhou-drafter"], comment.id, { decision: "adopted" }).decision).toBe("adopted");
  });

  it("an approved plan is frozen: its own drafters get 409", () => {
    const shandan = region("山丹县");
    fails(() => edit(as["shandan-drafter"], firstSection(shandan.id).id), "conflict", "plan.frozen");
    fails(() => publishEdition(as["shandan-drafter"], textOf(shandan.id).id, { label: "修改稿" }), "conflict", "plan.frozen");
    fails(() => addSection(as["shandan-drafter"], textOf(shandan.id).id, { title: "新增" }), "conflict", "plan.frozen");
    // a plan that is only requested for approval is not frozen yet
    expect(edit(as["gaotai-drafter"], firstSection(region("高台县").id).id, "报批期间的勘误").id).toMatch(/^rev/);
  });
});

describe("who reads which drafts", () => {
  it("肃南县 has no edition: its drafters and the city team read the draft, other counties and the coordinator do not", () => {
    const sunan = region("肃南裕固族自治县");
    const section = firstSection(sunan.id);
    expect(getSection(as["sunan-drafter"], section.id).seesDrafts).toBe(true);
    expect(getSection(as.drafter, section.id).current.id).toBe(section.currentRevisionId);
    expect(getSection(as.admin, section.id).seesDrafts).toBe(true);
    for (const u of ["gaotai-drafter", "zrj", "ganzhou"]) fails(() => getSection(as[u], section.id), "not_found");
    fails(() => getRevision(as["gaotai-drafter"], section.currentRevisionId!), "not_found");
    fails(() => getDocumentOutline(as["gaotai-drafter"], textOf(sunan.id).id), "not_found");
    expect(getDocumentOutline(as.drafter, textOf(sunan.id).id).sections.length).toBeGreaterThan(5);
  });

  it("another county's drafters read the published edition only, and not the rounds' comments", () => {
    const linze = region("临泽县");
    const overview = getPlanOverview(as["gaotai-drafter"], linze.id);
    expect(overview.seesDrafts).toBe(false);
    expect(overview.rounds).toHaveLength(0);
    expect(overview.reviews).toHaveLength(0);
    const own = getPlanOverview(as["linze-drafter"], linze.id);
    expect(own.rounds).toHaveLength(1);
    expect(own.reviews).toHaveLength(1);
    fails(() => listComments(as["gaotai-drafter"], own.rounds[0].id), "not_found");
    // the four demo remarks and 临泽县's own two (db/seed/later-edition.ts)
    expect(listComments(as.drafter, own.rounds[0].id).length).toBe(6);
  });

  it("the coordinator sees 甘州区's round, where 张掖市自然资源局 is invited, and only the bureau's own comments in it", () => {
    const ganzhou = getPlanOverview(as.zrj, region("甘州区").id);
    const round = ganzhou.rounds.find((r) => r.myOrganizationInvited);
    expect(round).toBeTruthy();
    const seen = listComments(as.zrj, round!.id);
    expect(seen.every((c) => c.organization.name === "张掖市自然资源局")).toBe(true);
    expect(listComments(as["ganzhou-drafter"], round!.id).length).toBeGreaterThan(seen.length);
  });
});
