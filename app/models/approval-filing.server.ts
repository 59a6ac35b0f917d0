// 备案: the city bureau's coordinator records the filing of an approved plan, once; the plan's
// drafters are told.
import { z } from "zod";
import { filings } from "~db/schema";
import { newId } from "../lib/id";
import { conflict, forbidden } from "../utils/errors";
import { can } from "../utils/permissions";
import type { Ctx } from "../utils/session.server";
import { dateIssue, pastDate } from "./approval-record.server";
import { approvalOf, draftersOf, filingOf } from "./approval-state.server";
import { recordAudit } from "./audit.server";
import { notifyUsers } from "./notification.server";
import { planRow } from "./plan-access.server";
import { bindRow } from "./row-binding.server";

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
