// 报批, 审批, 备案 and the chair's confirmation, against a temporary database.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import {
  approvalRequests,
  auditEvents,
  comments,
  documents,
  editions,
  files,
  notifications,
  plans,
  reviewConfirmations,
  rounds,
  sections,
} from "~db/schema";
import { approvalJson, approvalSummary, getApprovalPage } from "../../app/models/approval-view.server";
import { approvalLetter, attachApprovalLetter, recordApproval } from "../../app/models/approval-record.server";
import { fileApproval } from "../../app/models/approval-filing.server";
import { requestApproval, withdrawApprovalRequest } from "../../app/models/approval-request.server";
import { publishEdition } from "../../app/models/edition.server";
import { cityRollupCheck } from "../../app/models/indicator-check.server";
import { indicatorsJson, saveIndicators } from "../../app/models/indicator.server";
import { verifyIntegrity } from "../../app/models/integrity.server";
import { getPlanOverview } from "../../app/models/plan.server";
import { respondToComments } from "../../app/models/response.server";
import { confirmReviewChanges } from "../../app/models/review-confirmation.server";
import { getReview, getReviewPage } from "../../app/models/review-view.server";
import { createRevision } from "../../app/models/revision.server";
import { closeRoundEarly, openRound } from "../../app/models/round.server";
import { createReview } from "../../app/models/review.server";
import { concludeReview } from "../../app/models/review-conclusion.server";
import { signOff } from "../../app/models/review-signoff.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { type Actors, countyPlan, createActors } from "./approval-fixture";
import { createTestDb, ctxFor } from "./helpers";

let db: Db;
let cleanup: () => void;
let a: Actors;

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    if ((e as Error).name === "ZodError") return new DomainError("invalid", "error.invalid");
    throw e;
  }
  throw new Error("expected a domain error");
}
const status = (fn: () => unknown) => failure(fn).status;
const unmetOf = (fn: () => unknown) => {
  const e = failure(fn);
  expect(e.code).toBe("gate_unmet");
  return e.extra.details as { unmet: string[]; unmetDetails: { code: string; message: string }[] };
};
const pdf = (extra = "") => ({ name: "批复.pdf", bytes: new TextEncoder().encode(`%PDF-1.4\n% 张政函 ${extra}\n%%EOF\n`) });
const fileCount = () => db.select({ n: count() }).from(files).get()!.n;
const audited = (action: string, entityId?: string) =>
  db
    .select()
    .from(auditEvents)
    .where(entityId ? and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)) : eq(auditEvents.action, action))
    .all();
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

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
    expect(audited("plan.approval_request", r.id)).toHaveLength(1);
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
    expect(audited("plan.approval_withdraw", r.id)).toHaveLength(1);
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

describe("the demo plans", () => {
  const planOf = (region: string) => db.select().from(plans).where(eq(plans.region, region)).get()!;
  const newestEdition = (planId: string) => getApprovalPage(a.cityDrafter, planId).editionId!;

  it("临泽县 in technical review: one unanswered comment and a review short of its conclusion", async () => {
    const linze = planOf("临泽县");
    const drafter = await ctxFor(db, "linze-drafter");
    const d = unmetOf(() => requestApproval(drafter, linze.id, { editionId: newestEdition(linze.id) }));
    expect(d.unmet).toEqual(["comments_unanswered", "review_not_concluded"]);
    expect(d.unmetDetails[0]).toMatchObject({ count: 1 });
    expect(d.unmetDetails[1]).toMatchObject({ reviews: [{ signed: 3, quorum: 4 }] });
    // another county's drafter may not even look
    const gaotai = await ctxFor(db, "gaotai-drafter");
    expect(status(() => requestApproval(gaotai, linze.id, { editionId: newestEdition(linze.id) }))).toBe(403);
    expect(status(() => getApprovalPage(gaotai, linze.id))).toBe(403);
  });

  it("高台县 is waiting for its approval, 山丹县 for its filing, 民乐县 is filed", async () => {
    const zrj = await ctxFor(db, "zrj");
    const gaotai = planOf("高台县");
    expect(approvalSummary(db, gaotai.id)).toMatchObject({ state: "requested", editionLabel: "报批稿" });
    const gaotaiDrafter = await ctxFor(db, "gaotai-drafter");
    expect(failure(() => requestApproval(gaotaiDrafter, gaotai.id, { editionId: newestEdition(gaotai.id) }))).toMatchObject({
      status: 409,
      messageKey: "approval.pending",
    });
    expect(failure(() => fileApproval(zrj, gaotai.id, { filedOn: today() })).messageKey).toBe("approval.notApproved");
    const shandan = planOf("山丹县");
    expect(getApprovalPage(zrj, shandan.id).can.file).toBe(true);
    expect(fileApproval(zrj, shandan.id, { filedOn: today() }).planId).toBe(shandan.id);
    expect(approvalSummary(db, shandan.id).state).toBe("filed");
    expect(failure(() => fileApproval(zrj, planOf("民乐县").id, { filedOn: today() })).messageKey).toBe("approval.alreadyFiled");
    expect(verifyIntegrity(db).ok).toBe(true);
  });
});

describe("approval and filing records", () => {
  it("records the approval with its letter, freezes the plan, then the coordinator files it", () => {
    const p = countyPlan(db, a, "丑县");
    const { final } = p.ready();
    // nothing to record before a request; nothing to file before an approval
    expect(
      failure(() =>
        recordApproval(a.drafter, p.planId, { authority: "丑县人民政府", documentNumber: "丑政函〔2026〕8号", approvedOn: today() }),
      ),
    ).toMatchObject({ status: 409, messageKey: "approval.noPending" });
    expect(failure(() => fileApproval(a.coordinator, p.planId, { filedOn: today() }))).toMatchObject({
      status: 409,
      messageKey: "approval.notApproved",
    });
    requestApproval(a.drafter, p.planId, { editionId: final.id });

    // the letter's checks come before anything is stored
    const filesBefore = fileCount();
    const values = { authority: "丑县人民政府", documentNumber: "丑政函〔2026〕8号", approvedOn: today() };
    expect(
      failure(() =>
        recordApproval(a.drafter, p.planId, values, { name: "批复.docx", bytes: new TextEncoder().encode("PK\u0003\u0004 not a pdf") }),
      ),
    ).toMatchObject({ status: 400, messageKey: "approval.letterNotPdf" });
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.7"));
    expect(failure(() => recordApproval(a.drafter, p.planId, values, { name: "big.pdf", bytes: big }))).toMatchObject({
      status: 413,
      messageKey: "approval.letterTooLarge",
    });
    expect(fileCount()).toBe(filesBefore);
    expect(approvalSummary(db, p.planId).state).toBe("requested");

    // the document number and the date are checked and explained
    expect(failure(() => recordApproval(a.drafter, p.planId, { ...values, documentNumber: "丑政函[2026]8号" })).status).toBe(400);
    expect(failure(() => recordApproval(a.drafter, p.planId, { ...values, approvedOn: "2999-01-01" })).status).toBe(400);
    expect(failure(() => recordApproval(a.drafter, p.planId, { ...values, approvedOn: "2020-01-01" }))).toMatchObject({
      status: 400,
      messageKey: "approval.date.beforeRequest",
    });
    expect(status(() => recordApproval(a.otherDrafter, p.planId, values, pdf()))).toBe(403);
    expect(status(() => recordApproval(a.coordinator, p.planId, values, pdf()))).toBe(403);

    const coordinatorNotes = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, a.coordinator.user.id), eq(notifications.kind, "plan_approved")))
        .all();
    const letter = pdf("丑县");
    const approved = recordApproval(a.drafter, p.planId, values, letter);
    expect(approved).toMatchObject({
      editionId: final.id,
      documentNumber: "丑政函〔2026〕8号",
      stage: "filing",
      letter: { name: "批复.pdf", size: letter.bytes.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(fileCount()).toBe(filesBefore + 1);
    expect(Buffer.from(approvalLetter(a.reviewer, p.planId).data).equals(Buffer.from(letter.bytes))).toBe(true);
    expect(db.select().from(plans).where(eq(plans.id, p.planId)).get()!.stage).toBe("filing");
    expect(coordinatorNotes().some((n) => n.data.planId === p.planId)).toBe(true);
    expect(audited("plan.approve", approved.id)).toHaveLength(1);
    expect(audited("file.upload", approved.letter!.id)).toHaveLength(1);
    expect(getPlanOverview(a.reviewer, p.planId).approval).toMatchObject({
      state: "approved",
      approvedOn: today(),
      authority: "丑县人民政府",
      documentNumber: "丑政函〔2026〕8号",
    });
    // a second approval, and another letter, are refused
    expect(failure(() => recordApproval(a.drafter, p.planId, values))).toMatchObject({ status: 409, messageKey: "plan.frozen" });
    expect(failure(() => attachApprovalLetter(a.drafter, p.planId, pdf()))).toMatchObject({
      status: 409,
      messageKey: "approval.letterExists",
    });

    // frozen: revisions, editions and rounds of an approved plan get 409
    const section = db.select().from(sections).where(eq(sections.id, p.sectionIds[0])).get()!;
    expect(
      failure(() =>
        createRevision(a.drafter, section.id, {
          baseRevisionId: section.currentRevisionId,
          content: { type: "doc", content: [{ type: "paragraph" }] },
        }),
      ),
    ).toMatchObject({ status: 409, messageKey: "plan.frozen" });
    expect(failure(() => publishEdition(a.drafter, p.documentId, { label: "修订稿" }))).toMatchObject({
      status: 409,
      messageKey: "plan.frozen",
    });
    expect(
      failure(() =>
        openRound(a.drafter, final.id, {
          title: "再征求",
          closesAt: new Date(Date.now() + 864e5).toISOString(),
          invitedOrganizationIds: [a.reviewer.user.organization.id],
          visibility: "private",
        }),
      ),
    ).toMatchObject({ status: 409, messageKey: "plan.frozen" });

    // filing: the coordinator only, not before the approval date, once
    expect(failure(() => fileApproval(a.drafter, p.planId, { filedOn: today() }))).toMatchObject({ status: 403 });
    expect(failure(() => fileApproval(a.coordinator, p.planId, { filedOn: "2020-01-01" }))).toMatchObject({
      status: 400,
      messageKey: "approval.date.beforeApproval",
    });
    const filed = fileApproval(a.coordinator, p.planId, { filedOn: today(), filingNumber: "张自然资备〔2026〕3号" });
    expect(filed).toMatchObject({ planId: p.planId, filedOn: today(), filingNumber: "张自然资备〔2026〕3号" });
    expect(audited("plan.file", filed.id)).toHaveLength(1);
    expect(failure(() => fileApproval(a.coordinator, p.planId, { filedOn: today() }))).toMatchObject({
      status: 409,
      messageKey: "approval.alreadyFiled",
    });
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, a.drafter.user.id), eq(notifications.kind, "plan_filed")))
        .all()
        .some((n) => n.data.planId === p.planId),
    ).toBe(true);
    expect(approvalJson(a.coordinator, p.planId)).toMatchObject({
      state: "filed",
      approval: { documentNumber: "丑政函〔2026〕8号", hasLetter: true },
      filing: { filedOn: today() },
    });
    expect(getApprovalPage(a.drafter, p.planId).history.map((h) => h.kind)).toEqual(["request", "approval", "filing"]);
    expect(verifyIntegrity(db).ok).toBe(true);
  });

  it("an approval recorded without its letter takes the letter later, once", () => {
    const p = countyPlan(db, a, "寅县");
    const { final } = p.ready();
    requestApproval(a.drafter, p.planId, { editionId: final.id });
    recordApproval(a.drafter, p.planId, { authority: "寅县人民政府", documentNumber: "寅政函〔2026〕1号", approvedOn: today() });
    expect(status(() => approvalLetter(a.drafter, p.planId))).toBe(404);
    const before = fileCount();
    expect(status(() => attachApprovalLetter(a.drafter, p.planId, { name: "x.pdf", bytes: new TextEncoder().encode("<html>") }))).toBe(400);
    expect(status(() => attachApprovalLetter(a.drafter, p.planId, null))).toBe(400);
    expect(fileCount()).toBe(before);
    expect(attachApprovalLetter(a.drafter, p.planId, pdf()).letter.size).toBeGreaterThan(0);
    expect(status(() => attachApprovalLetter(a.drafter, p.planId, pdf()))).toBe(409);
    expect(approvalSummary(db, p.planId).hasLetter).toBe(true);
  });
});

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
    expect(audited("review.confirm", withChanges)).toHaveLength(1);
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
