// 报批、审批、备案: the plan's drafters submit one edition (the 报批稿) once the gate is met, record the
// people's government's approval with its letter (the plan is frozen from then on), and the city
// bureau's coordinator records the filing. One transaction per operation, each audited.
import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { type MessageKey, type Translate, translate, translator } from "~/i18n";
import type { DbOrTx, Tx } from "~db/client";
import { approvalRequests, approvals, auditEvents, documents, editions, files, filings, plans, users } from "~db/schema";
import { evaluateGate } from "../lib/approval/gate";
import { type GateItem, gateItems, unmetBody } from "../lib/approval/gate-words";
import { documentNumberProblem, isCalendarDate, isPdf, letterFileName, MAX_LETTER_BYTES } from "../lib/approval/records";
import { defaultCc, documentNumberPrefix } from "../lib/dossier/letter-content";
import { newId } from "../lib/id";
import { draftsPlan, seesPlanDrafts } from "../lib/plan-access";
import { isoShanghai, shanghaiDate } from "../lib/time";
import { conflict, DomainError, forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import {
  activeRequest,
  approvalOf,
  coordinators,
  defaultEdition,
  draftersOf,
  editionOfPlan,
  filingOf,
  gateInput,
  planDetails,
  planEditions,
  type Warning,
  warningsOf,
} from "./approval-state.server";
import { recordAudit } from "./audit.server";
import { bindRow } from "./row-binding.server";
import { notifyUsers } from "./notification.server";
import { planRow, requirePlanDrafter } from "./plan-access.server";

export interface Letter {
  name: string;
  bytes: Uint8Array;
}

// ─── 报批 ───────────────────────────────────────────────────────────────────────────────────────

const requestInput = z.object({
  editionId: z.string({ required_error: "approval.editionNotInPlan" }).trim().min(1, "approval.editionNotInPlan"),
});

/**
 * 报批: a drafter of the plan submits one of its editions. 400 for an edition that is not the plan's,
 * 409 while another request is pending, 409 `gate_unmet` with every unmet condition in words and
 * figures; indicator roll-up mismatches are stored as warnings. The plan moves to the approval stage
 * and every coordinator is told.
 */
export function requestApproval(ctx: Ctx, planId: string, input: unknown, now = Date.now()) {
  if (!can(ctx.user, "create:approval:any")) throw forbidden();
  const { editionId } = requestInput.parse(input);
  const t = translator(ctx.user.locale);
  return ctx.db.transaction((tx) => {
    const plan = requirePlanDrafter(ctx, planId, tx);
    const edition = editionOfPlan(tx, planId, editionId);
    if (activeRequest(tx, planId)) throw conflict("approval.pending");
    const gate = evaluateGate(gateInput(tx, planId, editionId, now));
    const items = gateItems(t, ctx.user.locale, gate, edition);
    const warnings = warningsOf(tx, planId, gate, t);
    if (!gate.met) throw gateUnmet(t, items, warnings);
    const id = newId("apr");
    const requestedAt = new Date(now);
    // stored in the record's language (Chinese), whoever asks
    const stored = warningsOf(tx, planId, gate, translator("zh-CN")).map((w) => w.message);
    tx.insert(approvalRequests).values({ id, planId, editionId, warnings: stored, requestedById: ctx.user.id, requestedAt }).run();
    tx.update(plans).set({ stage: "approval" }).where(eq(plans.id, planId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "plan.approval_request",
      entityType: "approval_request",
      entityId: id,
      data: { planId, editionId, manifestHash: edition.manifestHash, warnings: stored },
      bound: [bindRow(tx, "approval_requests", id)],
    });
    notifyUsers(tx, coordinators(tx), "approval_requested", { planId, plan: plan.title, label: edition.label });
    return {
      id,
      planId,
      editionId,
      editionLabel: edition.label,
      manifestHash: edition.manifestHash,
      requestedAt: isoShanghai(requestedAt),
      stage: "approval" as const,
      warnings: warnings.map(({ code, message, figures }) => ({ code, message, ...figures })),
    };
  });
}

function gateUnmet(t: Translate, items: GateItem[], warnings: Warning[]) {
  const unmet = items.filter((i) => !i.met);
  const list = unmet.map((i, n) => `${n + 1}. ${i.message}`).join(t("approval.listSeparator"));
  return new DomainError(
    "gate_unmet",
    "approval.gateUnmet",
    { list },
    { details: { ...unmetBody(items), warnings: warnings.map(({ code, message, figures }) => ({ code, message, ...figures })) } },
  );
}

/** The drafters take back a pending request (e.g. to revise the 报批稿); the plan returns to consultation. */
export function withdrawApprovalRequest(ctx: Ctx, planId: string) {
  if (!can(ctx.user, "update:approval:any")) throw forbidden();
  return ctx.db.transaction((tx) => {
    requirePlanDrafter(ctx, planId, tx);
    const request = activeRequest(tx, planId);
    if (!request) throw conflict("approval.noPending");
    tx.update(approvalRequests).set({ withdrawnAt: new Date() }).where(eq(approvalRequests.id, request.id)).run();
    tx.update(plans).set({ stage: "consultation" }).where(eq(plans.id, planId)).run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "plan.approval_withdraw",
      entityType: "approval_request",
      entityId: request.id,
      data: { planId, editionId: request.editionId },
      bound: [bindRow(tx, "approval_requests", request.id)],
    });
    return { id: request.id };
  });
}

// ─── 审批 ───────────────────────────────────────────────────────────────────────────────────────

/** A calendar date (YYYY-MM-DD) not later than today in Shanghai. */
const pastDate = () =>
  z
    .string({ required_error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .refine(isCalendarDate, "approval.date.invalid")
    .refine((d) => d <= shanghaiDate(Date.now()), "approval.date.future");

export const approvalInput = z.object({
  authority: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong|100"),
  documentNumber: z
    .string({ required_error: "approval.documentNumber.required" })
    .trim()
    .superRefine((v, c) => {
      const problem = documentNumberProblem(v);
      if (problem) c.addIssue({ code: "custom", message: `approval.documentNumber.${problem}` });
    }),
  approvedOn: pastDate(),
});

/** The letter's own checks, before anything is stored: a PDF (400), at most 20 MB (413). */
function checkLetter(letter: Letter) {
  if (letter.bytes.length > MAX_LETTER_BYTES) throw new DomainError("too_large", "approval.letterTooLarge");
  if (!isPdf(letter.bytes)) throw invalid([{ path: "letter", message: "approval.letterNotPdf" }], "approval.letterNotPdf");
}

/** Stores the letter; `auditLetter` records it once the approval that points at it is written too. */
function storeLetter(ctx: Ctx, tx: Tx, letter: Letter, fallbackName: string) {
  checkLetter(letter);
  const id = newId("fil");
  const sha256 = createHash("sha256").update(letter.bytes).digest("hex");
  const name = letterFileName(letter.name, fallbackName);
  tx.insert(files)
    .values({
      id,
      name,
      mimeType: "application/pdf",
      size: letter.bytes.length,
      sha256,
      data: Buffer.from(letter.bytes),
      uploadedById: ctx.user.id,
    })
    .run();
  return { id, name, size: letter.bytes.length, sha256 };
}

function auditLetter(ctx: Ctx, tx: Tx, planId: string, stored: ReturnType<typeof storeLetter>, approvalId: string) {
  const { id, name, size, sha256 } = stored;
  recordAudit(tx, {
    actorId: ctx.user.id,
    action: "file.upload",
    entityType: "file",
    entityId: id,
    data: { planId, purpose: "approval_letter", name, size, sha256 },
    bound: [bindRow(tx, "files", id), bindRow(tx, "approvals", approvalId)],
  });
}

/**
 * 审批: a drafter of the plan records the government's approval of the pending request — authority,
 * document number, date (not in the future, not before the request) and, optionally here, the letter.
 * The plan moves to filing and is frozen; coordinators are told.
 */
export function recordApproval(ctx: Ctx, planId: string, input: unknown, letter: Letter | null = null) {
  if (!can(ctx.user, "create:approval:any")) throw forbidden();
  const values = approvalInput.parse(input);
  return ctx.db.transaction((tx) => {
    const plan = requirePlanDrafter(ctx, planId, tx);
    const request = activeRequest(tx, planId);
    if (!request) throw conflict("approval.noPending");
    const requestedOn = shanghaiDate(request.requestedAt);
    if (values.approvedOn < requestedOn) throw dateIssue(ctx, "approvedOn", "approval.date.beforeRequest", requestedOn);
    const stored = letter ? storeLetter(ctx, tx, letter, values.documentNumber) : null;
    const id = newId("apv");
    const recordedAt = new Date();
    tx.insert(approvals)
      .values({
        id,
        planId,
        requestId: request.id,
        editionId: request.editionId,
        authority: values.authority,
        documentNumber: values.documentNumber,
        approvedOn: values.approvedOn,
        letterFileId: stored?.id ?? null,
        recordedById: ctx.user.id,
        recordedAt,
      })
      .run();
    tx.update(plans).set({ stage: "filing" }).where(eq(plans.id, planId)).run();
    if (stored) auditLetter(ctx, tx, planId, stored, id);
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "plan.approve",
      entityType: "approval",
      entityId: id,
      data: {
        planId,
        requestId: request.id,
        editionId: request.editionId,
        authority: values.authority,
        documentNumber: values.documentNumber,
        approvedOn: values.approvedOn,
        letter: stored ? { fileId: stored.id, sha256: stored.sha256 } : null,
      },
      bound: [bindRow(tx, "approvals", id)],
    });
    notifyUsers(tx, coordinators(tx), "plan_approved", {
      planId,
      plan: plan.title,
      authority: values.authority,
      number: values.documentNumber,
    });
    return {
      id,
      planId,
      editionId: request.editionId,
      authority: values.authority,
      documentNumber: values.documentNumber,
      approvedOn: values.approvedOn,
      letter: stored,
      stage: "filing" as const,
    };
  });
}

/** Uploads the approval letter after the approval was recorded without it (once; it is not replaced). */
export function attachApprovalLetter(ctx: Ctx, planId: string, letter: Letter | null) {
  if (!can(ctx.user, "update:approval:any")) throw forbidden();
  return ctx.db.transaction((tx) => {
    requirePlanDrafter(ctx, planId, tx, { frozenToo: false });
    const approval = approvalOf(tx, planId);
    if (!approval) throw conflict("approval.notApproved");
    if (approval.letterFileId) throw conflict("approval.letterExists");
    if (!letter || letter.bytes.length === 0)
      throw invalid([{ path: "letter", message: "approval.letterRequired" }], "approval.letterRequired");
    const stored = storeLetter(ctx, tx, letter, approval.documentNumber);
    tx.update(approvals).set({ letterFileId: stored.id }).where(eq(approvals.id, approval.id)).run();
    auditLetter(ctx, tx, planId, stored, approval.id);
    return { approvalId: approval.id, letter: stored };
  });
}

/** The approval letter for anyone who may read the plan. */
export function approvalLetter(ctx: Ctx, planId: string) {
  if (!can(ctx.user, "read:plan:any")) throw notFound();
  const row = ctx.db
    .select({ name: files.name, mimeType: files.mimeType, data: files.data, sha256: files.sha256 })
    .from(approvals)
    .innerJoin(files, eq(approvals.letterFileId, files.id))
    .where(eq(approvals.planId, planId))
    .get();
  if (!row) throw notFound();
  return row;
}

function dateIssue(ctx: Ctx, path: string, key: MessageKey, date: string) {
  return new DomainError("invalid", key, { date }, { issues: [{ path, message: translate(ctx.user.locale, key, { date }) }] });
}

// ─── 备案 ───────────────────────────────────────────────────────────────────────────────────────

export const filingInput = z.object({
  filedOn: pastDate(),
  filingNumber: z.string().trim().max(50, "validation.tooLong|50").optional().default(""),
});

/** 备案: the city bureau's coordinator records the filing of an approved plan, once. The plan's drafters are told. */
export function fileApproval(ctx: Ctx, planId: string, input: unknown) {
  if (!can(ctx.user, "create:filing:any")) throw forbidden("approval.coordinatorOnly");
  const values = filingInput.parse(input);
  return ctx.db.transaction((tx) => {
    const plan = planRow(tx, planId);
    const approval = approvalOf(tx, planId);
    if (!approval) throw conflict("approval.notApproved");
    if (filingOf(tx, planId)) throw conflict("approval.alreadyFiled");
    if (values.filedOn < approval.approvedOn) throw dateIssue(ctx, "filedOn", "approval.date.beforeApproval", approval.approvedOn);
    const id = newId("fln");
    const recordedAt = new Date();
    tx.insert(filings)
      .values({
        id,
        planId,
        approvalId: approval.id,
        filedOn: values.filedOn,
        filingNumber: values.filingNumber,
        recordedById: ctx.user.id,
        recordedAt,
      })
      .run();
    recordAudit(tx, {
      actorId: ctx.user.id,
      action: "plan.file",
      entityType: "filing",
      entityId: id,
      data: { planId, approvalId: approval.id, filedOn: values.filedOn, filingNumber: values.filingNumber },
      bound: [bindRow(tx, "filings", id)],
    });
    notifyUsers(tx, draftersOf(tx, plan.draftingOrganizationId), "plan_filed", { planId, plan: plan.title });
    return { id, planId, approvalId: approval.id, filedOn: values.filedOn, filingNumber: values.filingNumber };
  });
}

// ─── pages and summaries ────────────────────────────────────────────────────────────────────────

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
