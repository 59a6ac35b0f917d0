// Five county plans with hand-countable histories, built through the domain functions (rounds,
// comments, answers, formal replies, reviews) and rows (approvals, filings, projects): the world of the
// roll-up, deadline-notice and plan-navigation tests.
import { eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { approvalRequests, approvals, filings, projects, reviews, rounds } from "~db/schema";
import { newId } from "../../app/lib/id";
import { addDays, isoShanghai, shanghaiDate } from "../../app/lib/time";
import { withdrawComment } from "../../app/models/comment-change.server";
import { createComment } from "../../app/models/comment-create.server";
import { respondToComment } from "../../app/models/response.server";
import { concludeReview } from "../../app/models/review-conclusion.server";
import { createReview } from "../../app/models/review.server";
import { signOff } from "../../app/models/review-signoff.server";
import { closeRoundEarly, openRound, submitReply } from "../../app/models/round.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { ctxFor, userId } from "./helpers";
import { addCountyPlan, addUser, type CountyPlan, orgId } from "./plan-fixtures";

export interface RollupWorld {
  /** the demo users and a test coordinator, by username */
  ctx: Record<string, Ctx>;
  /** 甲县 … 戊县 */
  plan: Record<"a" | "b" | "c" | "d" | "e", CountyPlan>;
  /** the rounds, comments, reviews and records made, by name */
  ids: Record<string, string>;
}

export const today = shanghaiDate(Date.now());
const inFiveDays = isoShanghai(Date.now() + 5 * 86_400_000);

/** The status of the DomainError `fn` throws, or null when it does not throw. */
export function status(fn: () => unknown): number | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.status;
    throw e;
  }
}

function project(db: Db, planId: string, name: string, status: "candidate" | "included" | "excluded", by: string) {
  db.insert(projects)
    .values({
      id: newId("prj"),
      planId,
      name,
      type: "mine",
      county: "测试县",
      areaHa: 10,
      investmentWan: 100,
      period: "2021-2025",
      status,
      reason: status === "excluded" ? "不在重点区域内" : "",
      createdById: by,
    })
    .run();
}

function request(db: Db, p: CountyPlan, requestedAt: Date, withdrawn = false) {
  const id = newId("apr");
  db.insert(approvalRequests)
    .values({
      id,
      planId: p.planId,
      editionId: p.editionId,
      requestedById: p.drafter.user.id,
      requestedAt,
      withdrawnAt: withdrawn ? new Date(requestedAt.getTime() + 1000) : null,
    })
    .run();
  return id;
}

function approve(db: Db, p: CountyPlan, requestId: string, approvedOn: string, documentNumber: string) {
  const id = newId("apv");
  db.insert(approvals)
    .values({
      id,
      planId: p.planId,
      requestId,
      editionId: p.editionId,
      authority: "测试县人民政府",
      documentNumber,
      approvedOn,
      recordedById: p.drafter.user.id,
      recordedAt: new Date(),
    })
    .run();
  return id;
}

export async function buildRollupWorld(db: Db): Promise<RollupWorld> {
  const ctx: RollupWorld["ctx"] = {};
  const plan = {} as RollupWorld["plan"];
  const ids: RollupWorld["ids"] = {};
  const manifestOf = (editionId: string) =>
    db.$client.prepare("select manifest_hash as h from editions where id = ?").get(editionId) as { h: string };
  for (const u of ["admin", "drafter", "ganzhou", "gaotai", "linze", "expert1", "expert2", "expert3", "expert4", "expert5"])
    ctx[u] = await ctxFor(db, u);
  addUser(db, "test-coordinator", "coordinator", orgId(db, "张掖市自然资源局"));
  ctx.coordinator = await ctxFor(db, "test-coordinator");

  // 甲县: consultation, 10 days left; one open round, one closed early; a review replaced by a newer one
  plan.a = await addCountyPlan(db, { key: "jia", region: "甲县", stage: "consultation", dueInDays: 10, sortOrder: 100 });
  plan.b = await addCountyPlan(db, { key: "yi", region: "乙县", stage: "approval", dueInDays: -2, sortOrder: 101 });
  plan.c = await addCountyPlan(db, { key: "bing", region: "丙县", stage: "approval", dueInDays: -30, sortOrder: 102 });
  plan.d = await addCountyPlan(db, { key: "ding", region: "丁县", stage: "filing", dueInDays: -5, sortOrder: 103 });
  plan.e = await addCountyPlan(db, { key: "wu", region: "戊县", stage: "drafting", dueInDays: 2, sortOrder: 104, publish: false });

  const a = plan.a;
  const invite = (...names: string[]) => names.map((n) => orgId(db, n));
  ids.a1 = openRound(a.drafter, a.editionId, {
    title: "甲县征求意见稿第一轮",
    closesAt: inFiveDays,
    invitedOrganizationIds: invite("甘州区", "高台县", "市发展和改革委员会", "张掖市自然资源局"),
    visibility: "private",
  }).id;
  const whole = (body: string) => ({ sectionId: a.sectionId, anchor: null, body, category: "revise" });
  ids.c1 = createComment(ctx.ganzhou, ids.a1, whole("意见一")).id;
  ids.c2 = createComment(ctx.ganzhou, ids.a1, whole("意见二")).id;
  ids.c3 = createComment(ctx.ganzhou, ids.a1, whole("意见三（撤回）")).id;
  withdrawComment(ctx.ganzhou, ids.c3);
  ids.c4 = createComment(ctx.gaotai, ids.a1, whole("意见四")).id;
  respondToComment(a.drafter, ids.c1, { decision: "adopted", reason: "" });
  submitReply(ctx.ganzhou, ids.a1, { statement: "甘州区意见如附。" });
  // the second round: one comment, then closed early with nobody replying
  ids.a2 = openRound(a.drafter, a.editionId, {
    title: "甲县征求意见稿第二轮",
    closesAt: inFiveDays,
    invitedOrganizationIds: invite("甘州区", "临泽县"),
    visibility: "shared",
  }).id;
  db.update(rounds)
    .set({ createdAt: new Date(Date.now() + 1000) })
    .where(eq(rounds.id, ids.a2))
    .run();
  ids.c5 = createComment(ctx.ganzhou, ids.a2, whole("意见五")).id;
  closeRoundEarly(a.drafter, ids.a2);
  // an earlier review (concluded 不通过) and the current one: 3 of 5 signed, quorum 4
  const experts = ["expert1", "expert2", "expert3", "expert4", "expert5"].map((u) => userId(db, u));
  const hashA = manifestOf(a.editionId).h;
  ids.r0 = createReview(a.drafter, a.editionId, {
    title: "甲县初审",
    expertUserIds: experts.slice(0, 1),
    chairUserId: experts[0],
    quorum: 1,
  }).id;
  signOff(ctx.expert1, ids.r0, { conclusion: "reject", opinion: "不通过。", manifestHash: hashA });
  concludeReview(ctx.expert1, ids.r0, { conclusion: "reject", opinion: "不通过。" });
  db.update(reviews)
    .set({ createdAt: new Date(Date.now() - 86_400_000) })
    .where(eq(reviews.id, ids.r0))
    .run();
  ids.r1 = createReview(a.drafter, a.editionId, { title: "甲县技术审查", expertUserIds: experts, chairUserId: experts[0], quorum: 4 }).id;
  for (const e of ["expert2", "expert3", "expert4"])
    signOff(ctx[e], ids.r1, { conclusion: "approve", opinion: "同意。", manifestHash: hashA });
  for (const [name, s] of [
    ["甲一", "candidate"],
    ["甲二", "candidate"],
    ["甲三", "included"],
    ["甲四", "excluded"],
  ] as const)
    project(db, a.planId, name, s, a.drafter.user.id);

  // 乙县: approval stage 2 days past due; the latest request not withdrawn is pending; review 修改后通过
  const b = plan.b;
  request(db, b, new Date(Date.now() - 9 * 86_400_000), true);
  ids.bRequest = request(db, b, new Date(Date.now() - 5 * 86_400_000));
  request(db, b, new Date(Date.now() - 3 * 86_400_000), true);
  ids.rb = createReview(b.drafter, b.editionId, {
    title: "乙县技术审查",
    expertUserIds: experts.slice(0, 3),
    chairUserId: experts[0],
    quorum: 2,
  }).id;
  for (const e of ["expert1", "expert2"])
    signOff(ctx[e], ids.rb, { conclusion: "approve_with_changes", opinion: "修改后通过。", manifestHash: manifestOf(b.editionId).h });
  concludeReview(ctx.expert1, ids.rb, {
    conclusion: "approve_with_changes",
    opinion: "修改后通过。",
    conditions: ["补充生态用水保障分析。"],
  });

  // 丙县: approved, its filing 10 days late; 丁县: approved and filed after its filing deadline
  ids.cApproval = approve(
    db,
    plan.c,
    request(db, plan.c, new Date(Date.now() - 40 * 86_400_000)),
    addDays(today, -25),
    "丙政函〔2026〕1号",
  );
  const dApproval = approve(
    db,
    plan.d,
    request(db, plan.d, new Date(Date.now() - 60 * 86_400_000)),
    addDays(today, -45),
    "丁政函〔2026〕2号",
  );
  db.insert(filings)
    .values({
      id: newId("fil"),
      planId: plan.d.planId,
      approvalId: dApproval,
      filedOn: addDays(today, -8),
      filingNumber: "张自然资备〔2026〕3号",
      recordedById: ctx.coordinator.user.id,
      recordedAt: new Date(),
    })
    .run();
  return { ctx, plan, ids };
}
