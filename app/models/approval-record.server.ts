// 审批: a drafter of the plan records the people's government's approval of the pending request with
// its letter (the plan is frozen from then on), or attaches the letter later; anyone who reads the plan
// downloads it. The date rules here are shared with the filing (approval-filing).
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { type MessageKey, translate } from "~/i18n";
import type { Tx } from "~db/client";
import { approvals, files, plans } from "~db/schema";
import { documentNumberProblem, isCalendarDate, isPdf, letterFileName, MAX_LETTER_BYTES } from "../lib/approval/records";
import { newId } from "../lib/id";
import { shanghaiDate } from "../lib/time";
import { conflict, DomainError, forbidden, invalid, notFound } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { activeRequest, approvalOf, coordinators } from "./approval-state.server";
import { recordAudit } from "./audit.server";
import { notifyUsers } from "./notification.server";
import { requirePlanDrafter } from "./plan-access.server";
import { bindRow } from "./row-binding.server";

export interface Letter {
  name: string;
  bytes: Uint8Array;
}

/** A calendar date (YYYY-MM-DD) not later than today in Shanghai. */
export const pastDate = () =>
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

/** A date refused for its order against an earlier record (its own field, with that record's date in the message). */
export function dateIssue(ctx: Ctx, path: string, key: MessageKey, date: string) {
  return new DomainError("invalid", key, { date }, { issues: [{ path, message: translate(ctx.user.locale, key, { date }) }] });
}
