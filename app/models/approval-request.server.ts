// 报批: the plan's drafters submit one edition (the 报批稿) once the gate is met, or take a pending
// request back. The plan moves to the approval stage and back; one transaction each, audited.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { type Translate, translator } from "~/i18n";
import { approvalRequests, plans } from "~db/schema";
import { evaluateGate } from "../lib/approval/gate";
import { type GateItem, gateItems, unmetBody } from "../lib/approval/gate-words";
import { newId } from "../lib/id";
import { isoShanghai } from "../lib/time";
import { conflict, DomainError, forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { activeRequest, coordinators, editionOfPlan, gateInput, type Warning, warningsOf } from "./approval-state.server";
import { recordAudit } from "./audit.server";
import { notifyUsers } from "./notification.server";
import { requirePlanDrafter } from "./plan-access.server";
import { bindRow } from "./row-binding.server";

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
