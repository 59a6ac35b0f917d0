// 审批 and 备案: the approval with its letter, the frozen plan, the filing; the demo plans' states.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { files, notifications, plans, sections } from "~db/schema";
import { approvalJson, approvalSummary, getApprovalPage } from "../../app/models/approval-view.server";
import { approvalLetter, attachApprovalLetter, recordApproval } from "../../app/models/approval-record.server";
import { fileApproval } from "../../app/models/approval-filing.server";
import { requestApproval } from "../../app/models/approval-request.server";
import { publishEdition } from "../../app/models/edition.server";
import { verifyIntegrity } from "../../app/models/integrity.server";
import { getPlanOverview } from "../../app/models/plan.server";
import { createRevision } from "../../app/models/revision.server";
import { openRound } from "../../app/models/round.server";
import { createTestDb, ctxFor } from "./helpers";
import { type Actors, audited, countyPlan, createActors, failure, pdf, status, today, unmetOf } from "./approval-fixture";

let db: Db;
let cleanup: () => void;
let a: Actors;

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  a = await createActors(db);
});
afterAll(() => cleanup());

const fileCount = () => db.select({ n: count() }).from(files).get()!.n;

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
    expect(audited(db, "plan.approve", approved.id)).toHaveLength(1);
    expect(audited(db, "file.upload", approved.letter!.id)).toHaveLength(1);
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
    expect(audited(db, "plan.file", filed.id)).toHaveLength(1);
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
