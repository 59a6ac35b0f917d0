// Each plan's next deadline (lib/rollup/deadline.ts) from its stages, approval and filing: read by the
// roll-up, the start page and the deadline notices. Four small queries whatever the number of plans.
import { isNull } from "drizzle-orm";
import type { DbOrTx } from "~db/client";
import { approvalRequests, approvals, filings, planStages, plans } from "~db/schema";
import { type Deadline, planDeadline, type StageDue } from "../lib/rollup/deadline";
import { shanghaiDate } from "../lib/time";

export interface PlanDeadline extends Deadline {
  planId: string;
  title: string;
  level: "city" | "county";
  region: string;
  stage: StageDue["stage"];
  draftingOrganizationId: string | null;
  approvalRequested: boolean;
  approved: boolean;
  filed: boolean;
}

export function planDeadlines(db: DbOrTx, now = Date.now()): PlanDeadline[] {
  const today = shanghaiDate(now);
  const stagesOf = new Map<string, StageDue[]>();
  for (const s of db.select({ planId: planStages.planId, stage: planStages.stage, dueOn: planStages.dueOn }).from(planStages).all()) {
    const list = stagesOf.get(s.planId) ?? [];
    list.push({ stage: s.stage, dueOn: s.dueOn });
    stagesOf.set(s.planId, list);
  }
  const approved = new Set(
    db
      .select({ planId: approvals.planId })
      .from(approvals)
      .all()
      .map((a) => a.planId),
  );
  const filed = new Set(
    db
      .select({ planId: filings.planId })
      .from(filings)
      .all()
      .map((f) => f.planId),
  );
  const requested = new Set(
    db
      .select({ planId: approvalRequests.planId })
      .from(approvalRequests)
      .where(isNull(approvalRequests.withdrawnAt))
      .all()
      .map((r) => r.planId),
  );
  return db
    .select({
      id: plans.id,
      title: plans.title,
      level: plans.level,
      region: plans.region,
      stage: plans.stage,
      draftingOrganizationId: plans.draftingOrganizationId,
    })
    .from(plans)
    .all()
    .map((p) => {
      const state = { approved: approved.has(p.id), filed: filed.has(p.id) };
      return {
        planId: p.id,
        title: p.title,
        level: p.level,
        region: p.region,
        stage: p.stage,
        draftingOrganizationId: p.draftingOrganizationId,
        approvalRequested: requested.has(p.id),
        ...state,
        ...planDeadline({ stage: p.stage, stages: stagesOf.get(p.id) ?? [], ...state }, today),
      };
    });
}
