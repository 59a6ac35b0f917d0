// A plan's next deadline, as the roll-up and the deadline notices count it. Pure.
import { type StageKey, stageKeys } from "~db/schema/enums";
import { daysBetween } from "../time";

export interface StageDue {
  stage: StageKey;
  dueOn: string; // YYYY-MM-DD, Asia/Shanghai
}

export interface DeadlineInput {
  stage: StageKey;
  stages: readonly StageDue[];
  approved: boolean;
  filed: boolean;
}

export interface Deadline {
  /** the stage whose due date counts: the plan's stage, or `filing` once the plan is approved */
  dueStage: StageKey;
  dueOn: string | null;
  /** calendar days from today to dueOn in Shanghai; negative when past */
  daysLeft: number | null;
  /** past due and the work of that stage not done */
  overdue: boolean;
  /** nothing is left to do: the plan is filed */
  done: boolean;
}

/**
 * The due date of the plan's current stage. Once approved, what is left is the filing, so an approved
 * plan counts against the filing due date (whether or not its stage has been moved on yet). A filed
 * plan has done everything and is never overdue.
 */
export function planDeadline(p: DeadlineInput, today: string): Deadline {
  const dueStage: StageKey = p.approved || p.filed ? "filing" : p.stage;
  const dueOn = p.stages.find((s) => s.stage === dueStage)?.dueOn ?? null;
  const daysLeft = dueOn ? daysBetween(today, dueOn) : null;
  const done = p.filed;
  return { dueStage, dueOn, daysLeft, overdue: !done && daysLeft !== null && daysLeft < 0, done };
}

/** Days a plan is late (0 when it is not). */
export const daysOverdue = (d: Pick<Deadline, "overdue" | "daysLeft">) => (d.overdue && d.daysLeft !== null ? -d.daysLeft : 0);

/** Where a plan stands, finer than its stage: 0 launch … 3 approval, 3.5 requested, 5 approved, 6 filed. */
export function progressRank(p: { stage: StageKey; approvalRequested: boolean; approved: boolean; filed: boolean }): number {
  if (p.filed) return 6;
  if (p.approved) return 5;
  if (p.approvalRequested) return 3.5;
  return stageKeys.indexOf(p.stage);
}
