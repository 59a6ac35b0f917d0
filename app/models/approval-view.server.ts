// Where a plan stands on the road to approval, as it is read: the summary for the dashboard, the
// roll-up and the dossier; the approval page (the gate for an edition as a checklist, the warnings,
// the records and their history) and the same as the API's JSON.
import { and, asc, eq } from "drizzle-orm";
import { translator } from "~/i18n";
import type { DbOrTx } from "~db/client";
import { approvalRequests, auditEvents, documents, editions, users } from "~db/schema";
import { evaluateGate } from "../lib/approval/gate";
import { gateItems, unmetBody } from "../lib/approval/gate-words";
import { defaultCc, documentNumberPrefix } from "../lib/dossier/letter-content";
import { draftsPlan, seesPlanDrafts } from "../lib/plan-access";
import { isoShanghai, shanghaiDate } from "../lib/time";
import { forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import {
  activeRequest,
  approvalOf,
  defaultEdition,
  filingOf,
  gateInput,
  planDetails,
  planEditions,
  warningsOf,
} from "./approval-state.server";
import { planRow } from "./plan-access.server";

export type ApprovalState = "none" | "requested" | "approved" | "filed";

/** For the dashboard and the roll-up: where the plan stands (anyone who reads the plan may know). */
export function approvalSummary(db: DbOrTx, planId: string) {
  const request = activeRequest(db, planId);
  const approval = approvalOf(db, planId);
  const filing = filingOf(db, planId);
  const state: ApprovalState = filing ? "filed" : approval ? "approved" : request ? "requested" : "none";
  const editionId = approval?.editionId ?? request?.editionId ?? null;
  const edition = editionId ? db.select({ label: editions.label }).from(editions).where(eq(editions.id, editionId)).get() : null;
  return {
    state,
    editionId,
    editionLabel: edition?.label ?? null,
    requestedAt: request ? isoShanghai(request.requestedAt) : null,
    approvedOn: approval?.approvedOn ?? null,
    authority: approval?.authority ?? null,
    documentNumber: approval?.documentNumber ?? null,
    hasLetter: !!approval?.letterFileId,
    filedOn: filing?.filedOn ?? null,
    filingNumber: filing?.filingNumber || null,
  };
}

/** Who opens the approval page: those who see the plan's drafts, and the city bureau's coordinators. */
function requireApprovalReader(ctx: Ctx, planId: string) {
  const plan = planRow(ctx.db, planId);
  if (!(seesPlanDrafts(ctx.user, plan) || ctx.user.role === "coordinator")) throw forbidden();
  return plan;
}

/** The approval page: the gate for an edition as a checklist, the warnings, the records and their history. */
export function getApprovalPage(ctx: Ctx, planId: string, editionId: string | null = null, now = Date.now()) {
  const row = requireApprovalReader(ctx, planId);
  const plan = planDetails(ctx.db, planId);
  const t = translator(ctx.user.locale);
  const summary = approvalSummary(ctx.db, planId);
  const editionList = planEditions(ctx.db, planId);
  const chosen =
    (summary.editionId && editionList.find((e) => e.id === summary.editionId)) ||
    (editionId && editionList.find((e) => e.id === editionId)) ||
    defaultEdition(ctx.db, planId);
  const gate = chosen ? evaluateGate(gateInput(ctx.db, planId, chosen.id, now)) : null;
  const drafts = draftsPlan(ctx.user, row);
  const request = activeRequest(ctx.db, planId);
  const approval = approvalOf(ctx.db, planId);
  const filing = filingOf(ctx.db, planId);
  return {
    plan: { id: plan.id, title: plan.title, level: plan.level, region: plan.region, stage: plan.stage },
    summary,
    editions: editionList.map((e) => ({
      id: e.id,
      label: e.label,
      documentTitle: e.documentTitle,
      documentKind: e.documentKind,
      manifestHash: e.manifestHash,
      publishedAt: isoShanghai(e.publishedAt),
    })),
    editionId: chosen?.id ?? null,
    checklist: gate && chosen ? gateItems(t, ctx.user.locale, gate, chosen) : [],
    gateMet: gate?.met ?? false,
    warnings: gate ? warningsOf(ctx.db, planId, gate, t).map((w) => w.message) : [],
    request: request
      ? { id: request.id, editionId: request.editionId, requestedAt: isoShanghai(request.requestedAt), warnings: request.warnings }
      : null,
    approval: approval
      ? {
          id: approval.id,
          authority: approval.authority,
          documentNumber: approval.documentNumber,
          approvedOn: approval.approvedOn,
          hasLetter: !!approval.letterFileId,
          recordedAt: isoShanghai(approval.recordedAt),
        }
      : null,
    filing: filing ? { filedOn: filing.filedOn, filingNumber: filing.filingNumber, recordedAt: isoShanghai(filing.recordedAt) } : null,
    history: historyOf(ctx.db, planId),
    can: {
      request: drafts && !request && !approval,
      withdraw: drafts && !!request && !approval,
      record: drafts && !!request && !approval,
      attachLetter: drafts && !!approval && !approval.letterFileId,
      file: can(ctx.user, "create:filing:any") && !!approval && !filing,
      dossier: seesPlanDrafts(ctx.user, row) && editionList.length > 0,
    },
    defaults: { authority: `${plan.region}人民政府`, today: shanghaiDate(now) },
    dossier: {
      numberHint: `${documentNumberPrefix(plan.region)}〔${shanghaiDate(now).slice(0, 4)}〕12号`,
      contact: ctx.user.displayName,
      cc: defaultCc(plan.level, plan.parentPlanId ? planDetails(ctx.db, plan.parentPlanId).owner : undefined),
    },
  };
}

/** GET /api/v1/plans/:planId/approval: the same, as data (checklist codes and words, records). */
export function approvalJson(ctx: Ctx, planId: string, editionId: string | null = null) {
  const p = getApprovalPage(ctx, planId, editionId);
  return {
    planId: p.plan.id,
    stage: p.plan.stage,
    state: p.summary.state,
    editionId: p.editionId,
    gate: {
      met: p.gateMet,
      ...unmetBody(p.checklist),
      checklist: p.checklist.map(({ item, met, code, message, figures }) => ({ item, met, code, message, ...figures })),
    },
    warnings: p.warnings,
    request: p.request,
    approval: p.approval,
    filing: p.filing,
  };
}

function historyOf(db: DbOrTx, planId: string) {
  const name = (id: string | null) => (id ? (db.select({ n: users.displayName }).from(users).where(eq(users.id, id)).get()?.n ?? "") : "");
  const label = (id: string) =>
    db
      .select({ label: editions.label, doc: documents.title })
      .from(editions)
      .innerJoin(documents, eq(editions.documentId, documents.id))
      .where(eq(editions.id, id))
      .get();
  const out: {
    kind: "request" | "withdrawn" | "approval" | "filing";
    at: string;
    name: string;
    label?: string;
    authority?: string;
    number?: string;
    date?: string;
    hasLetter?: boolean;
  }[] = [];
  for (const r of db
    .select()
    .from(approvalRequests)
    .where(eq(approvalRequests.planId, planId))
    .orderBy(asc(approvalRequests.requestedAt))
    .all()) {
    const l = label(r.editionId);
    const text = l ? `${l.doc}（${l.label}）` : "";
    out.push({ kind: "request", at: isoShanghai(r.requestedAt), name: name(r.requestedById), label: text });
    if (r.withdrawnAt) {
      const by = db
        .select({ actorId: auditEvents.actorId })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "plan.approval_withdraw"), eq(auditEvents.entityId, r.id)))
        .get();
      out.push({ kind: "withdrawn", at: isoShanghai(r.withdrawnAt), name: name(by?.actorId ?? null), label: text });
    }
  }
  const a = approvalOf(db, planId);
  if (a)
    out.push({
      kind: "approval",
      at: isoShanghai(a.recordedAt),
      name: name(a.recordedById),
      authority: a.authority,
      number: a.documentNumber,
      date: a.approvedOn,
      hasLetter: !!a.letterFileId,
    });
  const f = filingOf(db, planId);
  if (f) out.push({ kind: "filing", at: isoShanghai(f.recordedAt), name: name(f.recordedById), number: f.filingNumber, date: f.filedOn });
  return out;
}
