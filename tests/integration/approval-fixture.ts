// County plans of their own for the approval tests, built through the domain functions (only the plan
// row itself is inserted: no domain function creates plans). Works on any seeded database, with or
// without the demo's seven plans.
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "~db/client";
import { auditEvents, organizations, planStages, plans, sections, users } from "~db/schema";
import { demoStages } from "~db/seed";
import { newId } from "../../app/lib/id";
import { shanghaiDate } from "../../app/lib/time";
import { createComment } from "../../app/models/comment-create.server";
import { publishEdition } from "../../app/models/edition.server";
import { respondToComment } from "../../app/models/response.server";
import { concludeReview } from "../../app/models/review-conclusion.server";
import { confirmReviewChanges } from "../../app/models/review-confirmation.server";
import { createReview } from "../../app/models/review.server";
import { signOff } from "../../app/models/review-signoff.server";
import { createRevision } from "../../app/models/revision.server";
import { closeRoundEarly, openRound } from "../../app/models/round.server";
import { addSection } from "../../app/models/section.server";
import { createDocument } from "../../app/models/document.server";
import { createUser } from "../../app/models/user.server";
import { createOrganization } from "../../app/models/organization.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { ctxFor } from "./helpers";

export interface Actors {
  /** a county bureau that drafts the test plans, and its drafter */
  bureauId: string;
  drafter: Ctx;
  /** another county's drafter (not allowed on the test plans) */
  otherDrafter: Ctx;
  coordinator: Ctx;
  reviewer: Ctx;
  experts: Ctx[];
  cityDrafter: Ctx;
}

const PASSWORD = "zhangye-2021";

/** The people of the approval tests: created once per database (argon2 is slow). */
export async function createActors(db: Db): Promise<Actors> {
  const admin = await ctxFor(db, "admin");
  const bureau = createOrganization(admin, { name: "测试县自然资源局", fullName: "测试县自然资源局", kind: "county_bureau" });
  const other = createOrganization(admin, { name: "邻县自然资源局", fullName: "邻县自然资源局", kind: "county_bureau" });
  const bureauOfCity = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, "张掖市自然资源局")).get()!;
  await createUser(admin, {
    username: "t-drafter",
    displayName: "测试县编制人员",
    role: "drafter",
    organizationId: bureau.id,
    password: PASSWORD,
  });
  await createUser(admin, {
    username: "t-other",
    displayName: "邻县编制人员",
    role: "drafter",
    organizationId: other.id,
    password: PASSWORD,
  });
  if (!db.select({ id: users.id }).from(users).where(eq(users.username, "t-zrj")).get()) {
    await createUser(admin, {
      username: "t-zrj",
      displayName: "市局统筹人员",
      role: "coordinator",
      organizationId: bureauOfCity.id,
      password: PASSWORD,
    });
  }
  return {
    bureauId: bureau.id,
    drafter: await ctxFor(db, "t-drafter"),
    otherDrafter: await ctxFor(db, "t-other"),
    coordinator: await ctxFor(db, "t-zrj"),
    reviewer: await ctxFor(db, "gaotai"),
    experts: await Promise.all([1, 2, 3, 4, 5].map((n) => ctxFor(db, `expert${n}`))),
    cityDrafter: await ctxFor(db, "drafter"),
  };
}

const doc = (...paragraphs: string[]) => ({
  type: "doc",
  content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
});
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A county plan drafted by the actors' bureau, with a plan text of two sections. Steps build its history. */
export function countyPlan(db: Db, a: Actors, region: string) {
  const city = db.select({ id: plans.id }).from(plans).where(eq(plans.level, "city")).get()!;
  const planId = newId("plan");
  const title = `${region}国土空间生态修复规划（2021—2035年）`;
  db.insert(plans)
    .values({
      id: planId,
      title,
      level: "county",
      parentPlanId: city.id,
      region,
      periodStart: 2021,
      periodEnd: 2035,
      ownerOrganizationId: a.bureauId,
      draftingOrganizationId: a.bureauId,
      stage: "consultation",
    })
    .run();
  for (const st of demoStages(shanghaiDate(Date.now())))
    db.insert(planStages)
      .values({ planId, ...st })
      .run();
  const documentId = createDocument(a.drafter, planId, { title: "规划文本", kind: "text" }).id;
  const sectionIds = ["总则", "目标与指标"].map((t) => addSection(a.drafter, documentId, { title: t }).id);
  const revise = (sectionId: string, ...text: string[]) => {
    const base = db.select({ current: sections.currentRevisionId }).from(sections).where(eq(sections.id, sectionId)).get()!.current!;
    return createRevision(a.drafter, sectionId, { baseRevisionId: base, content: doc(...text), note: "修改" });
  };
  revise(sectionIds[0], `为推进${region}国土空间生态保护修复，编制本规划。`);
  revise(sectionIds[1], "到2025年，生态保护红线面积不减少。");
  const reviewerOrg = a.reviewer.user.organization.id;

  const steps = {
    planId,
    title,
    documentId,
    sectionIds,
    revise,
    publish: (label: string) => publishEdition(a.drafter, documentId, { label }),
    /** an open round on the edition, inviting the reviewer's county */
    openRound: (editionId: string, title = "征求意见") =>
      openRound(a.drafter, editionId, { title, closesAt: inDays(10), invitedOrganizationIds: [reviewerOrg], visibility: "private" }).id,
    comment: (roundId: string, body = "建议补充乡镇名单。") =>
      createComment(a.reviewer, roundId, { sectionId: sectionIds[0], anchor: null, body, category: "revise" }).id,
    close: (roundId: string) => closeRoundEarly(a.drafter, roundId),
    answer: (commentId: string) => respondToComment(a.drafter, commentId, { decision: "adopted", reason: "已按意见修改。" }),
    /** a review of the edition; `signers` experts sign with `conclusion`, and the chair concludes with it when `conclude` */
    review: (
      editionId: string,
      manifestHash: string,
      { conclusion = "approve" as "approve" | "approve_with_changes" | "reject", signers = 3, conclude = true } = {},
    ) => {
      const id = createReview(a.drafter, editionId, {
        title: `规划文本技术审查（${conclusion}）`,
        expertUserIds: a.experts.map((e) => e.user.id),
        chairUserId: a.experts[0].user.id,
        quorum: 3,
        meetingDate: shanghaiDate(Date.now()),
      }).id;
      for (const e of a.experts.slice(0, signers))
        signOff(e, id, { conclusion, opinion: `${e.user.displayName}：建议完善指标分解。`, manifestHash });
      if (conclude)
        concludeReview(a.experts[0], id, { conclusion, opinion: "专家组意见：规划成果总体可行。", conditions: ["补充生态用水保障分析。"] });
      return id;
    },
    confirm: (reviewId: string, editionId: string) => confirmReviewChanges(a.experts[0], reviewId, { editionId }),
    /** closed, answered consultation, a 修改后通过 review confirmed on a later 报批稿: the gate is met for the returned edition */
    ready: () => {
      const draft = steps.publish("征求意见稿");
      const round = steps.openRound(draft.id);
      steps.answer(steps.comment(round));
      steps.close(round);
      const reviewId = steps.review(draft.id, draft.manifestHash, { conclusion: "approve_with_changes" });
      steps.revise(sectionIds[0], `为推进${region}国土空间生态保护修复，落实专家意见，编制本规划。`);
      const final = steps.publish("报批稿");
      steps.confirm(reviewId, final.id);
      return { draft, final, round, reviewId };
    },
  };
  return steps;
}

// ─── what the approval tests check with ─────────────────────────────────────────────────────────

/** The DomainError `fn` throws (a ZodError counts as a plain 400). */
export function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    if ((e as Error).name === "ZodError") return new DomainError("invalid", "error.invalid");
    throw e;
  }
  throw new Error("expected a domain error");
}
export const status = (fn: () => unknown) => failure(fn).status;

/** The unmet gate conditions of a refused request. */
export const unmetOf = (fn: () => unknown) => {
  const e = failure(fn);
  expect(e.code).toBe("gate_unmet");
  return e.extra.details as { unmet: string[]; unmetDetails: { code: string; message: string }[] };
};

/** A small PDF, as an approval letter. */
export const pdf = (extra = "") => ({ name: "批复.pdf", bytes: new TextEncoder().encode(`%PDF-1.4\n% 张政函 ${extra}\n%%EOF\n`) });

export const audited = (db: Db, action: string, entityId?: string) =>
  db
    .select()
    .from(auditEvents)
    .where(entityId ? and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)) : eq(auditEvents.action, action))
    .all();

/** Today in Shanghai (YYYY-MM-DD). */
export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
