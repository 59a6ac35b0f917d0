// The roll-up's figures against hand-counted data: five county plans built through the domain
// functions (rounds, comments, answers, formal replies, reviews) and rows (approvals, filings, projects).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { approvalRequests, approvals, comments, filings, indicators, notifications, projects, reviews, rounds } from "~db/schema";
import { newId } from "../../app/lib/id";
import { parseRollupQuery } from "../../app/lib/rollup/table";
import { addDays, isoShanghai, shanghaiDate } from "../../app/lib/time";
import { withdrawComment } from "../../app/models/comment-change.server";
import { createComment } from "../../app/models/comment-create.server";
import { indicatorMismatchCount } from "../../app/models/indicator-check.server";
import { ensureDeadlineNotices } from "../../app/models/notification.server";
import { listPlans } from "../../app/models/plan.server";
import { planContext, planSwitcher, startPage } from "../../app/models/plan-nav.server";
import { respondToComment } from "../../app/models/response.server";
import { concludeReview, createReview, signOff } from "../../app/models/review.server";
import { rollupRows, rollupView } from "../../app/models/rollup.server";
import { closeRoundEarly, openRound, submitReply } from "../../app/models/round.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor, userId } from "./helpers";
import { addCountyPlan, addUser, type CountyPlan, cityPlanId, orgId } from "./plan-fixtures";

let db: Db;
let cleanup: () => void;
const ctx: Record<string, Ctx> = {};
const plan: Record<"a" | "b" | "c" | "d" | "e", CountyPlan> = {} as never;
const ids: Record<string, string> = {};
const today = shanghaiDate(Date.now());
const inFiveDays = isoShanghai(Date.now() + 5 * 86_400_000);
const manifestOf = (editionId: string) =>
  db.$client.prepare("select manifest_hash as h from editions where id = ?").get(editionId) as { h: string };

function status(fn: () => unknown): number | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.status;
    throw e;
  }
}

function project(planId: string, name: string, status: "candidate" | "included" | "excluded", by: string) {
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

function request(p: CountyPlan, requestedAt: Date, withdrawn = false) {
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

function approve(p: CountyPlan, requestId: string, approvedOn: string, documentNumber: string) {
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

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
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
    project(a.planId, name, s, a.drafter.user.id);

  // 乙县: approval stage 2 days past due; the latest request not withdrawn is pending; review 修改后通过
  const b = plan.b;
  request(b, new Date(Date.now() - 9 * 86_400_000), true);
  ids.bRequest = request(b, new Date(Date.now() - 5 * 86_400_000));
  request(b, new Date(Date.now() - 3 * 86_400_000), true);
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
  ids.cApproval = approve(plan.c, request(plan.c, new Date(Date.now() - 40 * 86_400_000)), addDays(today, -25), "丙政函〔2026〕1号");
  const dApproval = approve(plan.d, request(plan.d, new Date(Date.now() - 60 * 86_400_000)), addDays(today, -45), "丁政函〔2026〕2号");
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
});
afterAll(() => cleanup());

const rowOf = (rows: ReturnType<typeof rollupRows>, p: CountyPlan) => rows.find((r) => r.planId === p.planId)!;

describe("the roll-up's figures", () => {
  it("甲县: rounds, comments, the latest review and the library, counted by hand", () => {
    const row = rowOf(rollupRows(ctx.coordinator), plan.a);
    expect(row).toMatchObject({
      title: "甲县国土空间生态修复规划（2021—2035年）",
      level: "county",
      region: "甲县",
      parentPlanId: cityPlanId(db),
      stage: "consultation",
      dueStage: "consultation",
      dueOn: addDays(today, 10),
      daysLeft: 10,
      overdue: false,
    });
    // c1 answered, c2 c4 c5 not, c3 withdrawn
    expect(row.comments).toEqual({ total: 4, unanswered: 3 });
    expect(row.openRounds).toEqual([
      { id: ids.a1, title: "甲县征求意见稿第一轮", closesAt: expect.stringMatching(/\+08:00$/), invited: 4, replied: 1 },
    ]);
    expect(row.commentsRoundId).toBe(ids.a2); // the newest round with answers owed
    expect(row.review).toEqual({ id: ids.r1, title: "甲县技术审查", status: "open", conclusion: null, signed: 3, quorum: 4 });
    expect(row.approval).toBeNull();
    expect(row.filing).toBeNull();
    expect(row.indicatorMismatches).toBe(0);
    expect(row.projects).toEqual({ candidate: 2, included: 1, excluded: 1 });
    expect(row.attention).toEqual([]); // a round is still open: answers are not yet owed
  });

  it("乙县: overdue in the approval stage, the latest request not withdrawn, review concluded 修改后通过", () => {
    const row = rowOf(rollupRows(ctx.admin), plan.b);
    const requestedAt = db.select().from(approvalRequests).where(eq(approvalRequests.id, ids.bRequest)).get()!.requestedAt;
    expect(row).toMatchObject({ stage: "approval", dueStage: "approval", dueOn: addDays(today, -2), daysLeft: -2, overdue: true });
    expect(row.approval).toEqual({ requestedAt: isoShanghai(requestedAt), approvedOn: null, documentNumber: null });
    expect(row.review).toEqual({
      id: ids.rb,
      title: "乙县技术审查",
      status: "concluded",
      conclusion: "approve_with_changes",
      signed: 2,
      quorum: 2,
    });
    expect(row.comments).toEqual({ total: 0, unanswered: 0 });
    expect(row.commentsRoundId).toBeNull();
    expect(row.attention).toEqual(["overdue"]);
  });

  it("丙县: approved and late to file counts against the filing due date", () => {
    const row = rowOf(rollupRows(ctx.drafter), plan.c);
    expect(row).toMatchObject({
      stage: "approval",
      dueStage: "filing",
      dueOn: addDays(today, -10),
      daysLeft: -10,
      overdue: true,
      filing: null,
    });
    expect(row.approval).toMatchObject({ approvedOn: addDays(today, -25), documentNumber: "丙政函〔2026〕1号" });
    expect(row.attention).toEqual(["overdue", "awaitingFiling"]);
  });

  it("丁县: a filed plan is never overdue; 戊县: drafting, 2 days left, nothing published", () => {
    const rows = rollupRows(ctx.drafter);
    expect(rowOf(rows, plan.d)).toMatchObject({
      dueStage: "filing",
      daysLeft: -5,
      overdue: false,
      filing: { filedOn: addDays(today, -8) },
      attention: [],
    });
    expect(rowOf(rows, plan.e)).toMatchObject({
      stage: "drafting",
      daysLeft: 2,
      overdue: false,
      comments: { total: 0, unanswered: 0 },
      openRounds: [],
      commentsRoundId: null,
      review: null,
      projects: { candidate: 0, included: 0, excluded: 0 },
      attention: ["dueSoon"],
    });
  });

  it("lists the city plan first and the counties in their organisations' order", () => {
    const rows = rollupRows(ctx.coordinator);
    expect(rows[0].level).toBe("city");
    expect(rows.slice(-5).map((r) => r.region)).toEqual(["甲县", "乙县", "丙县", "丁县", "戊县"]);
    expect(listPlans(ctx.ganzhou).map((p) => p.id)).toEqual(rows.map((r) => r.planId));
    expect(listPlans(ctx.ganzhou).at(-1)).toMatchObject({
      region: "戊县",
      parentPlanId: cityPlanId(db),
      organization: { id: plan.e.organizationId, name: "戊县自然资源局（测试）" },
    });
  });

  it("counts a city comment and its answer, and the indicator roll-up check of the city only", () => {
    const city = () => rollupRows(ctx.admin)[0];
    const before = city();
    const cityRound = before.openRounds[0].id;
    const sectionId = db.select({ s: comments.sectionId }).from(comments).where(eq(comments.roundId, cityRound)).get()!.s;
    const id = createComment(ctx.linze, cityRound, { sectionId, anchor: null, body: "临泽县补充意见", category: "add" }).id;
    expect(city().comments).toEqual({ total: before.comments.total + 1, unanswered: before.comments.unanswered + 1 });
    respondToComment(ctx.drafter, id, { decision: "noted", reason: "已在说明书中说明。" });
    expect(city().comments).toEqual({ total: before.comments.total + 1, unanswered: before.comments.unanswered });

    // a `sum` indicator the counties do not reach: 3 failing years, on the city's row only
    const cityId = cityPlanId(db);
    const ind = (planId: string, targets: [number, number, number]) =>
      db
        .insert(indicators)
        .values({
          planId,
          code: "TEST-SUM",
          name: "测试指标",
          unit: "公顷",
          kind: "binding",
          direction: "up",
          rollup: "sum",
          baseline: 0,
          target2025: targets[0],
          target2030: targets[1],
          target2035: targets[2],
          sortOrder: 99,
        })
        .run();
    ind(cityId, [1000, 2000, 3000]);
    ind(plan.a.planId, [10, 20, 30]);
    const after = rollupRows(ctx.admin);
    expect(after[0].indicatorMismatches).toBe(before.indicatorMismatches + 3);
    expect(after[0].indicatorMismatches).toBe(indicatorMismatchCount(db, cityId));
    expect(after[0].attention).toContain("mismatch");
    expect(after.filter((r) => r.level === "county").every((r) => r.indicatorMismatches === 0)).toBe(true);
  });

  it("is for the coordinator, admins and the city's drafting team: everyone else 403", () => {
    for (const who of [ctx.coordinator, ctx.admin, ctx.drafter]) expect(rollupRows(who).length).toBeGreaterThanOrEqual(6);
    for (const who of [plan.a.drafter, ctx.ganzhou, ctx.expert2]) {
      expect(status(() => rollupRows(who))).toBe(403);
      expect(status(() => rollupView(who, parseRollupQuery(new URLSearchParams())))).toBe(403);
    }
  });
});

describe("the roll-up page", () => {
  it("sorts and filters on the server", () => {
    const v = rollupView(ctx.admin, parseRollupQuery(new URLSearchParams("sort=deadline&dir=asc&level=county")));
    expect(v.rows.every((r) => r.level === "county")).toBe(true);
    const ours = v.rows.filter((r) => ["甲县", "乙县", "丙县", "丁县", "戊县"].includes(r.region)).map((r) => r.region);
    expect(ours).toEqual(["丙县", "乙县", "戊县", "甲县", "丁县"]); // -10, -2, 2, 10; the filed plan last
    const overdue = rollupView(ctx.admin, parseRollupQuery(new URLSearchParams("overdue=1"))).rows.map((r) => r.region);
    expect(overdue).toEqual(expect.arrayContaining(["乙县", "丙县"]));
    expect(overdue).not.toContain("丁县");
    expect(v.summary.plans).toBe(v.total);
    expect(v.summary.overdue).toBeGreaterThanOrEqual(2);
  });

  it("links each cell to where the work is, as far as the caller may go", () => {
    const of = (c: Ctx) => rollupView(c, parseRollupQuery(new URLSearchParams())).rows.find((r) => r.planId === plan.a.planId)!.links;
    const home = `/plans/${plan.a.planId}`;
    // the city's drafting team reads every plan's rounds and reviews, but answers only the city's comments
    expect(of(ctx.drafter)).toMatchObject({
      plan: home,
      rounds: { [ids.a1]: `/rounds/${ids.a1}` },
      comments: `/rounds/${ids.a2}`,
      review: `/reviews/${ids.r1}`,
      approval: `${home}/approval`,
      indicators: `${home}/indicators`,
      projects: `${home}/projects`,
    });
    // the coordinator opens the round its bureau is invited to; for the rest, the plan's dashboard
    expect(of(ctx.coordinator)).toMatchObject({ rounds: { [ids.a1]: `/rounds/${ids.a1}` }, comments: home, review: home });
    // the city plan's own drafters go to the workbench, filtered to what is unanswered
    const city = rollupView(ctx.drafter, parseRollupQuery(new URLSearchParams())).rows[0];
    expect(city.links.comments).toBe(`/rounds/${city.commentsRoundId}/workbench?status=pending`);
  });
});

describe("deadline notices", () => {
  const kinds = (c: Ctx) =>
    db
      .select({ kind: notifications.kind, data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.userId, c.user.id)))
      .all()
      .filter((n) => n.kind.startsWith("stage_") || n.kind === "filing_overdue");

  it("tell a plan's drafters 3 days before the deadline and once it is overdue, once each", () => {
    for (let i = 0; i < 2; i++) for (const p of Object.values(plan)) ensureDeadlineNotices(p.drafter);
    expect(kinds(plan.a.drafter)).toEqual([]); // 10 days left
    expect(kinds(plan.e.drafter)).toEqual([
      {
        kind: "stage_due_soon",
        data: {
          planId: plan.e.planId,
          plan: "戊县国土空间生态修复规划（2021—2035年）",
          stage: "drafting",
          date: addDays(today, 2),
          days: "2",
        },
      },
    ]);
    expect(kinds(plan.b.drafter)).toEqual([
      { kind: "stage_overdue", data: expect.objectContaining({ planId: plan.b.planId, stage: "approval", date: addDays(today, -2) }) },
    ]);
    expect(kinds(plan.c.drafter)).toEqual([
      { kind: "stage_overdue", data: expect.objectContaining({ stage: "filing", date: addDays(today, -10) }) },
    ]);
    expect(kinds(plan.d.drafter)).toEqual([]); // filed
  });

  it("move on with the plan: a new notice for the next stage, none again for the old one", () => {
    // 戊县 three days later: the drafting stage is now overdue (a second kind for the same stage)
    ensureDeadlineNotices(plan.e.drafter, Date.now() + 3 * 86_400_000);
    ensureDeadlineNotices(plan.e.drafter, Date.now() + 4 * 86_400_000);
    expect(kinds(plan.e.drafter).map((n) => n.kind)).toEqual(["stage_due_soon", "stage_overdue"]);
  });

  it("tell the coordinator once when an approved county plan is late to file; nobody else", () => {
    ensureDeadlineNotices(ctx.coordinator);
    ensureDeadlineNotices(ctx.coordinator);
    expect(kinds(ctx.coordinator)).toEqual([
      {
        kind: "filing_overdue",
        data: expect.objectContaining({ planId: plan.c.planId, stage: "filing", date: addDays(today, -10), days: "10" }),
      },
    ]);
    for (const who of [ctx.admin, ctx.ganzhou, ctx.expert1]) {
      ensureDeadlineNotices(who);
      expect(kinds(who)).toEqual([]);
    }
    // the city's drafting team hears only of the city plan (consultation, weeks left in the demo)
    ensureDeadlineNotices(ctx.drafter);
    expect(kinds(ctx.drafter).every((n) => n.data.planId === cityPlanId(db))).toBe(true);
  });
});

describe("moving between plans", () => {
  it("marks the caller's own plan in the switcher; the roll-up link only for those who may see it", () => {
    const s = planSwitcher(plan.c.drafter);
    expect(s.rollup).toBe(false);
    expect(s.plans.filter((p) => p.mine).map((p) => p.region)).toEqual(["丙县"]);
    expect(s.plans[0].level).toBe("city");
    expect(planSwitcher(ctx.coordinator).rollup).toBe(true);
    expect(
      planSwitcher(ctx.drafter)
        .plans.filter((p) => p.mine)
        .map((p) => p.level),
    ).toEqual(["city"]);
  });

  it("starts a county drafter in their plan, the coordinator in the roll-up, others in the city plan", () => {
    expect(startPage(plan.b.drafter).redirectTo).toBe(`/plans/${plan.b.planId}`);
    expect(startPage(ctx.coordinator).redirectTo).toBe("/rollup");
    expect(startPage(ctx.drafter).redirectTo).toBe(`/plans/${cityPlanId(db)}`);
    expect(startPage(ctx.ganzhou).redirectTo).toBe(`/plans/${cityPlanId(db)}`);
  });

  it("lists every plan grouped city / county with stage and deadline on request (全部规划)", () => {
    const list = startPage(ctx.ganzhou, { all: true });
    expect(list.redirectTo).toBeNull();
    expect(list.city.map((p) => p.id)).toEqual([cityPlanId(db)]);
    expect(list.counties.slice(-5).map((p) => p.region)).toEqual(["甲县", "乙县", "丙县", "丁县", "戊县"]);
    expect(list.counties.find((p) => p.region === "乙县")).toMatchObject({
      stage: "approval",
      overdue: true,
      daysLeft: -2,
      mine: false,
      organization: "乙县自然资源局（测试）",
    });
    expect(list.counties.find((p) => p.region === "丁县")).toMatchObject({ filed: true, overdue: false });
    expect(list.rollup).toBe(false);
    expect(
      startPage(plan.b.drafter, { all: true })
        .counties.filter((p) => p.mine)
        .map((p) => p.region),
    ).toEqual(["乙县"]);
    expect(startPage(ctx.coordinator, { all: true }).rollup).toBe(true);
  });

  it("gives each plan-scoped page the plan it is in and the way there", () => {
    const round = planContext(plan.a.drafter, { roundId: ids.a1 });
    expect(round).toMatchObject({
      planId: plan.a.planId,
      level: "county",
      region: "甲县",
      parent: { id: cityPlanId(db), region: "张掖市" },
      draftingOrganization: "甲县自然资源局（测试）",
    });
    expect(round.trail).toEqual([
      { label: "规划文本", to: `/documents/${plan.a.documentId}` },
      { label: "征求意见稿", to: `/editions/${plan.a.editionId}` },
      { label: "甲县征求意见稿第一轮", to: `/rounds/${ids.a1}` },
    ]);
    // a reviewer does not open the drafts' outline: the document links to its newest edition
    expect(planContext(ctx.ganzhou, { sectionId: plan.a.sectionId }).trail).toEqual([
      { label: "规划文本", to: `/editions/${plan.a.editionId}` },
      { label: "第一章 总则", to: `/sections/${plan.a.sectionId}` },
    ]);
    expect(planContext(ctx.drafter, { reviewId: ids.r1 }).trail.map((c) => c.label)).toEqual(["规划文本", "征求意见稿", "甲县技术审查"]);
    expect(planContext(ctx.drafter, { planId: cityPlanId(db) })).toMatchObject({ level: "city", parent: null, trail: [] });
    expect(status(() => planContext(ctx.drafter, { roundId: "rnd_missing" }))).toBe(404);
  });
});
